from datetime import date

from webapp.domain.tanggal import periode_panjang, periode_pendek, tanggal_prosa


def test_formats_as_the_manual_prints_them():
    assert periode_pendek(date(2022, 3, 1), date(2022, 3, 31)) == "01 Mar 2022 - 31 Mar 2022"
    assert periode_panjang(date(2022, 2, 2), date(2022, 2, 28)) == (
        "02 Februari 2022 - 28 Februari 2022"
    )
    assert tanggal_prosa(date(2022, 3, 1)) == "1 Maret 2022"
    assert periode_pendek(date(2022, 8, 1), date(2022, 12, 31)) == "01 Agu 2022 - 31 Des 2022"


def test_timestamps_in_the_agency_zone():
    from datetime import UTC, datetime

    from webapp.domain.tanggal import waktu_lokal

    utc = datetime(2026, 11, 24, 2, 26, tzinfo=UTC)
    assert waktu_lokal(utc, "Asia/Jakarta") == "24 Nov 2026 09:26 WIB"
    assert waktu_lokal(utc, "Asia/Makassar") == "24 Nov 2026 10:26 WITA"
    assert waktu_lokal(utc.replace(tzinfo=None), "Asia/Jayapura") == "24 Nov 2026 11:26 WIT"
