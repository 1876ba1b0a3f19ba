"""The benchmark suite runs (tiny mode: seconds, SQLite, no browser) and writes its table.

The figures of a tiny run mean nothing; what is checked is that every part of `make bench` —
the data generator, the in-process counts, the production server command, the closed-loop load
and the Locust scenario — works against the current app, so a screen change that breaks the
bench fails here and not on the day someone runs it.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.bench
def test_make_bench_tiny_writes_one_table(tmp_path):
    run = subprocess.run(
        [sys.executable, "-m", "bench", "--mode", "tiny", "--db", "sqlite", "--out", tmp_path],
        cwd=ROOT,
        # The Python load generator: the path of a machine without ab (ab's report parsing is
        # tested in tests/unit/test_bench_parts.py).
        env={**os.environ, "BENCH_LOAD_TOOL": "python"},
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    (table,) = tmp_path.glob("*-tiny.md")
    (raw,) = tmp_path.glob("*-tiny.json")
    text = table.read_text()
    assert text.strip() == run.stdout.strip()
    assert "| Section | Measure | SQLite | Budget | Met |" in text
    result = json.loads(raw.read_text())["sqlite"]
    skp = [s for s in result["screens"] if s["screen"] == "Rencana SKP JA/JF (Target SKP)"]
    assert len(skp) == 3 and len({s["statements"] for s in skp}) == 1  # 5, 20, 50: equal
    assert all(s["cpu_ms"] > 0 and s["p95_ms"] >= s["median_ms"] for s in result["screens"])
    realisasi = [s for s in result["screens"] if s["screen"] == "Realisasi SKP JA/JF"]
    assert len(realisasi) == 3 and len({s["statements"] for s in realisasi}) == 1
    actions = ["Edit Indikator", "Tambah Indikator", "Input Realisasi"]
    assert [a["action"] for a in result["actions"]] == actions
    assert all(level["requests"] > 0 and level["errors"] == 0 for level in result["load"])
    (deadline,) = result["deadline"]
    assert deadline["errors"] == 0 and deadline["requests"] > 0, deadline["per_name"]
    assert "--worker-class sync" in result["server"] and result["load_tool"] == "python"
