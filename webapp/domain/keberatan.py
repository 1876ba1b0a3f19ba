"""Keberatan: the owner may object to a predikat for 14 days after it was set (rules.md §6):
pure functions, no Flask.

The 14 days are calendar days in the agency's zone: a predikat set on 1 Maret (any hour) may be
objected to until 15 Maret 23:59:59 in that zone.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

BATAS_HARI = 14


def batas_keberatan(predikat_at: datetime, zona: str) -> datetime:
    """The last moment (aware, in the agency's zone) an objection is accepted."""
    if predikat_at.tzinfo is None:  # SQLite gives back naive datetimes: stored in UTC
        predikat_at = predikat_at.replace(tzinfo=UTC)
    tz = ZoneInfo(zona)
    hari = predikat_at.astimezone(tz).date() + timedelta(days=BATAS_HARI)
    return datetime.combine(hari, time.max, tzinfo=tz)


def masih_dapat_keberatan(predikat_at: datetime | None, kini: datetime, zona: str) -> bool:
    """True from the moment a predikat is set until the end of its 14th day."""
    if predikat_at is None:
        return False
    if kini.tzinfo is None:
        kini = kini.replace(tzinfo=UTC)
    return kini <= batas_keberatan(predikat_at, zona)
