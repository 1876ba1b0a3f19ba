"""The distribution check of one leader in one period (issue 10 §4, rules.md §2).

`cek(pimpinan_id, tahun, kode)` is what every screen that warns calls (the Distribusi Predikat
screen, and the leader's Simpan of a rating): the Capaian Kinerja Organisasi the leader set for
the period, the predikat of every Evaluasi of the SKPs the leader is Pejabat Penilai of in that
period, their counts and every limit of the curve they break. Two queries, whatever the count.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flask import current_app
from sqlalchemy import Select, select
from sqlalchemy.orm import joinedload

from webapp.domain import distribusi as dom
from webapp.domain.periode_penilaian import dari_kode
from webapp.extensions import db
from webapp.models import CapaianOrganisasi, Evaluasi, Pegawai, PeriodePenilaian, Skp


@dataclass
class CekDistribusi:
    capaian: str | None  # a CAPAIAN code; None while the leader has not set it
    jumlah: dict[str, int]  # predikat code → pegawai, all five codes
    total_dinilai: int  # evaluations with a predikat
    pelanggaran: list[str]  # every broken limit in plain words; [] when none
    pembulatan: str  # the rounding sentence shown beside the counts
    batas: list[str] = field(default_factory=list)  # the curve's limits in words

    def persen(self, code: str) -> str:
        return dom.persen(self.jumlah.get(code, 0), self.total_dinilai)

    @property
    def urutan(self) -> tuple[str, ...]:
        """The predikat from SANGAT BAIK down, as the count table lists them."""
        return tuple(reversed(dom.URUTAN))


def _periode(tahun: int, kode: str):
    found = dari_kode(kode)
    if found is None:
        raise ValueError(f"not a period code: {kode!r}")
    jenis, nomor = found
    return (
        PeriodePenilaian.tahun == tahun,
        PeriodePenilaian.jenis == jenis,
        PeriodePenilaian.nomor == nomor,
    )


def cek(pimpinan_id: int, tahun: int, kode: str) -> CekDistribusi:
    """The check of `pimpinan_id`'s ratings in the period (kode "tw1", "b03", "tahunan")."""
    where = _periode(tahun, kode)
    capaian = db.session.scalar(
        select(CapaianOrganisasi.capaian)
        .join(PeriodePenilaian, CapaianOrganisasi.periode_id == PeriodePenilaian.id)
        .where(CapaianOrganisasi.pimpinan_id == pimpinan_id, *where)
    )
    predikat = db.session.scalars(
        select(Evaluasi.predikat)
        .join(Skp, Evaluasi.skp_id == Skp.id)
        .join(PeriodePenilaian, Evaluasi.periode_id == PeriodePenilaian.id)
        .where(Skp.penilai_id == pimpinan_id, Evaluasi.predikat.is_not(None), *where)
    ).all()
    jumlah = dom.hitung(predikat)
    aturan = current_app.config["POLA_DISTRIBUSI"]
    return CekDistribusi(
        capaian=capaian,
        jumlah=jumlah,
        total_dinilai=sum(jumlah.values()),
        pelanggaran=dom.pelanggaran(capaian, jumlah, aturan),
        pembulatan=dom.PEMBULATAN,
        batas=dom.uraian_batas(capaian, aturan),
    )


# --- The Distribusi Predikat screen: the leader's bawahan in the period ----------------------


def skp_bawahan_periode(pimpinan_id: int, tahun: int, dari, sampai) -> Select:
    """The SKPs `pimpinan_id` is Pejabat Penilai of that share a day with the period."""
    return (
        select(Skp)
        .join(Skp.pegawai)
        .where(
            Skp.penilai_id == pimpinan_id,
            Skp.tahun == tahun,
            Skp.dari <= sampai,
            Skp.sampai >= dari,
        )
        .options(joinedload(Skp.pegawai))
        .order_by(Pegawai.nama, Skp.dari, Skp.id)
    )


def predikat_skp(skp_ids: list[int], tahun: int, kode: str) -> dict[int, str | None]:
    """The predikat of each SKP's Evaluasi in the period (one query); absent: not rated."""
    if not skp_ids:
        return {}
    rows = db.session.execute(
        select(Evaluasi.skp_id, Evaluasi.predikat)
        .join(PeriodePenilaian, Evaluasi.periode_id == PeriodePenilaian.id)
        .where(Evaluasi.skp_id.in_(skp_ids), *_periode(tahun, kode))
    ).all()
    return dict(rows)
