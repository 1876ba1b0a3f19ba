"""The per-NIP slow-down of password guessing (ADR 0011), kept in Flask-Limiter's storage.

Two keys per typed NIP (known or not, so the answer does not reveal which NIPs exist): the
count of wrong passwords in a row, and a key that lives as long as the current wait.
"""

from __future__ import annotations

import math
import time

from flask import current_app

from webapp.domain.login import delay_seconds
from webapp.extensions import limiter


def _keys(nip: str) -> tuple[str, str]:
    return f"login-gagal:{nip}", f"login-tunggu:{nip}"


def wait_seconds(nip: str) -> int:
    """Seconds this NIP must still wait before a password is checked again (0: none)."""
    if not limiter.enabled:
        return 0
    storage = limiter.storage
    _, tunggu = _keys(nip)
    if storage.get(tunggu) <= 0:
        return 0
    return max(1, math.ceil(storage.get_expiry(tunggu) - time.time()))


def record_failure(nip: str) -> None:
    if not limiter.enabled:
        return
    config = current_app.config
    storage = limiter.storage
    gagal, tunggu = _keys(nip)
    failures = storage.incr(gagal, int(config["LOGIN_SLOWDOWN_FORGET"]))
    delay = delay_seconds(
        failures, int(config["LOGIN_SLOWDOWN_FREE"]), int(config["LOGIN_SLOWDOWN_MAX"])
    )
    if delay:
        storage.clear(tunggu)
        storage.incr(tunggu, delay)


def record_success(nip: str) -> None:
    if not limiter.enabled:
        return
    for key in _keys(nip):
        limiter.storage.clear(key)
