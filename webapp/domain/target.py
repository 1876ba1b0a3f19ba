"""A target is one number with a satuan, or a range lower – upper (rules.md §4)."""

from decimal import Decimal


def range_error(bawah: Decimal | None, atas: Decimal | None) -> str | None:
    """Why a Target Range is refused, or None when it is a proper range."""
    if bawah is None or atas is None:
        return None
    if bawah > atas:
        return "Batas bawah tidak boleh lebih besar dari batas atas."
    return None
