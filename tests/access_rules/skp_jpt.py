"""Rencana SKP JPT: JPT pegawai only (operator and admin of the world are JA: 403); another JPT
pegawai, including the owner's atasan, gets 404 for the owner's SKP, rencana, indikator and
perilaku. `world.skp` is a draft kuantitatif SKP; its perilaku have no penilai yet, so the owner's
Ajukan is refused with the list of what is missing (422)."""

from tests.access_rules.base import Rule, expect

JPT_ONLY = {"operator": 403, "admin": 403}


def _owner(ok: int, **kw) -> dict[str, int]:
    return expect(404, owner=ok, **JPT_ONLY, **kw)


INDIKATOR = {"teks": "Indikator baru", "target": "2", "satuan": "Dokumen", "perspektif": "Anggaran"}

RULES = {
    "skp_jpt.index": Rule(lambda w: "/skp-jpt/", get=expect(200, **JPT_ONLY)),
    "skp_jpt.tambah": Rule(
        lambda w: "/skp-jpt/tambah", get=expect(200, **JPT_ONLY), post=expect(422, **JPT_ONLY)
    ),
    "skp_jpt.edit": Rule(
        lambda w: f"/skp-jpt/{w.skp.id}/edit",
        get=_owner(200),
        post=_owner(422),
        data=lambda w: {"dari": "2022-03-31", "sampai": "2022-03-01", "pendekatan": "kuantitatif"},
    ),
    "skp_jpt.hapus": Rule(
        lambda w: f"/skp-jpt/{w.skp.id}/hapus", get=_owner(200), post=_owner(302)
    ),
    "skp_jpt.target": Rule(lambda w: f"/skp-jpt/{w.skp.id}", get=_owner(200)),
    "skp_jpt.ajukan": Rule(lambda w: f"/skp-jpt/{w.skp.id}/ajukan", post=_owner(422)),
    "skp_jpt.rencana_tambah": Rule(
        lambda w: f"/skp-jpt/{w.skp.id}/rencana/tambah/utama",
        get=_owner(200),
        post=_owner(302),
        data=lambda w: {"teks": "Rencana baru"},
    ),
    "skp_jpt.rencana_edit": Rule(
        lambda w: f"/skp-jpt/rencana/{w.rencana.id}/edit",
        get=_owner(200),
        post=_owner(302),
        data=lambda w: {"teks": "Rencana diubah", "version": w.rencana.version_id},
    ),
    "skp_jpt.rencana_hapus": Rule(
        lambda w: f"/skp-jpt/rencana/{w.rencana.id}/hapus", get=_owner(200), post=_owner(302)
    ),
    "skp_jpt.indikator_tambah": Rule(
        lambda w: f"/skp-jpt/rencana/{w.rencana.id}/indikator/tambah",
        get=_owner(200),
        post=_owner(302),
        data=lambda w: INDIKATOR,
    ),
    "skp_jpt.indikator_edit": Rule(
        lambda w: f"/skp-jpt/indikator/{w.indikator.id}/edit",
        get=_owner(200),
        post=_owner(302),
        data=lambda w: {**INDIKATOR, "version": w.indikator.version_id},
    ),
    "skp_jpt.indikator_hapus": Rule(
        lambda w: f"/skp-jpt/indikator/{w.indikator.id}/hapus", get=_owner(200), post=_owner(302)
    ),
    "skp_jpt.manual": Rule(
        lambda w: f"/skp-jpt/indikator/{w.indikator.id}/manual", get=_owner(200)
    ),
    "skp_jpt.manual_edit": Rule(
        lambda w: f"/skp-jpt/indikator/{w.indikator.id}/manual/edit",
        get=_owner(200),
        post=_owner(302),
        data=lambda w: {"jenis_iku": "Outcome", "periode_pelaporan": "Bulanan"},
    ),
    "skp_jpt.penilai": Rule(
        lambda w: f"/skp-jpt/perilaku/{w.skp.perilaku[0].id}/penilai",
        get=_owner(200),
        post=_owner(302),
        data=lambda w: {"peran": "atasan", "version": w.skp.perilaku[0].version_id},
    ),
}
