"""How long a NIP waits before its next login attempt (ADR 0011)."""


def delay_seconds(failures: int, free: int, maximum: int) -> int:
    """Seconds to wait after `failures` wrong passwords in a row: none for the first `free`,
    then 1, 2, 4, … doubling up to `maximum`. The owner is never locked out for longer."""
    if failures < free:
        return 0
    return min(maximum, 2 ** min(failures - free, 30))
