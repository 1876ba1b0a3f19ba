"""Database models, one module per aggregate."""

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
    "CatatanReview",
    "Indikator",
    "IndikatorSasaran",
    "ManualIndikator",
    "MatrikPeranHasil",
    "Pegawai",
    "PeranHasil",
    "PerilakuKerja",
    "PermintaanAtasan",
    "PerjanjianKinerja",
    "ProgramPK",
    "RencanaHasilKerja",
    "RiwayatStatus",
    "SasaranStrategis",
    "Skp",
    "UnitKerja",
    "UraianJabatan",
    "bawahan_tambahan",
    "rekan_kerja",
]
