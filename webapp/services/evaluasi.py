"""The Pejabat Penilai's evaluation of an SKP in a period (issue 10 §3): Capaian Kinerja
Organisasi, Rating Hasil Kerja, Rating Perilaku Kerja and the predikat derived from them.

- `halaman()` loads what the Realisasi page of SKP Bawahan shows in a constant number of
  queries (the SKP with its plan, the periods, the Evaluasi, the leader's capaian, the capaian
  the bawahan set as a leader).
- `simpan()` writes the Input Data-Data Realisasi dialog in one transaction.
- `evaluasi_of()` / `capaian_of()` are for other screens that show the same values.
- `cek_distribusi()` asks webapp.services.distribusi for the Pola Distribusi check.
See docs/decisions/0025-evaluasi-penilai.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from webapp.domain.predikat import predikat, usulan_rating_hasil
from webapp.domain.tanggal import sekarang
from webapp.extensions import db
from webapp.models import CapaianOrganisasi, Evaluasi, Pegawai, Skp
from webapp.services import penetapan
from webapp.services import periode_penilaian as periode_service
from webapp.services.concurrency import STALE, lock_pegawai
from webapp.services.periode_penilaian import Periode

BELUM_DISETUJUI = (
    "SKP ini belum disetujui. Data realisasi dapat diinput setelah SKP disetujui "
    "oleh Pejabat Penilai Kinerja."
)
ADA_KEBERATAN = (
    "Pegawai telah mengajukan keberatan atas predikat periode ini; rating tidak dapat diubah "
    "lagi. Keberatan diputus oleh Atasan Pejabat Penilai."
)


class EvaluasiError(Exception):
    """A save refused by a rule (period locked, SKP not set, stale form): nothing written."""

    def __init__(self, message: str, status: int = 409):
        super().__init__(message)
        self.status = status


def evaluasi_of(skp_id: int, periode: Periode) -> Evaluasi | None:
    """The Evaluasi of an SKP in a period (None before the first save; a period without a row
    has none, and asking costs no query)."""
    if periode.id is None:
        return None
    return db.session.scalar(
        select(Evaluasi)
        .filter_by(skp_id=skp_id, periode_id=periode.id)
        .options(joinedload(Evaluasi.keberatan))
    )


def capaian_of(pimpinan_id: int | None, periode: Periode) -> CapaianOrganisasi | None:
    """The Capaian Kinerja Organisasi a leader set for the period, if any."""
    if periode.id is None or pimpinan_id is None:
        return None
    return db.session.scalar(
        select(CapaianOrganisasi).filter_by(pimpinan_id=pimpinan_id, periode_id=periode.id)
    )


def _capaian_both(penilai_id: int, bawahan_id: int, periode: Periode) -> tuple:
    """The leader's and the bawahan's own capaian for the period, in one query."""
    if periode.id is None:
        return None, None
    rows = {
        c.pimpinan_id: c
        for c in db.session.scalars(
            select(CapaianOrganisasi).where(
                CapaianOrganisasi.periode_id == periode.id,
                CapaianOrganisasi.pimpinan_id.in_((penilai_id, bawahan_id)),
            )
        )
    }
    return rows.get(penilai_id), rows.get(bawahan_id)


@dataclass
class Halaman:
    """Everything the Realisasi page and its dialog show."""

    skp: Skp
    periode: Periode
    periode_list: list[Periode]
    evaluasi: Evaluasi | None
    capaian: CapaianOrganisasi | None  # the leader's (the current user's) for the period
    capaian_bawahan: CapaianOrganisasi | None  # what the bawahan set as a leader

    @property
    def usulan(self) -> str | None:
        """The Rating Hasil Kerja proposed for a bawahan who leads a unit (rules.md §1)."""
        return usulan_rating_hasil(self.capaian_bawahan.capaian if self.capaian_bawahan else None)

    @cached_property
    def tertutup(self) -> str | None:
        """Why Input Data-Data Realisasi cannot be used, or None: see _tertutup(), and the
        period's batas pengisian (ADR 0025). simpan() checks all of it again after its locks."""
        return _tertutup(self.skp, self.evaluasi) or periode_service.alasan_terkunci(
            self.periode, self.skp.pegawai_id
        )


def _tertutup(skp: Skp, evaluasi: Evaluasi | None) -> str | None:
    """Only a set SKP is rated, and a predikat objected to (Keberatan) is the Atasan Pejabat
    Penilai's to decide: the ratings under it stay as they were objected to."""
    if skp.status != "disetujui":
        return BELUM_DISETUJUI
    if evaluasi is not None and evaluasi.keberatan is not None:
        return ADA_KEBERATAN
    return None


def halaman(
    skp_id: int, penilai: Pegawai, kode: str | None, with_plan: bool = True
) -> Halaman | None:
    """The page's data, or None when `penilai` is not the SKP's Pejabat Penilai (404).
    A wrong period code is a 404 too (periode_penilaian.pilih). The dialog under htmx needs
    no plan (with_plan=False)."""
    skp = penetapan.skp_bawahan(skp_id, penilai, with_plan=with_plan)
    if skp is None:
        return None
    periode, daftar = periode_service.pilih(skp, kode)
    capaian, capaian_bawahan = _capaian_both(penilai.id, skp.pegawai_id, periode)
    return Halaman(
        skp=skp,
        periode=periode,
        periode_list=daftar,
        evaluasi=evaluasi_of(skp.id, periode),
        capaian=capaian,
        capaian_bawahan=capaian_bawahan,
    )


def _versi(record) -> str:
    return "" if record is None else str(record.version_id)


def simpan(
    h: Halaman,
    penilai: Pegawai,
    capaian: str,
    rating_hasil: str | None,
    rating_perilaku: str | None,
    versi: str,
    versi_capaian: str,
) -> Evaluasi:
    """Save the dialog in one transaction: the leader's CapaianOrganisasi for the period and
    the SKP's Evaluasi, with the predikat derived from the two ratings (never typed).

    `versi` / `versi_capaian` are the version_id the form was opened on ("" for no row yet):
    a save made on an older version is refused with STALE and nothing is written.
    Raises EvaluasiError; the caller commits nothing else.
    """
    skp = h.skp
    if skp.penilai_id != penilai.id:  # the views only get here through halaman(); belt and braces
        raise EvaluasiError("Hanya Pejabat Penilai SKP ini yang dapat melakukannya.", 404)
    # Rule-guarded: the leader's capaian (one per leader and period) and the owner's period
    # lock. Leader first, then the bawahan: a chain of penilai never runs the other way.
    lock_pegawai(penilai.id)
    lock_pegawai(skp.pegawai_id)
    # The batas pengisian locks the evaluation of the period too; the admin's reopening for
    # the bawahan reopens it (ADR 0025). The row first: another save may have just made it.
    row = periode_service.baris(h.periode)
    alasan = periode_service.alasan_terkunci(h.periode, skp.pegawai_id)
    if alasan:
        raise EvaluasiError(alasan)
    evaluasi = evaluasi_of(skp.id, h.periode)
    tertutup = _tertutup(skp, evaluasi)  # read after the locks: an Ajukan Keberatan waits
    if tertutup:
        raise EvaluasiError(tertutup)
    organisasi = capaian_of(penilai.id, h.periode)
    # The capaian is the leader's for every bawahan: an older version is a conflict only when
    # this save would change what another dialog set meanwhile.
    capaian_berubah = organisasi is not None and organisasi.capaian != capaian
    if _versi(evaluasi) != (versi or "").strip() or (
        capaian_berubah and _versi(organisasi) != (versi_capaian or "").strip()
    ):
        raise EvaluasiError(STALE, 422)  # as every stale form (ADR 0017): 422, input kept

    if organisasi is None:
        organisasi = CapaianOrganisasi(pimpinan_id=penilai.id, periode_id=row.id, capaian=capaian)
        db.session.add(organisasi)
    elif organisasi.capaian != capaian:
        organisasi.capaian = capaian

    if evaluasi is None:
        evaluasi = Evaluasi(skp_id=skp.id, periode_id=row.id)
        db.session.add(evaluasi)
    baru = predikat(rating_hasil, rating_perilaku)
    if baru != evaluasi.predikat:
        evaluasi.predikat_at = sekarang() if baru else None
    evaluasi.predikat = baru
    evaluasi.capaian_organisasi = capaian
    evaluasi.rating_hasil = rating_hasil or None
    evaluasi.rating_perilaku = rating_perilaku or None
    evaluasi.oleh_id = penilai.id
    db.session.flush()
    h.evaluasi, h.capaian = evaluasi, organisasi
    return evaluasi


# --- Pola Distribusi: the domain helper's check, guarded until its branch is merged --------


def cek_distribusi(pimpinan_id: int, periode: Periode):
    """The Pola Distribusi check (webapp.services.distribusi.cek) of the leader and period."""
    from webapp.services.distribusi import cek

    return cek(pimpinan_id, periode.tahun, periode.kode)
