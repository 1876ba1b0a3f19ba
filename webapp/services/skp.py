"""Creating an SKP and moving it through penetapan: draft → diajukan → disetujui/dikembalikan."""

from __future__ import annotations

from datetime import date

from webapp.domain.berakhlak import BERAKHLAK
from webapp.models import Pegawai, PerilakuKerja, Skp


def new_skp(pegawai: Pegawai, jenis: str, pendekatan: str, dari: date, sampai: date) -> Skp:
    """A draft SKP with the snapshot of its owner and Pejabat Penilai taken now."""
    penilai = pegawai.atasan_langsung
    skp = Skp(
        pegawai=pegawai,
        jenis=jenis,
        pendekatan=pendekatan,
        dari=dari,
        sampai=sampai,
        tahun=dari.year,
        status="draft",
        pegawai_jabatan=pegawai.jabatan,
        pegawai_unit=pegawai.unit_kerja.nama if pegawai.unit_kerja else "",
        pegawai_pangkat=pegawai.pangkat_golongan,
    )
    if penilai is not None:
        skp.penilai = penilai
        skp.penilai_nama = penilai.nama
        skp.penilai_nip = penilai.nip
        skp.penilai_jabatan = penilai.jabatan
        skp.penilai_unit = penilai.unit_kerja.nama if penilai.unit_kerja else ""
        skp.penilai_pangkat = penilai.pangkat_golongan
    skp.perilaku = [PerilakuKerja(aspek=a.nomor) for a in BERAKHLAK]
    return skp
