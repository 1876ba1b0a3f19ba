"""Rencana SKP, one table per JenisSkp (the same engine registered twice).

JPT (/skp-jpt): JPT pegawai only (operator and admin of the world are JA: 403); another JPT
pegawai, including the owner's atasan, gets 404 for the owner's SKP, rencana, indikator and
perilaku. `world.skp` is a draft kuantitatif SKP; its perilaku have no penilai yet, so the owner's
Ajukan is refused with the list of what is missing (422).

JA/JF (/skp-jajf): JA and JF pegawai only (the world's JPT owner, other and atasan: 403). The
world's JA pegawai are the operator, who owns `world.skp_jajf`, and the admin, who gets 404 for
it. The operator has no Atasan Langsung, so Set Penilai "Atasan" is refused by the form (422).
"""

from types import SimpleNamespace

from tests.access_rules.base import Rule, expect
from webapp.extensions import db
from webapp.models import Indikator, PerilakuKerja, RencanaHasilKerja, Skp

JPT_INDIKATOR = {"teks": "Indikator baru", "target": "2", "satuan": "Dokumen"}
JAJF_INDIKATOR = {**JPT_INDIKATOR, "aspek": "Kuantitas", "jenis_target": "satuan"}


def _rules(prefix: str, ep: str, ids, owner: str, outsiders: tuple, penilai_ok: int, indikator):
    """The access table of one kind: `ids(w)` the ids of the SKP `owner` (a role) owns, its
    first rencana, indikator and perilaku; `outsiders`: roles without the kind's role (403)."""
    no = {role: 403 for role in outsiders}

    def listed(ok: int) -> dict[str, int]:
        return expect(ok, **no)

    def owned(ok: int) -> dict[str, int]:
        return expect(404, **{owner: ok}, **no)

    def skp(w):
        return db.session.get(Skp, ids(w).skp)

    def rencana(w):
        return db.session.get(RencanaHasilKerja, ids(w).rencana)

    def ind(w):
        return db.session.get(Indikator, ids(w).indikator)

    def perilaku(w):
        return db.session.get(PerilakuKerja, ids(w).perilaku)

    return {
        f"{ep}.index": Rule(lambda w: f"{prefix}/", get=listed(200)),
        f"{ep}.tambah": Rule(lambda w: f"{prefix}/tambah", get=listed(200), post=listed(422)),
        f"{ep}.edit": Rule(
            lambda w: f"{prefix}/{ids(w).skp}/edit",
            get=owned(200),
            post=owned(422),
            data=lambda w: {
                "dari": "2022-03-31",
                "sampai": "2022-03-01",
                "pendekatan": "kuantitatif",
                "version": skp(w).version_id,
            },
        ),
        f"{ep}.hapus": Rule(
            lambda w: f"{prefix}/{ids(w).skp}/hapus", get=owned(200), post=owned(302)
        ),
        f"{ep}.target": Rule(lambda w: f"{prefix}/{ids(w).skp}", get=owned(200)),
        f"{ep}.ajukan": Rule(
            lambda w: f"{prefix}/{ids(w).skp}/ajukan", get=owned(200), post=owned(422)
        ),
        f"{ep}.rencana_tambah": Rule(
            lambda w: f"{prefix}/{ids(w).skp}/rencana/tambah/utama",
            get=owned(200),
            post=owned(302),
            data=lambda w: {"teks": "Rencana baru"},
        ),
        f"{ep}.rencana_edit": Rule(
            lambda w: f"{prefix}/rencana/{ids(w).rencana}/edit",
            get=owned(200),
            post=owned(302),
            data=lambda w: {"teks": "Rencana diubah", "version": rencana(w).version_id},
        ),
        f"{ep}.rencana_hapus": Rule(
            lambda w: f"{prefix}/rencana/{ids(w).rencana}/hapus", get=owned(200), post=owned(302)
        ),
        f"{ep}.indikator_tambah": Rule(
            lambda w: f"{prefix}/rencana/{ids(w).rencana}/indikator/tambah",
            get=owned(200),
            post=owned(302),
            data=lambda w: indikator,
        ),
        f"{ep}.indikator_edit": Rule(
            lambda w: f"{prefix}/indikator/{ids(w).indikator}/edit",
            get=owned(200),
            post=owned(302),
            data=lambda w: {**indikator, "version": ind(w).version_id},
        ),
        f"{ep}.indikator_hapus": Rule(
            lambda w: f"{prefix}/indikator/{ids(w).indikator}/hapus",
            get=owned(200),
            post=owned(302),
        ),
        f"{ep}.manual": Rule(
            lambda w: f"{prefix}/indikator/{ids(w).indikator}/manual", get=owned(200)
        ),
        f"{ep}.manual_edit": Rule(
            lambda w: f"{prefix}/indikator/{ids(w).indikator}/manual/edit",
            get=owned(200),
            post=owned(302),
            data=lambda w: {"jenis_iku": "Outcome", "periode_pelaporan": "Bulanan"},
        ),
        f"{ep}.penilai": Rule(
            lambda w: f"{prefix}/perilaku/{ids(w).perilaku}/penilai",
            get=owned(200),
            post=owned(penilai_ok),
            data=lambda w: {"peran": "atasan", "version": perilaku(w).version_id},
        ),
    }


RULES = {
    **_rules(
        "/skp-jpt",
        "skp_jpt",
        lambda w: SimpleNamespace(
            skp=w.skp.id,
            rencana=w.rencana.id,
            indikator=w.indikator.id,
            perilaku=w.skp.perilaku[0].id,
        ),
        "owner",
        ("operator", "admin"),
        302,
        {**JPT_INDIKATOR, "perspektif": "Anggaran"},
    ),
    **_rules(
        "/skp-jajf",
        "skp_jajf",
        lambda w: w.jajf,
        "operator",
        ("owner", "other", "atasan"),
        422,
        JAJF_INDIKATOR,
    ),
}
