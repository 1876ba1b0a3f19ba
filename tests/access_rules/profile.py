from tests.access_rules.base import Rule, expect

RULES = {
    # Every pegawai edits only their own profile (no id in the URL); an empty POST lacks the
    # Konfirmasi Password and is refused by the field.
    "profile.edit": Rule(lambda w: "/profil", get=expect(200), post=expect(422)),
    "profile.cari": Rule(lambda w: "/pegawai/cari?q=AT", get=expect(200)),
}

# Persetujuan Atasan: in `world` the owner asked for `other` as Atasan II; only `other` decides
# (the operator's unit tree does not hold the owner; the owner never decides their own request).
DECIDE = expect(404, other=200)
DECIDE_POST = expect(404, other=302)
RULES.update(
    {
        "persetujuan.index": Rule(lambda w: "/persetujuan-atasan/", get=expect(200)),
        "persetujuan.setujui": Rule(
            lambda w: f"/persetujuan-atasan/{w.permintaan.id}/setujui",
            get=DECIDE,
            post=DECIDE_POST,
        ),
        "persetujuan.tolak": Rule(
            lambda w: f"/persetujuan-atasan/{w.permintaan.id}/tolak",
            get=DECIDE,
            post=DECIDE_POST,
        ),
    }
)
