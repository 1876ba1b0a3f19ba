"""Flask-Limiter's storage in the application's own database (issue 9, ADR 0021).

`make run` starts several server processes; Flask-Limiter's default memory storage would give
each its own login counters (a guesser gets N times the tries). A Redis just for this is one
more service for the agency's one IT person, so the counters live in the table `rate_limit`
(webapp/models/rate_limit.py), reached with the URI `database://` (the default
RATELIMIT_STORAGE_URI). Only failed logins and password checks write here.

Each operation runs on its own connection and commits at once, outside the request's session:
a counter is never rolled back with the request, and never commits the request's work.
Fixed windows only (Flask-Limiter's default strategy): `incr` is one atomic upsert.
"""

from __future__ import annotations

import time

from limits.storage import Storage
from sqlalchemy import delete, func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import SQLAlchemyError

from webapp.extensions import db
from webapp.models.rate_limit import RateLimit

T = RateLimit.__table__


class DatabaseStorage(Storage):
    STORAGE_SCHEME = ["database"]

    def __init__(self, uri: str | None = None, wrap_exceptions: bool = False, **options):
        super().__init__(uri, wrap_exceptions=wrap_exceptions, **options)

    @property
    def base_exceptions(self):
        return SQLAlchemyError

    def incr(self, key: str, expiry: float, amount: int = 1) -> int:
        now = time.time()
        engine = db.engine
        insert = pg_insert if engine.dialect.name == "postgresql" else sqlite_insert
        stmt = insert(T).values(key=key, count=amount, expires_at=now + expiry)
        stmt = stmt.on_conflict_do_update(
            index_elements=[T.c.key], set_={"count": T.c.count + amount}
        ).returning(T.c.count)
        with engine.begin() as conn:
            conn.execute(delete(T).where(T.c.expires_at <= now))  # the expired, this key's too
            return conn.execute(stmt).scalar_one()

    def get(self, key: str) -> int:
        with db.engine.connect() as conn:
            count = conn.scalar(
                select(T.c.count).where(T.c.key == key, T.c.expires_at > time.time())
            )
        return count or 0

    def get_expiry(self, key: str) -> float:
        with db.engine.connect() as conn:
            expires = conn.scalar(
                select(T.c.expires_at).where(T.c.key == key, T.c.expires_at > time.time())
            )
        return expires if expires is not None else time.time()

    def check(self) -> bool:
        try:
            with db.engine.connect() as conn:
                conn.scalar(select(func.count()).select_from(T))
            return True
        except SQLAlchemyError:
            return False

    def reset(self) -> int | None:
        with db.engine.begin() as conn:
            return conn.execute(delete(T)).rowcount

    def clear(self, key: str) -> None:
        with db.engine.begin() as conn:
            conn.execute(delete(T).where(T.c.key == key))
