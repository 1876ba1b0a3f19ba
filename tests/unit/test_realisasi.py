"""Realisasi as pure functions: short period labels, the shown value, progress across periods."""

from decimal import Decimal

import pytest

from webapp.domain.realisasi import nilai_teks, progres, singkatan


@pytest.mark.parametrize(
    "jenis, nomor, label",
    [
        ("triwulan", 1, "TW I"),
        ("triwulan", 4, "TW IV"),
        ("bulanan", 1, "Jan"),
        ("bulanan", 8, "Agu"),
        ("tahunan", 0, "Tahunan"),
    ],
)
def test_singkatan(jenis, nomor, label):
    assert singkatan(jenis, nomor) == label


def test_nilai_teks():
    assert nilai_teks(Decimal("8.0000"), "", "Dokumen") == "8 Dokumen"
    assert nilai_teks(Decimal("4.5"), "", None) == "4.5"
    assert nilai_teks(None, "Selesai tepat waktu", "Dokumen") == "Selesai tepat waktu"


def test_progres_against_the_target():
    rows = [("TW I", Decimal(2), ""), ("TW II", Decimal(5), "")]
    assert progres(rows, Decimal(8), None, "Dokumen") == "TW I 2 · TW II 5 / 8 Dokumen"


def test_progres_against_a_range_and_without_a_target():
    rows = [("TW I", Decimal(2), "")]
    assert progres(rows, Decimal(2), Decimal(4), "Laporan") == "TW I 2 / 2 - 4 Laporan"
    assert progres([("TW I", None, "Draf disusun")], None, None, None) == "TW I Draf disusun"


def test_progres_skips_empty_periods_and_shortens_long_texts():
    assert progres([], Decimal(8), None, "Dokumen") == ""
    assert progres([("TW I", None, "  ")], Decimal(8), None, "Dokumen") == ""
    long = "x" * 100
    assert progres([("TW I", None, long)], None, None, None) == "TW I " + "x" * 39 + "…"
