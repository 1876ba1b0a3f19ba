"""Evaluation periods of a year and their locking (issue 10 §1): pure functions, no Flask.

A year is evaluated per triwulan (TRIWULAN I, II, III, IV-AKHIR) or per month, as the agency
sets, and once more for the whole year (TAHUNAN). A period is named in URLs by a short code:
"tw1"…"tw4", "b01"…"b12", "tahunan".
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, datetime

from babel.dates import format_date

TRIWULAN = {1: "TRIWULAN I", 2: "TRIWULAN II", 3: "TRIWULAN III", 4: "TRIWULAN IV-AKHIR"}


@dataclass(frozen=True)
class PeriodeDef:
    tahun: int
    jenis: str  # triwulan, bulanan, tahunan
    nomor: int  # 1…4, 1…12, 0
    dari: date
    sampai: date

    @property
    def kode(self) -> str:
        return kode(self.jenis, self.nomor)

    @property
    def nama(self) -> str:
        return nama(self.jenis, self.nomor, self.tahun)


def kode(jenis: str, nomor: int) -> str:
    if jenis == "triwulan":
        return f"tw{nomor}"
    if jenis == "bulanan":
        return f"b{nomor:02d}"
    if jenis == "tahunan":
        return "tahunan"
    raise ValueError(f"unknown jenis {jenis!r}")


def dari_kode(k: str) -> tuple[str, int] | None:
    """("triwulan", 2) from "tw2"; None for anything that is not a period code."""
    if k == "tahunan":
        return ("tahunan", 0)
    if len(k) == 3 and k.startswith("tw") and k[2] in "1234":
        return ("triwulan", int(k[2]))
    # isascii: str.isdigit() also accepts other scripts' digits ("b１２"), which int() reads.
    if (
        len(k) == 3
        and k[0] == "b"
        and k[1:].isascii()
        and k[1:].isdigit()
        and 1 <= int(k[1:]) <= 12
    ):
        return ("bulanan", int(k[1:]))
    return None


def nama(jenis: str, nomor: int, tahun: int) -> str:
    """ "TRIWULAN I 2022", "MARET 2022", "TAHUNAN 2022"."""
    if jenis == "triwulan":
        return f"{TRIWULAN[nomor]} {tahun}"
    if jenis == "bulanan":
        return format_date(date(tahun, nomor, 1), "MMMM yyyy", locale="id").upper()
    if jenis == "tahunan":
        return f"TAHUNAN {tahun}"
    raise ValueError(f"unknown jenis {jenis!r}")


def _akhir_bulan(tahun: int, bulan: int) -> date:
    return date(tahun, bulan, calendar.monthrange(tahun, bulan)[1])


def periode_tahun(tahun: int, frekuensi: str) -> list[PeriodeDef]:
    """The periods of a year in order, the annual evaluation last."""
    if frekuensi == "bulanan":
        daftar = [
            PeriodeDef(tahun, "bulanan", b, date(tahun, b, 1), _akhir_bulan(tahun, b))
            for b in range(1, 13)
        ]
    else:
        daftar = [
            PeriodeDef(tahun, "triwulan", t, date(tahun, 3 * t - 2, 1), _akhir_bulan(tahun, 3 * t))
            for t in range(1, 5)
        ]
    return [*daftar, PeriodeDef(tahun, "tahunan", 0, date(tahun, 1, 1), date(tahun, 12, 31))]


def beririsan(p: PeriodeDef, dari: date, sampai: date) -> bool:
    """The period shares at least one day with an SKP's Dari – Sampai."""
    return p.dari <= sampai and dari <= p.sampai


def periode_skp(dari: date, sampai: date, frekuensi: str) -> list[PeriodeDef]:
    """The periods an SKP of dari – sampai is evaluated in (the annual one always)."""
    return [p for p in periode_tahun(dari.year, frekuensi) if beririsan(p, dari, sampai)]


def periode_kini(daftar: list[PeriodeDef], hari_ini: date) -> PeriodeDef | None:
    """The period to open by default: the first (not annual) that holds today, else the last
    one that has begun, else the first."""
    biasa = [p for p in daftar if p.jenis != "tahunan"] or daftar
    if not biasa:
        return None
    for p in biasa:
        if p.dari <= hari_ini <= p.sampai:
            return p
    mulai = [p for p in biasa if p.dari <= hari_ini]
    return mulai[-1] if mulai else biasa[0]


def terbuka(
    batas: datetime | None, sekarang: datetime, buka_sampai: datetime | None = None
) -> bool:
    """Entries for a period are accepted until its batas pengisian (none set: always), or,
    for a pegawai the admin reopened it for, until that reopening's end."""
    if batas is None or sekarang <= batas:
        return True
    return buka_sampai is not None and sekarang <= buka_sampai
