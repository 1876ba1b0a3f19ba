"""The Chromium part of `make bench` (CDP byte counts, slow link) runs against the current app:
tiny mode with the browser, SQLite only. The figures are not checked, only that every screen and
inline action of bench/screens.py was measured (a changed label or row id fails here)."""

import json
import subprocess
import sys
from pathlib import Path

from bench.screens import ACTIONS, SCREENS

ROOT = Path(__file__).resolve().parents[2]


def test_bench_measures_every_screen_and_action_in_chromium(tmp_path):
    run = subprocess.run(
        [sys.executable, "-m", "bench", "--mode", "tiny", "--db", "sqlite", "--browser"]
        + ["--out", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    (raw,) = tmp_path.glob("*-tiny.json")
    browser = json.loads(raw.read_text())["sqlite"]["browser"]
    assert [s["screen"] for s in browser["screens"]] == [s.name for s in SCREENS]
    assert all(s["bytes"] > 1000 and s["requests"] >= 1 for s in browser["screens"])
    assert [a["action"] for a in browser["actions"]] == [a.name for a in ACTIONS]
    assert all(a["up_bytes"] > 0 and a["down_bytes"] > 0 for a in browser["actions"])
    assert len(browser["slow"]) == 1 + len(ACTIONS)
    assert all(s["s"] > 0.4 for s in browser["slow"])  # at least the link's latency
