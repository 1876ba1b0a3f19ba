from decimal import Decimal

import pytest

from webapp.domain.angka import format_angka, format_rupiah, parse_angka


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("4,3", Decimal("4.3")),
        ("4.3", Decimal("4.3")),
        (" 86 ", Decimal("86")),
        ("1.250.000", Decimal("1250000")),
        ("1.250.000,50", Decimal("1250000.50")),
        ("-2", Decimal("-2")),
    ],
)
def test_parse_accepts_indonesian_and_plain_numbers(text, value):
    assert parse_angka(text) == value


@pytest.mark.parametrize("text", ["", "abc", "4,3,2", "1e5x", "NaN", "Infinity", "4.3,2,1"])
def test_parse_refuses_what_is_not_a_number(text):
    assert parse_angka(text) is None


def test_format_drops_trailing_zeros_without_exponent():
    assert format_angka(Decimal("4.3000")) == "4.3"
    assert format_angka(Decimal("100.0000")) == "100"
    assert format_angka(Decimal("12.67")) == "12.67"
    assert format_angka(None) == ""


def test_rupiah():
    assert format_rupiah(Decimal("1250000")) == "Rp 1.250.000"
    assert format_rupiah(Decimal("1250000.5")) == "Rp 1.250.000,50"
    assert format_rupiah(Decimal("0")) == "Rp 0"
