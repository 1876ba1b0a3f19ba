"""`python -m bench [--mode quick|full|tiny] [--db sqlite,postgresql]` — see bench/README.md.

Prints one table and writes it, dated, to bench/results/ (Markdown, and JSON beside it).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from bench import data, inprocess, load
from bench.modes import MODES, Mode
from bench.report import table
from bench.server import Server, http_login

RESULTS = Path(__file__).resolve().parent / "results"
PG_DEFAULT = "postgresql+psycopg://postgres@127.0.0.1:5432/kinerja_bench"


def machine() -> dict:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    busy = subprocess.run(
        ["ps", "-eo", "pcpu,comm", "--sort=-pcpu"], capture_output=True, text=True
    ).stdout.splitlines()[1:6]
    return {
        "host": platform.node(),
        "system": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "cpu": f"{os.cpu_count()} × {cpu}",
        "load_average": os.getloadavg(),
        "busiest_processes": [" ".join(b.split()) for b in busy],
    }


def make_app(uri: str):
    from webapp import create_app

    return create_app(
        {
            "SQLALCHEMY_DATABASE_URI": uri,
            "SECRET_KEY": "bench",
            "WTF_CSRF_ENABLED": False,  # in-process requests only; the server keeps CSRF on
        }
    )


def run_database(name: str, uri: str, mode: Mode, log) -> dict:
    from webapp.extensions import db

    app = make_app(uri)
    t0 = time.perf_counter()
    with app.app_context():
        data.reset_schema()
        world = data.generate(leaders=mode.leaders, staff=mode.staff)
        engine = db.engine
    log(
        f"[{name}] data: {mode.staff} pegawai, {mode.leaders} leaders in "
        f"{time.perf_counter() - t0:.1f} s"
    )
    out: dict = {"screens": inprocess.measure_screens(app, engine, world, mode.reps)}
    out["actions"] = inprocess.measure_actions(app, engine, world)
    log(f"[{name}] in-process done")
    with app.app_context():
        db.engine.dispose()
    v = inprocess.variants(world)["20"]
    with Server(uri) as server:
        out["server"] = " ".join(server.command[1:]).replace(str(server.port), "$PORT")
        _, owner_cookie = http_login(server.url, v["nip"], data.PASSWORD)
        _, leader_cookie = http_login(server.url, v["leader"], data.PASSWORD)
        if mode.browser:
            from bench import browser

            out["browser"] = browser.measure(
                server.url, {"owner": owner_cookie, "leader": leader_cookie}, v
            )
            log(f"[{name}] browser done")
        skp_url = f"{server.url}/skp-jajf/{v['skp']}"
        out["load_tool"] = load.tool()
        out["load"] = []
        for c in mode.connections:
            result = load.closed_loop(skp_url, owner_cookie, c, mode.load_s)
            out["load"].append({"connections": c, **result})
            log(f"[{name}] load c={c}: {result['rps']:.0f} req/s p95 {result['p95_ms']} ms")
        from bench import deadline

        world_json = {**world.as_dict(), "password": data.PASSWORD}
        out["deadline"] = []
        for users in mode.users:
            _resubmit(app, world)
            result = deadline.run(
                server.url,
                world_json,
                users,
                mode.spawn_rate,
                mode.steady_s,
                mode.settle_s,
                mode.think,
            )
            out["deadline"].append(result)
            log(
                f"[{name}] locust {users} users: p95 {result['p95_ms']} ms, "
                f"{result['errors']} errors"
            )
    return out


def _resubmit(app, world) -> None:
    """The leaders' SKP back to Diajukan, so each Locust level has them to approve."""
    from sqlalchemy import update

    from webapp.extensions import db
    from webapp.models import Skp

    ids = [i for ids in world.diajukan_of.values() for i in ids]
    with app.app_context():
        db.session.execute(update(Skp).where(Skp.id.in_(ids)).values(status="diajukan"))
        db.session.commit()
        db.engine.dispose()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--mode", choices=sorted(MODES), default="quick")
    parser.add_argument("--db", default=os.environ.get("BENCH_DB", "sqlite,postgresql"))
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument(
        "--browser", action=argparse.BooleanOptionalAction, default=None, help="Chromium part"
    )
    parser.add_argument("--users", help="Locust levels, e.g. 50,200,500 (overrides the mode)")
    parser.add_argument("--steady", type=int, help="Locust seconds measured per level")
    args = parser.parse_args(argv)
    mode = MODES[args.mode]
    if args.browser is not None:
        mode = dataclasses.replace(mode, browser=args.browser)
    if args.users:
        mode = dataclasses.replace(mode, users=tuple(int(u) for u in args.users.split(",")))
    if args.steady:
        mode = dataclasses.replace(mode, steady_s=args.steady)
    started = datetime.now(UTC)
    t0 = time.perf_counter()

    def log(message: str) -> None:
        print(f"{time.perf_counter() - t0:6.0f} s  {message}", file=sys.stderr, flush=True)

    results = {
        "mode": mode.name,
        "started": started.isoformat(),
        "machine": machine(),
        "think": mode.think,
        "locust_settle_s": mode.settle_s,
        "locust_steady_s": mode.steady_s,
    }
    with tempfile.TemporaryDirectory() as tmp:
        uris = {
            "sqlite": f"sqlite:///{tmp}/bench.sqlite3",
            "postgresql": os.environ.get("BENCH_PG_URL", PG_DEFAULT),
        }
        for name in args.db.split(","):
            results[name] = run_database(name, uris[name.strip()], mode, log)
    results["seconds"] = round(time.perf_counter() - t0)
    results["machine_after"] = {"load_average": os.getloadavg()}
    text = table(results)
    print(text)
    args.out.mkdir(parents=True, exist_ok=True)
    stamp = started.strftime("%Y-%m-%dT%H%MZ")
    (args.out / f"{stamp}-{mode.name}.md").write_text(text)
    (args.out / f"{stamp}-{mode.name}.json").write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
