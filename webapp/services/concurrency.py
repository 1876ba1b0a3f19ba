"""Two people at once: optimistic versions for edit forms, and a lock for rule-guarded writes.

- `stale(form, record)`: an edit form carries the row's `version_id` (a hidden `version` field,
  see `webapp.forms.fields.VersionField`); a save made on an older version is refused with
  `STALE` on the form and nothing is written.
- `lock_pegawai(pegawai_id)`: called first in a write whose rule spans several rows (one PK per
  year, no overlapping SKP periods, numbering, read-only after Ajukan). It takes the write lock on
  the owner's row inside the request's transaction: an UPDATE that changes nothing locks the row on
  PostgreSQL and takes SQLite's single write lock (pysqlite begins the transaction at the first
  write, so no older read snapshot is held). Concurrent writers for the same pegawai queue behind
  it; after it the session is expired, so every check that follows reads committed data.
See docs/decisions/0016-concurrency.md.
"""

from __future__ import annotations

from sqlalchemy import update

from webapp.extensions import db

STALE = "Data ini telah diubah oleh pengguna lain; muat ulang halaman lalu ulangi perubahan."


def stale(form, record) -> bool:
    """True when `form` was opened on an older version of `record`; the message goes on the form."""
    if str(record.version_id) == str(form.version.data or "").strip():
        return False
    first = next(
        (f for f in form if f.type not in ("HiddenField", "CSRFTokenField", "VersionField")),
        form.version,
    )
    first.errors = [*first.errors, STALE]
    return True


def lock_pegawai(pegawai_id: int) -> None:
    """Serialise the rule-guarded writes of one pegawai until this transaction ends."""
    from webapp.models import Pegawai

    table = Pegawai.__table__
    db.session.execute(
        update(table).where(table.c.id == pegawai_id).values(version_id=table.c.version_id)
    )
    db.session.expire_all()
