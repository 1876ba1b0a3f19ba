"""Bukti dukung files on disk: stored outside the web root in BUKTI_DUKUNG_DIR (default
instance/bukti-dukung), a directory several app servers may share. Each file is written to a
temporary name in the same directory and renamed into place (a reader never sees half a file),
under a random key — never the user's file name — with its sha256 kept in the database.
See docs/decisions/0024-realisasi-bukti-dukung.md.
"""

from __future__ import annotations

import hashlib
import os
import re
import secrets
import tempfile
from pathlib import Path

from flask import current_app

KUNCI = re.compile(r"^[0-9a-f]{64}$")


def direktori() -> Path:
    configured = current_app.config.get("BUKTI_DUKUNG_DIR")
    path = Path(configured) if configured else Path(current_app.instance_path) / "bukti-dukung"
    path.mkdir(parents=True, exist_ok=True)
    return path


def maks_byte() -> int:
    return int(current_app.config.get("BUKTI_DUKUNG_MAX_MB", 5) * 1024 * 1024)


def path(kunci: str) -> Path:
    if not KUNCI.match(kunci or ""):
        raise ValueError("not a bukti dukung key")
    return direktori() / kunci


def simpan(data: bytes) -> tuple[str, str]:
    """Store the bytes under a new random key: (kunci, sha256)."""
    folder = direktori()
    kunci = secrets.token_hex(32)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, folder / kunci)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return kunci, hashlib.sha256(data).hexdigest()


def hapus(kunci_list) -> None:
    """Remove stored files (after the commit that dropped their rows; a missing one is fine)."""
    for kunci in kunci_list:
        if kunci and KUNCI.match(kunci):
            (direktori() / kunci).unlink(missing_ok=True)


def sapu(dipakai: set[str], umur_detik: int = 3600, kini: float | None = None) -> list[str]:
    """Remove stored files no row refers to (left by a crash between a commit and the unlink,
    or by a database cascade: an indicator or SKP deleted after it was returned). Only files
    older than `umur_detik`, so an upload whose commit is still under way is left alone; also
    stale temporary files. Returns the names removed."""
    import time

    kini = kini if kini is not None else time.time()
    removed = []
    for entry in direktori().iterdir():
        name = entry.name
        if not (KUNCI.match(name) or name.startswith(".tmp-")) or not entry.is_file():
            continue
        if name in dipakai or kini - entry.stat().st_mtime < umur_detik:
            continue
        entry.unlink(missing_ok=True)
        removed.append(name)
    return removed
