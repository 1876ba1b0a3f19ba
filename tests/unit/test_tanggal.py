from datetime import date

from webapp.domain.tanggal import periode_panjang, periode_pendek, tanggal_prosa


def test_formats_as_the_manual_prints_them():
    assert periode_pendek(date(2022, 3, 1), date(2022, 3, 31)) == "01 Mar 2022 - 31 Mar 2022"
    assert periode_panjang(date(2022, 2, 2), date(2022, 2, 28)) == (
        "02 Februari 2022 - 28 Februari 2022"
    )
    assert tanggal_prosa(date(2022, 3, 1)) == "1 Maret 2022"
    assert periode_pendek(date(2022, 8, 1), date(2022, 12, 31)) == "01 Agu 2022 - 31 Des 2022"
