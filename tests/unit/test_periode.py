from datetime import date

import pytest

from webapp.domain.periode import periode_errors, tumpang_tindih
from webapp.domain.target import range_error

MAR = (date(2022, 3, 1), date(2022, 3, 31))
FEB = (date(2022, 2, 2), date(2022, 2, 28))


def test_a_proper_period_passes():
    assert periode_errors(date(2022, 4, 1), date(2022, 4, 30), [MAR, FEB]) == []
    assert periode_errors(date(2022, 1, 1), date(2022, 12, 31), []) == []
    assert periode_errors(date(2022, 5, 5), date(2022, 5, 5), [MAR]) == []  # one day


def test_sampai_before_dari():
    assert periode_errors(date(2022, 3, 31), date(2022, 3, 1), []) == [
        ("sampai", "Sampai Tanggal tidak boleh sebelum Dari Tanggal.")
    ]


def test_period_outside_one_calendar_year():
    [(field, message)] = periode_errors(date(2021, 12, 1), date(2022, 1, 31), [])
    assert field == "sampai"
    assert "satu tahun kalender" in message


@pytest.mark.parametrize(
    ("dari", "sampai"),
    [
        (date(2022, 3, 1), date(2022, 3, 31)),  # the same
        (date(2022, 3, 31), date(2022, 4, 30)),  # shares the last day
        (date(2022, 2, 1), date(2022, 2, 2)),  # shares the first day of FEB
        (date(2022, 3, 10), date(2022, 3, 20)),  # inside
        (date(2022, 1, 1), date(2022, 12, 31)),  # around both
    ],
)
def test_overlap_is_refused_with_the_other_period(dari, sampai):
    [(field, message)] = periode_errors(dari, sampai, [MAR, FEB])
    assert field == "dari"
    assert message.startswith("Periode bertumpang tindih dengan SKP lain:")


def test_overlap_message_names_the_periods_in_order():
    [(_, message)] = periode_errors(date(2022, 1, 1), date(2022, 12, 31), [MAR, FEB])
    assert message == (
        "Periode bertumpang tindih dengan SKP lain: "
        "02 Feb 2022 - 28 Feb 2022, 01 Mar 2022 - 31 Mar 2022."
    )


def test_touching_periods_do_not_overlap():
    assert not tumpang_tindih(date(2022, 4, 1), date(2022, 4, 30), *MAR)
    assert tumpang_tindih(date(2022, 3, 31), date(2022, 4, 30), *MAR)


def test_range_lower_above_upper_is_refused():
    from decimal import Decimal

    assert range_error(Decimal(5), Decimal(3)) == (
        "Batas bawah tidak boleh lebih besar dari batas atas."
    )
    assert range_error(Decimal(3), Decimal(3)) is None
    assert range_error(Decimal(3), Decimal(5)) is None
    assert range_error(Decimal(3), None) is None
