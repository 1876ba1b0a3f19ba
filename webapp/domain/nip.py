"""NIP: 18 digits YYYYMMDD YYYYMM G NNN (rules.md §9)."""

from datetime import date


def nip_error(nip: str) -> str | None:
    """Return why the NIP is invalid, in Indonesian, or None when it is valid."""
    if len(nip) != 18 or not nip.isdigit():
        return "NIP harus 18 digit angka."
    try:
        date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
    except ValueError:
        return "8 digit pertama NIP harus tanggal lahir yang sah (TahunBulanTanggal)."
    if not 1 <= int(nip[12:14]) <= 12:
        return "Digit 13–14 NIP (bulan TMT CPNS) harus 01 sampai 12."
    if nip[14] not in "12":
        return "Digit ke-15 NIP (jenis kelamin) harus 1 atau 2."
    return None
