"""Angka kredit of a Jabatan Fungsional from the annual predikat (rules.md §8, PermenPAN-RB
1/2023): pure functions, no Flask.

AK = (months in the period / 12) × percentage of the predikat × annual coefficient of the jenjang.
Months: the calendar months the SKP's period touches within its year (a period of 02 Feb – 28 Feb
is one month; 01 Jan – 31 Des is twelve). The result is rounded half up to three decimals, as
the national system prints it ("1,563").
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

# Percentage of the annual coefficient per predikat (the model's codes, domain/predikat.py).
PERSENTASE = {
    "sangat_baik": Decimal("1.50"),
    "baik": Decimal("1.00"),
    "butuh_perbaikan": Decimal("0.75"),
    "kurang": Decimal("0.50"),
    "sangat_kurang": Decimal("0.25"),
}

# Annual coefficient per jenjang (keterampilan, then keahlian).
KOEFISIEN = {
    "Pemula": Decimal("3.75"),
    "Terampil": Decimal("5"),
    "Mahir": Decimal("12.5"),
    "Penyelia": Decimal("25"),
    "Ahli Pertama": Decimal("12.5"),
    "Ahli Muda": Decimal("25"),
    "Ahli Madya": Decimal("37.5"),
    "Ahli Utama": Decimal("50"),
}

TIGA_DESIMAL = Decimal("0.001")


def jenjang_jf(jenjang: str | None, jabatan: str | None = None) -> str | None:
    """The JF jenjang as KOEFISIEN names it, from the pegawai's jenjang or else from the end of
    the jabatan ("Pranata Komputer Ahli Pertama"); None when neither names one."""
    for teks in (jenjang, jabatan):
        words = " ".join((teks or "").split()).casefold()
        # The longest names first: "Ahli Pertama" before a bare word could match inside it.
        for nama in sorted(KOEFISIEN, key=len, reverse=True):
            kunci = nama.casefold()
            if words == kunci or words.endswith(" " + kunci):
                return nama
    return None


def bulan_periode(dari: date, sampai: date) -> int:
    """The calendar months [dari, sampai] touches within dari's year (1…12); 0 if empty."""
    if sampai < dari:
        return 0
    akhir = sampai if sampai.year == dari.year else date(dari.year, 12, 31)
    return akhir.month - dari.month + 1


def angka_kredit(predikat: str | None, jenjang: str | None, bulan: int) -> Decimal | None:
    """The angka kredit earned, or None when the predikat or the jenjang is unknown (show
    nothing rather than a wrong number)."""
    if predikat not in PERSENTASE or jenjang not in KOEFISIEN or not 0 < bulan <= 12:
        return None
    nilai = Decimal(bulan) / Decimal(12) * PERSENTASE[predikat] * KOEFISIEN[jenjang]
    return nilai.quantize(TIGA_DESIMAL, rounding=ROUND_HALF_UP)
