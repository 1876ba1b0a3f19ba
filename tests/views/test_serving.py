"""How the app is served (issue 9, ADR 0021): the server command, static files compressed once,
database connections without a ping per request, login counters shared between app instances."""

import gzip
import socket
from pathlib import Path
from types import SimpleNamespace

import brotli
import pytest
from sqlalchemy import text

from tests import factories
from webapp import create_app
from webapp.db_connections import is_dead
from webapp.extensions import db, limiter
from webapp.services import login_throttle

ROOT = Path(__file__).resolve().parents[2]


def _makefile_target(name: str) -> list[str]:
    lines = (ROOT / "Makefile").read_text().splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"{name}:"))
    body = [lines[start]]
    for line in lines[start + 1 :]:
        if not line.startswith("\t"):
            break
        body.append(line.strip())
    return body


def test_make_run_prepares_once_then_serves_with_gunicorn_sync_workers():
    head, *recipe = _makefile_target("run")
    assert head.split(":")[1].split() == ["demo"]  # migrate and demo data first, once
    serve = recipe[-1]
    assert serve.startswith("$(VENV)/bin/gunicorn ")
    assert "--workers $(WEB_CONCURRENCY)" in serve and "--worker-class sync" in serve
    assert "--bind 127.0.0.1:$(PORT)" in serve and serve.endswith(" wsgi:app")
    assert "--no-control-socket" in serve  # one path per user: a second gunicorn takes it
    assert "WEB_CONCURRENCY ?= $(shell python3 -c" in (ROOT / "Makefile").read_text()


def test_the_readme_gives_the_command_make_run_uses():
    serve = _makefile_target("run")[-1]
    readme = (ROOT / "README.md").read_text()
    expected = (
        serve.replace("$(VENV)", ".venv")
        .replace("$(PORT)", "${PORT:-5000}")
        .replace("$(WEB_CONCURRENCY)", "${WEB_CONCURRENCY:-<cores>}")
    )
    assert expected in readme
    assert "Windows" in readme and "waitress-serve" in readme


def test_no_ping_per_request_connections_are_recycled(app):
    options = app.config["SQLALCHEMY_ENGINE_OPTIONS"]
    assert "pool_pre_ping" not in options and options["pool_recycle"] > 0
    assert db.engine.pool._pre_ping is False


def test_a_page_costs_no_extra_round_trip(login, count_queries):
    me = login(factories.make_pegawai(jenis="JPT"))
    with count_queries() as q:
        assert me.get("/").status_code == 200
    assert not any(s.strip() == "SELECT 1" for s in q)


class _FakePg:
    """Looks like a psycopg connection: `pgconn.socket`, `closed`, `broken`."""

    def __init__(self, sock):
        self.pgconn = SimpleNamespace(socket=sock.fileno())
        self.closed = self.broken = False


def test_a_connection_the_server_closed_is_seen_without_a_round_trip():
    ours, servers = socket.socketpair()
    conn = _FakePg(ours)
    assert not is_dead(conn)  # idle and open: nothing to read
    servers.close()  # the server went away: the socket reads EOF
    assert is_dead(conn)
    ours.close()
    assert not is_dead(object())  # SQLite connections are not checked


def test_a_dropped_postgresql_connection_is_replaced_before_the_request_uses_it(app):
    if db.engine.dialect.name != "postgresql":
        pytest.skip("needs PostgreSQL (TEST_DB_URI); make test runs it in its PostgreSQL pass")
    pid = db.session.execute(text("SELECT pg_backend_pid()")).scalar()
    db.session.remove()  # back to the pool
    with db.engine.connect() as other:  # a second pooled connection ends the first's backend
        other.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
        other.commit()
    import time

    time.sleep(0.2)
    assert db.session.execute(text("SELECT pg_backend_pid()")).scalar() != pid


def test_static_files_are_served_precompressed_without_vary_cookie(client, app):
    built = Path(app.instance_path) / "static"
    source = Path(app.static_folder) / "htmx-2.0.11.min.js"
    for encoding, ext, decode in (
        ("br", ".br", brotli.decompress),
        ("gzip", ".gz", gzip.decompress),
    ):
        r = client.get("/static/htmx-2.0.11.min.js?v=1", headers={"Accept-Encoding": f"{encoding}"})
        assert r.status_code == 200 and r.headers["Content-Encoding"] == encoding
        assert r.get_data() == (built / ("htmx-2.0.11.min.js" + ext)).read_bytes()
        assert decode(r.get_data()) == source.read_bytes()
        assert r.headers["Vary"] == "Accept-Encoding"  # no Cookie: a proxy may keep it
        assert r.headers["Cache-Control"] == "max-age=31536000, public"
        assert "Set-Cookie" not in r.headers and "Access-Control-Allow-Origin" not in r.headers
    plain = client.get("/static/app.css")
    assert "Content-Encoding" not in plain.headers
    assert plain.get_data() == (Path(app.static_folder) / "app.css").read_bytes()


def test_static_files_are_compressed_at_the_best_levels(app):
    built = Path(app.instance_path) / "static"
    data = (Path(app.static_folder) / "htmx-2.0.11.min.js").read_bytes()
    assert (built / "htmx-2.0.11.min.js.br").read_bytes() == brotli.compress(data, quality=11)
    assert (built / "htmx-2.0.11.min.js.gz").read_bytes() == gzip.compress(
        data, compresslevel=9, mtime=0
    )


def test_a_changed_static_file_is_built_again(tmp_path):
    from webapp.static_files import build

    source, target = tmp_path / "src", tmp_path / "out"
    source.mkdir()
    (source / "a.js").write_text("let x = 1;\n" * 200)
    assert len(build(source, target)) == 3  # a.js, a.js.br, a.js.gz
    assert build(source, target) == []  # unchanged: nothing written
    (source / "a.js").write_text("x")  # too small to gain: the stale copies go
    assert build(source, target) == [target / "a.js"]
    assert sorted(p.name for p in target.iterdir()) == ["a.js"]


def test_pages_are_still_compressed_per_response(login):
    me = login(factories.make_pegawai(jenis="JPT"))
    r = me.get("/", headers={"Accept-Encoding": "br"})
    assert r.headers["Content-Encoding"] == "br"
    assert b"Dashboard" in brotli.decompress(r.get_data())


def test_two_app_instances_on_one_database_share_the_login_counters(app):
    """Two app objects (as two server processes have) on the same database see one count."""
    other = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "test",
            "SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"],
            "LOGIN_SLOWDOWN_FREE": 2,
        }
    )
    assert app.config["RATELIMIT_STORAGE_URI"] == "database://"
    nip = "198001012005011099"
    with app.test_request_context():  # this app lets 10000 failures pass without a wait
        login_throttle.record_failure(nip)
        login_throttle.record_failure(nip)
        assert login_throttle.wait_seconds(nip) == 0
    with other.test_request_context():  # the other lets 2 pass: its third failure must wait
        login_throttle.record_failure(nip)
        assert login_throttle.wait_seconds(nip) >= 1
        db.engine.dispose()
    with app.test_request_context():
        assert login_throttle.wait_seconds(nip) >= 1
        assert limiter.storage.get(f"login-gagal:{nip}") == 3
        login_throttle.record_success(nip)
        assert login_throttle.wait_seconds(nip) == 0


def test_the_skp_page_from_a_cold_session_takes_six_round_trips(login, count_queries):
    """Nothing in the identity map (as in a real request): user, SKP + owner, results with
    their indicators, perilaku, review notes, the menu's Persetujuan check — for 3 indicators
    and for 50 alike."""
    from datetime import date

    owner = factories.make_pegawai("JPT", jenis="JPT", atasan=factories.make_pegawai(jenis="JPT"))
    small = factories.make_skp(owner, rencana=1, indikator=3)
    big = factories.make_skp(
        owner, dari=date(2022, 5, 1), sampai=date(2022, 5, 31), rencana=10, indikator=5
    )
    db.session.commit()
    me = login(owner)
    counts = []
    for skp_id in (small.id, big.id):
        db.session.remove()
        with count_queries() as q:
            assert me.get(f"/skp-jpt/{skp_id}").status_code == 200
        counts.append(len(q))
    assert counts == [6, 6]


def test_the_menu_asks_its_data_questions_in_one_statement(login, count_queries):
    """Matrik Peran Hasil (bawahan, extra bawahan, Ketua Tim) and Persetujuan Atasan: one
    statement with EXISTS clauses, not one round trip per question."""
    atasan = factories.make_pegawai(jenis="JA")
    factories.make_pegawai(jenis="JF", atasan=atasan)
    plain = factories.make_pegawai(jenis="JF")
    db.session.commit()
    clients = [(login(atasan), True), (login(plain), False)]
    for me, sees in clients:
        db.session.remove()  # a cold session, as a real request has
        with count_queries() as q:
            body = me.get("/uraian-jabatan/").get_data(as_text=True)
        menu = body[body.index('<nav class="menu"') : body.index("</nav>")]
        assert ("Matrik Peran Hasil" in menu) is sees
        assert sum("permintaan_atasan" in s for s in q) == 1
        assert sum("peran_hasil" in s for s in q) <= 1


def test_the_menu_is_worked_out_again_for_each_request(login):
    """Once per request, not once per app context (a test keeps one around many requests)."""
    ja = factories.make_pegawai(jenis="JA")
    db.session.commit()
    me = login(ja)

    def menu() -> str:
        body = me.get("/uraian-jabatan/").get_data(as_text=True)
        return body[body.index('<nav class="menu"') : body.index("</nav>")]

    assert "Matrik Peran Hasil" not in menu()
    factories.make_pegawai(jenis="JF", atasan=ja)  # now ja has a bawahan
    db.session.commit()
    assert "Matrik Peran Hasil" in menu()
