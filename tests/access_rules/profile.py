from tests.access_rules.base import Rule, expect

RULES = {
    # Every pegawai edits only their own profile (no id in the URL); an empty POST lacks the
    # Konfirmasi Password and is refused by the field.
    "profile.edit": Rule(lambda w: "/profil", get=expect(200), post=expect(422)),
    "profile.cari": Rule(lambda w: "/pegawai/cari?q=AT", get=expect(200)),
}
