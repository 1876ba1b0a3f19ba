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


def run(url: str, world: dict, users: int, spawn_rate: float, steady_s: int) -> dict:
    """`users` virtual users spawned at `spawn_rate`/s, then `steady_s` seconds measured (the
    figures are reset when all users are in: the logins of the ramp are not in them)."""
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
            env={"BENCH_WORLD": str(world_file), **_env()},
            capture_output=True,
            text=True,
            timeout=ramp + steady_s + 180,
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
        "rps": float(total["Requests/s"]),
        "p50_ms": float(total["50%"]),
        "p95_ms": float(total["95%"]),
        "p99_ms": float(total["99%"]),
        "per_name": {
            name: {"p95_ms": float(r["95%"]), "errors": int(r["Failure Count"])}
            for name, r in rows.items()
            if name != "Aggregated"
        },
    }


def _env() -> dict:
    import os

    return {k: v for k, v in os.environ.items() if k != "BENCH_WORLD"}
