"""The production server command (the Makefile's `run` line), started on the bench's database,
and a logged-in HTTP session against it."""

from __future__ import annotations

import http.cookiejar
import os
import shlex
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

from bench.forms import csrf_token

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run_command(port: int, workers: int) -> list[str]:
    """The gunicorn line of the Makefile's `run` target, as `make run` would run it."""
    line = next(
        line for line in (ROOT / "Makefile").read_text().splitlines() if "bin/gunicorn " in line
    )
    venv = Path(sys.executable).parent.parent
    line = line.replace("$(VENV)", str(venv)).replace("$(PORT)", str(port))
    return shlex.split(line.replace("$(WEB_CONCURRENCY)", str(workers)))


class Server:
    """`with Server(db_uri) as s:` → s.url; the server is stopped on exit."""

    def __init__(self, db_uri: str, workers: int | None = None):
        self.db_uri = db_uri
        self.workers = workers or os.cpu_count() or 1
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.command = run_command(self.port, self.workers)

    def __enter__(self):
        env = {
            **os.environ,
            "DATABASE_URL": self.db_uri,
            "KINERJA_SECRET_KEY": "bench",
            "PYTHONUNBUFFERED": "1",
        }
        self.log = open(ROOT / "bench" / "results" / ".server.log", "ab")  # noqa: SIM115
        self.process = subprocess.Popen(
            self.command, cwd=ROOT, env=env, stdout=self.log, stderr=self.log
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited: see {self.log.name}")
            try:
                with urllib.request.urlopen(self.url + "/login", timeout=2) as r:
                    if r.status == 200:
                        return self
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("server did not start in 30 s")

    def __exit__(self, *exc):
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


def http_login(base: str, nip: str, password: str) -> tuple[urllib.request.OpenerDirector, str]:
    """Log in through the real form (CSRF on); returns an opener and the Cookie header value."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    html = opener.open(base + "/login").read().decode()
    body = urllib.parse.urlencode(
        {"csrf_token": csrf_token(html), "nip": nip, "password": password}
    ).encode()
    opener.open(urllib.request.Request(base + "/login", data=body))
    cookies = "; ".join(f"{c.name}={c.value}" for c in jar)
    if "session=" not in cookies:
        raise RuntimeError(f"login of {nip} failed")
    return opener, cookies
