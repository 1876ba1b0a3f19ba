"""Evaluation periods (issue 10 §1): codes, names, the periods of a year and of an SKP, the
default period, and locking by batas pengisian and Buka Kembali — cell by cell."""

from datetime import UTC, date, datetime, timedelta

import pytest

from webapp.domain.periode_penilaian import (
    PeriodeDef,
    beririsan,
    dari_kode,
    kode,
    nama,
    periode_kini,
    periode_skp,
    periode_tahun,
    terbuka,
)


@pytest.mark.parametrize(
    ("jenis", "nomor", "k"),
    [
        ("triwulan", 1, "tw1"),
        ("triwulan", 4, "tw4"),
        ("bulanan", 1, "b01"),
        ("bulanan", 12, "b12"),
        ("tahunan", 0, "tahunan"),
    ],
)
def test_kode_round_trip(jenis, nomor, k):
    assert kode(jenis, nomor) == k
    assert dari_kode(k) == (jenis, nomor)


@pytest.mark.parametrize(
    "k",
    [
        "",
        "tw",
        "tw0",
        "tw5",
        "tw10",
        "TW1",
        "b00",
        "b13",
        "b1",
        "b001",
        "b1a",
        "b-1",
        "b１２",
        "tahun",
        "Tahunan",
        "x12",
        " tw1",
    ],
)
def test_dari_kode_refuses_anything_else(k):
    assert dari_kode(k) is None


def test_kode_of_an_unknown_jenis_is_an_error():
    with pytest.raises(ValueError):
        kode("semester", 1)
    with pytest.raises(ValueError):
        nama("semester", 1, 2022)


@pytest.mark.parametrize(
    ("jenis", "nomor", "teks"),
    [
        ("triwulan", 1, "TRIWULAN I 2022"),
        ("triwulan", 2, "TRIWULAN II 2022"),
        ("triwulan", 3, "TRIWULAN III 2022"),
        ("triwulan", 4, "TRIWULAN IV-AKHIR 2022"),
        ("bulanan", 3, "MARET 2022"),
        ("bulanan", 12, "DESEMBER 2022"),
        ("tahunan", 0, "TAHUNAN 2022"),
    ],
)
def test_nama(jenis, nomor, teks):
    assert nama(jenis, nomor, 2022) == teks


def test_triwulan_year():
    daftar = periode_tahun(2022, "triwulan")
    assert [p.kode for p in daftar] == ["tw1", "tw2", "tw3", "tw4", "tahunan"]
    assert [(p.dari, p.sampai) for p in daftar] == [
        (date(2022, 1, 1), date(2022, 3, 31)),
        (date(2022, 4, 1), date(2022, 6, 30)),
        (date(2022, 7, 1), date(2022, 9, 30)),
        (date(2022, 10, 1), date(2022, 12, 31)),
        (date(2022, 1, 1), date(2022, 12, 31)),
    ]
    assert daftar[3].nama == "TRIWULAN IV-AKHIR 2022"


def test_monthly_year_and_leap_february():
    daftar = periode_tahun(2024, "bulanan")
    assert len(daftar) == 13 and daftar[-1].kode == "tahunan"
    assert daftar[1].sampai == date(2024, 2, 29)
    assert periode_tahun(2023, "bulanan")[1].sampai == date(2023, 2, 28)
    assert all(p.dari.day == 1 for p in daftar)


def test_unknown_frequency_falls_back_to_triwulan():
    assert [p.kode for p in periode_tahun(2022, "")] == ["tw1", "tw2", "tw3", "tw4", "tahunan"]


T1 = PeriodeDef(2022, "triwulan", 1, date(2022, 1, 1), date(2022, 3, 31))


@pytest.mark.parametrize(
    ("dari", "sampai", "expected"),
    [
        (date(2022, 3, 1), date(2022, 3, 31), True),  # inside
        (date(2022, 3, 31), date(2022, 4, 30), True),  # shares the last day
        (date(2021, 12, 1), date(2022, 1, 1), True),  # shares the first day
        (date(2022, 4, 1), date(2022, 4, 30), False),  # after
        (date(2021, 12, 1), date(2021, 12, 31), False),  # before
        (date(2021, 1, 1), date(2023, 1, 1), True),  # around
    ],
)
def test_beririsan(dari, sampai, expected):
    assert beririsan(T1, dari, sampai) is expected


def test_periode_skp_of_one_month():
    # IRDIAN's SKP of March 2022: TRIWULAN I and the annual evaluation.
    assert [p.kode for p in periode_skp(date(2022, 3, 1), date(2022, 3, 31), "triwulan")] == [
        "tw1",
        "tahunan",
    ]
    assert [p.kode for p in periode_skp(date(2022, 3, 1), date(2022, 3, 31), "bulanan")] == [
        "b03",
        "tahunan",
    ]


def test_periode_skp_across_triwulan():
    daftar = periode_skp(date(2022, 2, 7), date(2022, 12, 31), "triwulan")
    assert [p.kode for p in daftar] == ["tw1", "tw2", "tw3", "tw4", "tahunan"]
    daftar = periode_skp(date(2022, 5, 15), date(2022, 7, 1), "triwulan")
    assert [p.kode for p in daftar] == ["tw2", "tw3", "tahunan"]


@pytest.mark.parametrize(
    ("hari", "expected"),
    [
        (date(2022, 2, 10), "tw1"),  # inside TRIWULAN I
        (date(2022, 4, 1), "tw2"),  # the first day of TRIWULAN II
        (date(2022, 12, 31), "tw4"),
        (date(2023, 1, 15), "tw4"),  # after the year: the last one begun
        (date(2021, 6, 1), "tw1"),  # before the year: the first
    ],
)
def test_periode_kini(hari, expected):
    assert periode_kini(periode_tahun(2022, "triwulan"), hari).kode == expected


def test_periode_kini_of_an_skp_between_its_periods():
    # An SKP of May–July: on 1 Aug (after it) the last begun, TRIWULAN III.
    daftar = periode_skp(date(2022, 5, 15), date(2022, 7, 1), "triwulan")
    assert periode_kini(daftar, date(2022, 8, 1)).kode == "tw3"
    assert periode_kini(daftar, date(2022, 1, 1)).kode == "tw2"


def test_periode_kini_never_picks_the_annual_evaluation_and_handles_nothing():
    tahunan = [p for p in periode_tahun(2022, "triwulan") if p.jenis == "tahunan"]
    assert periode_kini(tahunan, date(2022, 5, 1)).kode == "tahunan"  # only it: it
    assert periode_kini([], date(2022, 5, 1)) is None


BATAS = datetime(2022, 4, 10, 16, 59, tzinfo=UTC)  # 10 Apr 2022 23:59 WIB


@pytest.mark.parametrize(
    ("batas", "sekarang", "buka", "expected"),
    [
        (None, BATAS + timedelta(days=400), None, True),  # no deadline: always open
        (BATAS, BATAS - timedelta(days=1), None, True),  # before
        (BATAS, BATAS, None, True),  # at the very moment: still open
        (BATAS, BATAS + timedelta(seconds=1), None, False),  # a second after: locked
        (BATAS, BATAS + timedelta(days=3), BATAS + timedelta(days=5), True),  # reopened
        (BATAS, BATAS + timedelta(days=5), BATAS + timedelta(days=5), True),  # reopening's end
        (BATAS, BATAS + timedelta(days=6), BATAS + timedelta(days=5), False),  # after it
        (BATAS, BATAS + timedelta(days=1), BATAS - timedelta(days=1), False),  # ended before
        (BATAS, BATAS - timedelta(days=1), BATAS - timedelta(days=2), True),  # deadline rules
    ],
)
def test_terbuka(batas, sekarang, buka, expected):
    assert terbuka(batas, sekarang, buka) is expected


def test_terbuka_compares_moments_not_wall_clocks():
    from zoneinfo import ZoneInfo

    wib = BATAS.astimezone(ZoneInfo("Asia/Jakarta"))  # 23:59 WIB is 16:59 UTC
    assert terbuka(wib, BATAS, None) is True
    assert terbuka(wib, BATAS + timedelta(minutes=1), None) is False
