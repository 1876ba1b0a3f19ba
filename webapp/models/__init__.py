"""Database models, one module per aggregate."""

from webapp.models.mph import MatrikPeranHasil, PeranHasil, UraianJabatan
from webapp.models.org import Pegawai, UnitKerja, bawahan_tambahan, rekan_kerja
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
    "PerjanjianKinerja",
    "ProgramPK",
    "RencanaHasilKerja",
    "SasaranStrategis",
    "Skp",
    "UnitKerja",
    "UraianJabatan",
    "bawahan_tambahan",
    "rekan_kerja",
]
