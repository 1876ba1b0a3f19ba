"""Pooled database connections without a round trip per request (issue 9, ADR 0021).

`pool_pre_ping` sent a `SELECT 1` to PostgreSQL at every checkout: one extra round trip per
request. Instead:

- `pool_recycle` (config) retires a connection after half an hour, before server or firewall
  idle timeouts are likely to cut it;
- at checkout a PostgreSQL connection is checked *locally*: an idle connection's socket has
  nothing to read, so a readable socket (the server closed it, or sent its "terminating
  connection" notice) or a closed one means it is dead. Raising `DisconnectionError` makes the
  pool throw it away and hand out a fresh one — the retry happens before the request's
  transaction has run anything, so nothing is lost or repeated;
- a connection that dies silently in use (no packet from the server) fails that one statement;
  SQLAlchemy then sees a disconnect and invalidates the whole pool, so the next request
  reconnects. The failed request gets the error page; no transaction is replayed.
"""

from __future__ import annotations

import select

from sqlalchemy import event, exc
from sqlalchemy.pool import Pool


def is_dead(dbapi_connection) -> bool:
    """True for a psycopg connection known to be unusable without asking the server."""
    pgconn = getattr(dbapi_connection, "pgconn", None)
    if pgconn is None:  # not psycopg (SQLite): nothing to check
        return False
    if dbapi_connection.closed or dbapi_connection.broken:
        return True
    try:
        fd = pgconn.socket
    except Exception:  # psycopg raises when the connection has no socket any more
        return True
    try:
        readable, _, _ = select.select([fd], [], [], 0)
    except (OSError, ValueError):
        return True
    return bool(readable)


@event.listens_for(Pool, "checkout")
def _drop_dead_connection(dbapi_connection, connection_record, connection_proxy):
    if is_dead(dbapi_connection):
        raise exc.DisconnectionError("connection closed by the server")
