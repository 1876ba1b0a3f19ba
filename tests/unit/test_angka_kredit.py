"""Angka kredit (rules.md §8): every percentage × every jenjang, partial periods, unknowns."""

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import pytest

from webapp.domain.angka_kredit import (
    KOEFISIEN,
    PERSENTASE,
    angka_kredit,
    bulan_periode,
    jenjang_jf,
)

PERSEN = {
    "sangat_baik": "1.5",
    "baik": "1",
    "butuh_perbaikan": "0.75",
    "kurang": "0.5",
    "sangat_kurang": "0.25",
}
KOEF = {
    "Pemula": "3.75",
    "Terampil": "5",
    "Mahir": "12.5",
    "Penyelia": "25",
    "Ahli Pertama": "12.5",
    "Ahli Muda": "25",
    "Ahli Madya": "37.5",
    "Ahli Utama": "50",
}


def test_the_tables_are_the_regulations():
    assert {k: Decimal(v) for k, v in PERSEN.items()} == PERSENTASE
    assert {k: Decimal(v) for k, v in KOEF.items()} == KOEFISIEN


@pytest.mark.parametrize("jenjang", KOEF)
@pytest.mark.parametrize("predikat", PERSEN)
def test_a_whole_year_is_percentage_times_coefficient(predikat, jenjang):
    exact = Decimal(PERSEN[predikat]) * Decimal(KOEF[jenjang])
    expected = exact.quantize(Decimal("0.001"), rounding=ROUND_HALF_UP)
    assert angka_kredit(predikat, jenjang, 12) == expected


@pytest.mark.parametrize(
    "predikat, jenjang, bulan, expected",
    [
        ("baik", "Ahli Pertama", 12, "12.500"),
        ("sangat_baik", "Ahli Pertama", 12, "18.750"),
        ("baik", "Ahli Pertama", 1, "1.042"),  # 12.5 / 12 = 1.0416…
        ("sangat_baik", "Ahli Pertama", 1, "1.563"),  # 1.5625 rounds half up
        ("butuh_perbaikan", "Ahli Muda", 6, "9.375"),
        ("kurang", "Pemula", 3, "0.469"),  # 0.46875
        ("butuh_perbaikan", "Pemula", 12, "2.813"),  # 2.8125 rounds half up
        ("sangat_kurang", "Ahli Utama", 9, "9.375"),
        ("baik", "Terampil", 10, "4.167"),
    ],
)
def test_partial_periods_are_proportional(predikat, jenjang, bulan, expected):
    assert angka_kredit(predikat, jenjang, bulan) == Decimal(expected)


@pytest.mark.parametrize(
    "predikat, jenjang, bulan",
    [
        (None, "Ahli Pertama", 12),
        ("baik", None, 12),
        ("baik", "JPT Pratama", 12),
        ("baik", "Ahli Pertama", 0),
        ("baik", "Ahli Pertama", 13),
        ("luar_biasa", "Ahli Pertama", 12),
    ],
)
def test_nothing_rather_than_a_wrong_number(predikat, jenjang, bulan):
    assert angka_kredit(predikat, jenjang, bulan) is None


@pytest.mark.parametrize(
    "dari, sampai, bulan",
    [
        (date(2022, 1, 1), date(2022, 12, 31), 12),
        (date(2022, 3, 1), date(2022, 3, 31), 1),
        (date(2022, 2, 2), date(2022, 2, 28), 1),
        (date(2022, 3, 16), date(2022, 5, 2), 3),
        (date(2022, 7, 1), date(2023, 2, 28), 6),  # the rest belongs to the next year
        (date(2022, 5, 1), date(2022, 4, 30), 0),
    ],
)
def test_months_of_a_period(dari, sampai, bulan):
    assert bulan_periode(dari, sampai) == bulan


@pytest.mark.parametrize(
    "jenjang, jabatan, expected",
    [
        ("Ahli Pertama", "", "Ahli Pertama"),
        ("ahli  muda", "", "Ahli Muda"),
        ("", "Pranata Komputer Ahli Pertama", "Ahli Pertama"),
        ("", "Analis Sumber Daya Manusia Aparatur Ahli Muda", "Ahli Muda"),
        ("", "Pranata Komputer Penyelia", "Penyelia"),
        ("", "Analis Kinerja", None),
        ("JPT Pratama", "Direktur", None),
        (None, None, None),
    ],
)
def test_jenjang_from_the_pegawai_or_the_jabatan(jenjang, jabatan, expected):
    assert jenjang_jf(jenjang, jabatan) == expected
