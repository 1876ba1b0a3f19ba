"""Database models, one module per aggregate."""

from webapp.models.evaluasi import (
    BukaKembali,
    BuktiDukung,
    CapaianOrganisasi,
    Evaluasi,
    Keberatan,
    Pengaturan,
    PenilaianPerilaku,
    PeriodePenilaian,
    Realisasi,
    UmpanBalik,
)
from webapp.models.mph import MatrikPeranHasil, PeranHasil, UraianJabatan
from webapp.models.org import (
    Pegawai,
    PermintaanAtasan,
    UnitKerja,
    bawahan_tambahan,
    rekan_kerja,
)
from webapp.models.perjanjian import (
    IndikatorSasaran,
    PerjanjianKinerja,
    ProgramPK,
    SasaranStrategis,
)
from webapp.models.skp import (
    CatatanReview,
    Indikator,
    ManualIndikator,
    PerilakuKerja,
    RencanaHasilKerja,
    RiwayatStatus,
    Skp,
)

__all__ = [
    "BukaKembali",
    "BuktiDukung",
    "CapaianOrganisasi",
    "CatatanReview",
    "Evaluasi",
    "Indikator",
    "IndikatorSasaran",
    "Keberatan",
    "ManualIndikator",
    "MatrikPeranHasil",
    "Pegawai",
    "Pengaturan",
    "PenilaianPerilaku",
    "PeranHasil",
    "PerilakuKerja",
    "PeriodePenilaian",
    "PerjanjianKinerja",
    "PermintaanAtasan",
    "ProgramPK",
    "Realisasi",
    "RencanaHasilKerja",
    "RiwayatStatus",
    "SasaranStrategis",
    "Skp",
    "UmpanBalik",
    "UnitKerja",
    "UraianJabatan",
    "bawahan_tambahan",
    "rekan_kerja",
]
