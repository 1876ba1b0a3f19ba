"""Behind a reverse proxy, under the server `make run` starts (gunicorn, several processes) and
under the Windows fallback of the README (waitress), each client has its own login rate-limit
bucket (issue 6, ADR 0011, ADR 0021)."""

import shlex
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from webapp import create_app
from webapp.extensions import db

ROOT = Path(__file__).resolve().parents[2]
PASS_THROUGH = "--no-clear-untrusted-proxy-headers"


def make_run_command(port: int, workers: int = 2) -> list[str]:
    """The gunicorn command line of the Makefile's `run` target."""
    line = next(
        line for line in (ROOT / "Makefile").read_text().splitlines() if "bin/gunicorn " in line
    )
    venv = Path(sys.executable).parent.parent
    line = line.replace("$(VENV)", str(venv)).replace("$(PORT)", str(port))
    return shlex.split(line.replace("$(WEB_CONCURRENCY)", str(workers)))


def windows_command(port: int) -> list[str]:
    """The waitress-serve command line the README gives for Windows hosts."""
    line = next(
        line for line in (ROOT / "README.md").read_text().splitlines() if "waitress-serve" in line
    )
    line = line.strip().strip("`").replace("${PORT:-5000}", str(port))
    venv = Path(sys.executable).parent
    return [str(venv / "waitress-serve"), *shlex.split(line)[1:]]


def _make_run_command(port: int, server: str) -> list[str]:
    return make_run_command(port) if server == "gunicorn" else windows_command(port)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _login(port: int, client: str, nip: str) -> int:
    data = urllib.parse.urlencode({"nip": nip, "password": "salah-sekali"}).encode()
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/login",
        data=data,
        headers={"X-Forwarded-For": client, "X-Forwarded-Proto": "http"},
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as e:
        return e.code


@pytest.fixture
def serve(tmp_path):
    """Start gunicorn as `make run` does, or waitress as the README says for Windows (optionally
    without some option), on a fresh SQLite."""
    uri = f"sqlite:///{tmp_path / 'proxy.sqlite3'}"
    app = create_app({"SQLALCHEMY_DATABASE_URI": uri, "SECRET_KEY": "t"})
    with app.app_context():
        db.create_all()
        db.engine.dispose()
    servers = []

    def start(without: str = "", server: str = "gunicorn", extra_env: dict | None = None) -> int:
        port = _free_port()
        command = [arg for arg in _make_run_command(port, server) if arg != without]
        env = {
            "PATH": "/usr/bin:/bin",
            "DATABASE_URL": uri,
            "KINERJA_SECRET_KEY": "t",
            "KINERJA_TRUSTED_PROXIES": "1",
            "KINERJA_WTF_CSRF_ENABLED": "false",
            "KINERJA_PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",
            "KINERJA_LOGIN_RATE_LIMIT_PER_ADDRESS": "2 per 5 minutes",
            **(extra_env or {}),
        }
        server = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        servers.append(server)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                return port
            except OSError:
                assert server.poll() is None, server.stderr.read().decode()
                time.sleep(0.1)
        pytest.fail(f"{server} did not start")

    yield start
    for server in servers:
        server.terminate()
        server.wait(timeout=10)


@pytest.mark.parametrize("server", ["gunicorn", "waitress"])
def test_the_serve_commands_pass_forwarded_headers_to_the_app(serve, server):
    """Both processes of gunicorn (and waitress) see X-Forwarded-For; the buckets are shared by
    the processes (database storage, ADR 0021), so the third failure is refused wherever it
    lands."""
    port = serve(server=server)
    a = [_login(port, "10.0.0.1", f"19800101200501100{i}") for i in range(3)]
    b = [_login(port, "10.0.0.2", "198001012005011009")]
    assert a == [422, 422, 429]  # client A used up its own bucket…
    assert b == [422]  # …client B, through the same proxy, still has its own


def test_without_the_pass_through_every_client_shares_one_bucket(serve):
    """The trap the README's waitress option avoids: waitress drops X-Forwarded-For by default."""
    port = serve(without=PASS_THROUGH, server="waitress")
    a = [_login(port, "10.0.0.1", f"19800101200501100{i}") for i in range(2)]
    b = [_login(port, "10.0.0.2", "198001012005011009")]
    assert a == [422, 422] and b == [429]


def test_two_server_processes_share_the_login_counters(serve):
    """Two separate servers (one process each) on one database: the per-address limit
    counts the failures of both (database storage, ADR 0021)."""
    env = {"WEB_CONCURRENCY": "1"}
    first, second = serve(extra_env=env), serve(extra_env=env)
    statuses = [
        _login(first, "10.0.0.7", "198001012005011001"),
        _login(second, "10.0.0.7", "198001012005011002"),
        _login(first, "10.0.0.7", "198001012005011003"),
    ]
    assert statuses == [422, 422, 429]
