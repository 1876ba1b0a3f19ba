"""Dates in Indonesian, as the manual prints them."""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from babel.dates import format_date


def tanggal_pendek(d: date) -> str:
    """01 Mar 2022 (tables of periods)."""
    return format_date(d, "dd MMM yyyy", locale="id")


def tanggal_panjang(d: date) -> str:
    """01 Maret 2022 (headers of forms)."""
    return format_date(d, "dd MMMM yyyy", locale="id")


def tanggal_prosa(d: date) -> str:
    """1 Maret 2022 (prose and signature lines)."""
    return format_date(d, "d MMMM yyyy", locale="id")


def periode_pendek(dari: date, sampai: date) -> str:
    return f"{tanggal_pendek(dari)} - {tanggal_pendek(sampai)}"


def periode_panjang(dari: date, sampai: date) -> str:
    return f"{tanggal_panjang(dari)} - {tanggal_panjang(sampai)}"


def waktu_lokal(dt: datetime, zona: str) -> str:
    """A stored UTC timestamp in the agency's zone: "24 Nov 2026 09:26 WIB" (WITA, WIT)."""
    if dt.tzinfo is None:  # SQLite gives back naive datetimes: they were stored in UTC
        dt = dt.replace(tzinfo=UTC)
    local = dt.astimezone(ZoneInfo(zona))
    return tanggal_pendek(local.date()) + local.strftime(" %H:%M %Z")


def sekarang() -> datetime:
    """Now, timezone-aware in UTC: what the database stores."""
    return datetime.now(UTC)
