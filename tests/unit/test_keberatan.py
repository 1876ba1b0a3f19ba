"""The 14 days of Keberatan (rules.md §6), counted in calendar days of the agency's zone."""

from datetime import UTC, datetime, timedelta

import pytest

from webapp.domain.keberatan import BATAS_HARI, batas_keberatan, masih_dapat_keberatan

WIB = "Asia/Jakarta"
# 1 Mar 2022 10:00 WIB = 03:00 UTC.
DITETAPKAN = datetime(2022, 3, 1, 3, 0, tzinfo=UTC)


def test_the_deadline_is_the_end_of_the_14th_day_in_the_agencys_zone():
    batas = batas_keberatan(DITETAPKAN, WIB)
    assert BATAS_HARI == 14
    assert (batas.year, batas.month, batas.day, batas.hour, batas.minute) == (2022, 3, 15, 23, 59)
    assert batas.utcoffset() == timedelta(hours=7)


@pytest.mark.parametrize(
    "kini, boleh",
    [
        (DITETAPKAN, True),  # at once
        (datetime(2022, 3, 8, 12, 0, tzinfo=UTC), True),
        (datetime(2022, 3, 15, 16, 59, 59, tzinfo=UTC), True),  # 15 Mar 23:59:59 WIB
        (datetime(2022, 3, 15, 17, 0, 0, tzinfo=UTC), False),  # 16 Mar 00:00 WIB
        (datetime(2022, 4, 1, tzinfo=UTC), False),
    ],
)
def test_an_objection_is_accepted_for_14_days(kini, boleh):
    assert masih_dapat_keberatan(DITETAPKAN, kini, WIB) is boleh


def test_a_predikat_set_late_in_the_evening_utc_counts_from_the_local_day():
    # 1 Mar 20:00 UTC is already 2 Mar 03:00 WIB: the 14 days run to 16 Mar in Jakarta.
    late = datetime(2022, 3, 1, 20, 0, tzinfo=UTC)
    assert batas_keberatan(late, WIB).day == 16
    assert batas_keberatan(late, "UTC").day == 15


def test_naive_times_are_utc_as_sqlite_returns_them():
    naive = DITETAPKAN.replace(tzinfo=None)
    assert masih_dapat_keberatan(naive, datetime(2022, 3, 15, 16, 0), WIB)
    assert not masih_dapat_keberatan(naive, datetime(2022, 3, 15, 17, 0), WIB)


def test_no_predikat_no_objection():
    assert not masih_dapat_keberatan(None, DITETAPKAN, WIB)
