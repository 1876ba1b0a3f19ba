"""Measurements inside one process (Flask's test client, no network): SQL statements and round
trips per screen at 5, 20 and 50 indicators, server CPU and server time per request, and each
inline action's request-level bytes."""

from __future__ import annotations

import gzip
import statistics
import time
from contextlib import contextmanager
from urllib.parse import urlencode

from sqlalchemy import event

from bench.data import PASSWORD, World
from bench.forms import filled, read_form
from bench.screens import ACTIONS, SCREENS, Action, Screen

HX = {"HX-Request": "true", "Accept-Encoding": "gzip"}


def variants(world: World) -> dict[str, dict]:
    """The SKPs measured, by their number of indicators; each with its owner and leader."""
    nip = world.staff[0]
    mid = {
        "nip": nip,
        "skp": world.skp_of[nip],
        "leader": world.leaders[0],
        "rencana": world.rencana_of[nip],
        "indikator": world.indikator_of[nip],
    }
    ev = world.eval_of or {}

    def with_eval(v: dict, key: str) -> dict:
        e = ev.get(key, {})
        return {**v, "skp_eval": e.get("skp"), "indikator_eval": e.get("indikator")}

    return {
        "5": with_eval(world.small, "small"),
        "20": with_eval(mid, nip),
        "50": with_eval(world.big, "big"),
    }


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


@contextmanager
def counting(engine):
    """Statements run, and transactions (each a BEGIN and a COMMIT/ROLLBACK on PostgreSQL)."""
    seen = {"statements": 0, "transactions": 0}

    def statement(*_):
        seen["statements"] += 1

    def begin(*_):
        seen["transactions"] += 1

    event.listen(engine, "before_cursor_execute", statement)
    event.listen(engine, "begin", begin)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", statement)
        event.remove(engine, "begin", begin)


def round_trips(seen: dict, dialect: str) -> int:
    # psycopg sends BEGIN as a command of its own before a transaction's first statement, and
    # the transaction ends with COMMIT or ROLLBACK (the pool's reset); SQLite is in-process.
    if dialect == "postgresql":
        return seen["statements"] + 2 * seen["transactions"]
    return 0


def login(app, nip: str):
    client = app.test_client()
    r = client.post("/login", data={"nip": nip, "password": PASSWORD})
    if r.status_code != 302:
        raise RuntimeError(f"bench login of {nip} failed: {r.status_code}")
    return client


def _url(template: str, v: dict) -> str:
    return template.format(
        skp=v.get("skp"),
        rencana=v.get("rencana"),
        indikator=v.get("indikator"),
        skp_eval=v.get("skp_eval"),
        indikator_eval=v.get("indikator_eval"),
    )


def measure_screens(app, engine, world: World, reps: int) -> list[dict]:
    rows = []
    dialect = engine.dialect.name
    clients: dict[str, object] = {}

    def client_for(nip):
        if nip not in clients:
            clients[nip] = login(app, nip)
        return clients[nip]

    for screen in SCREENS:
        for size, v in variants(world).items():
            if not screen.per_skp and size != "20":
                continue
            client = client_for(v["nip"] if screen.role == "owner" else v["leader"])
            url = _url(screen.path, v)
            with counting(engine) as seen:
                r = client.get(url, headers={"Accept-Encoding": "gzip"})
            if r.status_code != 200:
                raise RuntimeError(f"{screen.name} {url}: {r.status_code}")
            cpu, wall = [], []
            for _ in range(reps):
                c0, w0 = time.process_time(), time.perf_counter()
                client.get(url, headers={"Accept-Encoding": "gzip"})
                cpu.append((time.process_time() - c0) * 1000)
                wall.append((time.perf_counter() - w0) * 1000)
            rows.append(
                {
                    "screen": screen.name,
                    "indikator": size if screen.per_skp else "—",
                    "statements": seen["statements"],
                    "round_trips": round_trips(seen, dialect),
                    "gzip_bytes": len(r.get_data()),
                    "cpu_ms": statistics.median(cpu),
                    "median_ms": statistics.median(wall),
                    "p95_ms": p95(wall),
                }
            )
    return rows


def measure_actions(app, engine, world: World) -> list[dict]:
    """Each action once through the test client with htmx headers: bytes of the dialog, of the
    POST body (up) and of its answer (down, gzip), and its statements."""
    rows = []
    v = variants(world)["20"]
    client = login(app, v["nip"])
    for n, action in enumerate(ACTIONS, start=1):
        rows.append(_action(client, engine, action, v, n))
    return rows


def _action(client, engine, action: Action, v: dict, n: int) -> dict:
    dialog = client.get(_url(action.dialog, v), headers=HX)
    html = gzip.decompress(dialog.get_data()).decode()
    form = read_form(html)
    values = {k: s.format(n=n) for k, s in action.fill.items()}
    body = urlencode(filled(form, values))
    with counting(engine) as seen:
        r = client.post(
            form["action"] or _url(action.dialog, v),
            data=body,
            content_type="application/x-www-form-urlencoded",
            headers=HX,
        )
    if r.status_code != 200:
        raise RuntimeError(f"{action.name}: {r.status_code}")
    return {
        "action": action.name,
        "dialog_bytes": len(dialog.get_data()),
        "up_bytes": len(body),
        "down_bytes": len(r.get_data()),
        "statements": seen["statements"],
        "round_trips": round_trips(seen, engine.dialect.name),
    }


def screen_of(name: str) -> Screen:
    return next(s for s in SCREENS if s.name == name)
