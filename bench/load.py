"""Closed-loop load on the production server: each of C connections sends its next request as
soon as the last one is answered. ApacheBench (`ab`, Debian package apache2-utils) when it is
installed; otherwise a Python equivalent (threads; it needs more CPU than ab, which shares the
server's cores, so its figures are lower)."""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import threading
import time
import urllib.request

from bench.inprocess import p95


def tool() -> str:
    """ab when installed; BENCH_LOAD_TOOL=python forces the Python generator."""
    if os.environ.get("BENCH_LOAD_TOOL") == "python":
        return "python"
    return "ab" if shutil.which("ab") else "python"


def closed_loop(url: str, cookie: str, connections: int, seconds: float) -> dict:
    if tool() == "ab":
        return _ab(url, cookie, connections, seconds)
    return _python(url, cookie, connections, seconds)


def _ab(url: str, cookie: str, connections: int, seconds: float) -> dict:
    return parse_ab(_run_ab(url, cookie, connections, seconds))


def _run_ab(url: str, cookie: str, connections: int, seconds: float) -> str:
    return subprocess.run(
        [
            "ab",
            "-q",
            "-r",  # a socket error is counted, not fatal
            "-t",
            str(seconds),
            "-n",
            "10000000",
            "-c",
            str(connections),
            "-C",
            cookie,
            "-H",
            "Accept-Encoding: gzip, br",
            url,
        ],
        capture_output=True,
        text=True,
        timeout=seconds + 120,
    ).stdout


def parse_ab(out: str) -> dict:
    """The figures of ab's report."""

    def number(pattern: str) -> float:
        m = re.search(pattern, out)
        return float(m.group(1)) if m else float("nan")

    # ab counts a page whose length differs from the first one as "failed" (Length): every
    # page carries its own CSRF token, so only connection, receive and exception failures and
    # non-2xx answers are errors here.
    def count(pattern: str) -> int:
        m = re.search(pattern, out)
        return int(m.group(1)) if m else 0

    failed = sum(count(rf"[(,] ?{kind}: (\d+)") for kind in ("Connect", "Receive", "Exceptions"))
    non2xx = count(r"Non-2xx responses:\s+(\d+)")
    return {
        "rps": number(r"Requests per second:\s+([\d.]+)"),
        "p50_ms": number(r"\n\s+50%\s+(\d+)"),
        "p95_ms": number(r"\n\s+95%\s+(\d+)"),
        "errors": failed + non2xx,
        "requests": int(number(r"Complete requests:\s+(\d+)")),
    }


def _python(url: str, cookie: str, connections: int, seconds: float) -> dict:
    times: list[float] = []
    errors = [0]
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def worker():
        while time.monotonic() < stop:
            request = urllib.request.Request(
                url, headers={"Cookie": cookie, "Accept-Encoding": "gzip"}
            )
            t0 = time.perf_counter()
            try:
                with urllib.request.urlopen(request, timeout=60) as r:
                    r.read()
                    ok = r.status == 200
            except OSError:
                ok = False
            with lock:
                if ok:
                    times.append((time.perf_counter() - t0) * 1000)
                else:
                    errors[0] += 1

    threads = [threading.Thread(target=worker) for _ in range(connections)]
    t0 = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - t0
    return {
        "rps": len(times) / elapsed,
        "p50_ms": statistics.median(times) if times else float("nan"),
        "p95_ms": p95(times) if times else float("nan"),
        "errors": errors[0],
        "requests": len(times),
    }
