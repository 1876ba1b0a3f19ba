"""Realisasi SKP (owner, per JenisSkp), Input Umpan Balik (the Pejabat Penilai) and the bukti
dukung download (owner, Pejabat Penilai, Atasan Pejabat Penilai).

`world.skp` (JPT, kuantitatif, penilai: `world.atasan`) is a draft: its owner's page answers with
the "belum disetujui" message (200) and every write is refused with 409, nothing changed; the
approved paths are walked in tests/views/test_realisasi.py. A kualitatif-only route asked on this
kuantitatif SKP is a 404. `world.skp_jajf` belongs to the operator (JA) and has no penilai.
Records a rule needs (a period row, an entry, a link, a stored file) are made on first use.
"""

from datetime import date

from tests.access_rules.base import Rule, expect
from webapp.extensions import db
from webapp.models import BuktiDukung, PeriodePenilaian, Realisasi
from webapp.services import bukti_dukung as storage


def _periode() -> PeriodePenilaian:
    p = db.session.query(PeriodePenilaian).filter_by(tahun=2022, jenis="triwulan", nomor=1).first()
    if p is None:
        p = PeriodePenilaian(
            tahun=2022, jenis="triwulan", nomor=1, dari=date(2022, 1, 1), sampai=date(2022, 3, 31)
        )
        db.session.add(p)
        db.session.flush()
    return p


def _entri(skp_id: int, rencana_id: int) -> Realisasi:
    e = db.session.query(Realisasi).filter_by(skp_id=skp_id, rencana_id=rencana_id).first()
    if e is None:
        e = Realisasi(skp_id=skp_id, periode_id=_periode().id, rencana_id=rencana_id, teks="Entri")
        db.session.add(e)
        db.session.commit()
    return e


def _bukti(skp_id: int, rencana_id: int, jenis: str) -> BuktiDukung:
    e = _entri(skp_id, rencana_id)
    b = next((b for b in e.bukti if b.jenis == jenis), None)
    if b is None:
        if jenis == "berkas":
            kunci, sha = storage.simpan(b"%PDF-1.4\n%%EOF\n")
            b = BuktiDukung(
                jenis="berkas",
                nama="a.pdf",
                tipe="application/pdf",
                ukuran=15,
                sha256=sha,
                kunci=kunci,
            )
        else:
            b = BuktiDukung(jenis="tautan", url="https://example.org/bukti")
        e.bukti.append(b)
        db.session.commit()
    return b


def _rules(prefix: str, ep: str, skp, rencana, indikator, owner: str, outsiders: tuple):
    no = {role: 403 for role in outsiders}

    def owned(ok: int) -> dict[str, int]:
        return expect(404, **{owner: ok}, **no)

    return {
        f"{ep}.index": Rule(lambda w: f"{prefix}/{skp(w)}/realisasi", get=owned(200)),
        f"{ep}.indikator": Rule(
            lambda w: f"{prefix}/{skp(w)}/realisasi/tw1/indikator/{indikator(w)}",
            get=owned(409),
            post=owned(409),
            data=lambda w: {"nilai": "2", "keterangan": "Dari penilaian atasan"},
        ),
        f"{ep}.rencana": Rule(
            lambda w: f"{prefix}/{skp(w)}/realisasi/tw1/rencana/{rencana(w)}",
            get=owned(404),
            post=owned(404),
            data=lambda w: {"teks": "Realisasi 1"},
        ),
        f"{ep}.entri_edit": Rule(
            lambda w: f"{prefix}/realisasi/{_entri(skp(w), rencana(w)).id}/edit",
            get=owned(409),
            post=owned(409),
            data=lambda w: {"teks": "Diubah", "version": "1"},
        ),
        f"{ep}.entri_hapus": Rule(
            lambda w: f"{prefix}/realisasi/{_entri(skp(w), rencana(w)).id}/hapus",
            get=owned(200),
            post=owned(409),
        ),
        f"{ep}.bukti_hapus": Rule(
            lambda w: f"{prefix}/bukti-dukung/{_bukti(skp(w), rencana(w), 'tautan').id}/hapus",
            get=owned(200),
            post=owned(409),
        ),
    }


RULES = {
    **_rules(
        "/skp-jpt",
        "skp_jpt_realisasi",
        lambda w: w.skp.id,
        lambda w: w.rencana.id,
        lambda w: w.indikator.id,
        owner="owner",
        outsiders=("operator", "admin"),
    ),
    **_rules(
        "/skp-jajf",
        "skp_jajf_realisasi",
        lambda w: w.jajf.skp,
        lambda w: w.jajf.rencana,
        lambda w: w.jajf.indikator,
        owner="operator",
        outsiders=("owner", "other", "atasan"),
    ),
    "umpan_balik.index": Rule(
        lambda w: f"/realisasi-skp/{w.skp.id}", get=expect(404, atasan=302, owner=302)
    ),
    "umpan_balik.input": Rule(
        lambda w: f"/realisasi-skp/{w.skp.id}/tw1/umpan-balik/indikator/{w.indikator.id}",
        get=expect(404, atasan=409),
        post=expect(404, atasan=409),
        data=lambda w: {"teks": "Pertahankan."},
    ),
    "umpan_balik.unduh": Rule(
        lambda w: f"/bukti-dukung/{_bukti(w.skp.id, w.rencana.id, 'berkas').id}",
        get=expect(404, atasan=200, owner=200),
    ),
}
