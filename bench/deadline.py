"""Runs the Locust deadline-day scenario headless against a server and reads its figures."""

from __future__ import annotations

import csv
import json
import math
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def run(
    url: str,
    world: dict,
    users: int,
    spawn_rate: float,
    steady_s: int,
    settle_s: int,
    think: tuple[float, float] = (5, 15),
) -> dict:
    """`users` virtual users spawned at `spawn_rate`/s; `settle_s` seconds after the last one is
    in the figures restart (the ramp's logins are not in them), then `steady_s` are measured."""
    with tempfile.TemporaryDirectory() as tmp:
        world_file = Path(tmp) / "world.json"
        world_file.write_text(json.dumps(world))
        ramp = math.ceil(users / spawn_rate)
        prefix = Path(tmp) / "stats"
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "locust",
                "-f",
                str(HERE / "locustfile.py"),
                "--headless",
                "--host",
                url,
                "-u",
                str(users),
                "-r",
                str(spawn_rate),
                "-t",
                f"{ramp + steady_s}s",
                "--reset-stats",
                "--csv",
                str(prefix),
                "--only-summary",
                "--loglevel",
                "WARNING",
            ],
            env={
                **_env(),
                "BENCH_WORLD": str(world_file),
                "BENCH_SETTLE": str(settle_s),
                "BENCH_THINK": f"{think[0]},{think[1]}",
            },
            capture_output=True,
            text=True,
            timeout=ramp + settle_s + steady_s + 180,
        )
        stats = Path(f"{prefix}_stats.csv")
        if not stats.exists():
            raise RuntimeError(f"locust failed: {proc.stderr[-2000:]}")
        rows = {row["Name"]: row for row in csv.DictReader(stats.open())}
    total = rows["Aggregated"]
    return {
        "users": users,
        "requests": int(total["Request Count"]),
        "errors": int(total["Failure Count"]),
        "rps": _f(total["Requests/s"]),
        "p50_ms": _f(total["50%"]),
        "p95_ms": _f(total["95%"]),
        "p99_ms": _f(total["99%"]),
        "per_name": {
            name: {
                "requests": int(r["Request Count"]),
                "p95_ms": _f(r["95%"]),
                "errors": int(r["Failure Count"]),
            }
            for name, r in rows.items()
            if name != "Aggregated"
        },
    }


def _f(value: str) -> float:
    """Locust writes N/A for a percentile of no requests."""
    try:
        return float(value)
    except ValueError:
        return float("nan")


def _env() -> dict:
    import os

    return {k: v for k, v in os.environ.items() if k != "BENCH_WORLD"}
