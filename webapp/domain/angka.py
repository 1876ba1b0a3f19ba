"""Numbers users type: targets and anggaran are Decimal, never float."""

from decimal import Decimal, InvalidOperation


def parse_angka(text: str) -> Decimal | None:
    """Parse "4,3", "4.3", "1.250.000" or "1.250.000,50"; None when it is not a number."""
    s = text.strip().replace(" ", "")
    if not s:
        return None
    if "," in s:
        # Indonesian: dots group thousands, the comma is the decimal mark.
        s = s.replace(".", "").replace(",", ".")
    elif s.count(".") > 1:
        s = s.replace(".", "")
    try:
        value = Decimal(s)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def format_angka(value: Decimal | None) -> str:
    """4.3000 → "4.3", 86.0000 → "86" (as the manual prints targets)."""
    if value is None:
        return ""
    text = format(value.normalize(), "f")
    return text


def format_rupiah(value: Decimal | None) -> str:
    """1250000.50 → "Rp 1.250.000,50"."""
    if value is None:
        return ""
    whole, _, frac = f"{value:.2f}".partition(".")
    sign = "-" if whole.startswith("-") else ""
    digits = whole.lstrip("-")
    grouped = f"{int(digits):,}".replace(",", ".")
    return f"Rp {sign}{grouped}" + (f",{frac}" if frac != "00" else "")
