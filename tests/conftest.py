"""Fixtures in the Flask-tutorial style: app, client, hx client, role logins, a query counter."""

from __future__ import annotations

import os
import re
from contextlib import contextmanager
from types import SimpleNamespace

import pytest
from sqlalchemy import event, text

from tests import factories
from webapp import create_app
from webapp.extensions import db
from webapp.models import PermintaanAtasan

DB_URI = os.environ.get("TEST_DB_URI")


@pytest.fixture(scope="session")
def app(tmp_path_factory):
    uri = DB_URI or "sqlite:///" + str(tmp_path_factory.mktemp("db") / "test.sqlite3")
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "test",
            "SQLALCHEMY_DATABASE_URI": uri,
            "WTF_CSRF_ENABLED": False,
            # Generous limits in tests; test_auth lowers them to the real ones.
            "LOGIN_SLOWDOWN_FREE": 10000,
            "LOGIN_RATE_LIMIT_PER_ADDRESS": "10000 per minute",
            "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",  # fast in tests only
        }
    )
    with app.app_context():
        db.drop_all()
        db.create_all()
    yield app
    with app.app_context():
        db.session.remove()
        db.drop_all()
        db.engine.dispose()


@pytest.fixture(autouse=True)
def _ctx(app):
    """Each test runs in an app context against empty tables."""
    with app.app_context():
        yield
        db.session.rollback()
        db.session.remove()
        _empty_tables()


def _empty_tables():
    tables = db.metadata.sorted_tables
    with db.engine.connect() as conn:
        if conn.dialect.name == "postgresql":
            names = ", ".join(f'"{t.name}"' for t in tables)
            conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
            conn.commit()
        else:
            # Self-references (atasan, unit parent) with RESTRICT: check nothing while emptying.
            # The pragma is a no-op inside a transaction, so it is switched back on after the
            # COMMIT (otherwise the pooled connection kept foreign keys off for later tests).
            conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
            for table in reversed(tables):
                conn.execute(table.delete())
            conn.commit()
            conn.exec_driver_sql("PRAGMA foreign_keys=ON")
        conn.commit()


@pytest.fixture
def client(app):
    return app.test_client()


class Actor:
    """A logged-in test client: get/post as a browser, hx_get/hx_post as htmx."""

    def __init__(self, app, pegawai=None):
        self.app = app
        self.client = app.test_client()
        self.pegawai = pegawai
        if pegawai is not None:
            r = self.post("/login", data={"nip": pegawai.nip, "password": factories.PASSWORD})
            assert r.status_code == 302, r.get_data(as_text=True)

    def _request(self, method, url, hx=False, **kw):
        # Each request gets an app context of its own, as in production: a fresh `g` (so
        # Flask-Login's user does not leak between clients) and a fresh database session.
        db.session.commit()
        if hx:
            kw["headers"] = {"HX-Request": "true", **kw.get("headers", {})}
        with self.app.app_context():
            response = self.client.open(url, method=method, **kw)
        db.session.expire_all()
        return response

    def get(self, url, **kw):
        return self._request("GET", url, **kw)

    def post(self, url, **kw):
        return self._request("POST", url, **kw)

    def hx_get(self, url, **kw):
        return self._request("GET", url, hx=True, **kw)

    def hx_post(self, url, **kw):
        return self._request("POST", url, hx=True, **kw)


@pytest.fixture
def login(app):
    """login(pegawai) → an Actor; login(None) → anonymous."""
    return lambda pegawai=None: Actor(app, pegawai)


@pytest.fixture
def world():
    """Everyone the access table needs, and records owned by `owner`."""
    atasan = factories.make_pegawai("ATASAN", jenis="JPT")
    owner = factories.make_pegawai("PEMILIK", jenis="JPT", atasan=atasan)
    other = factories.make_pegawai("LAIN", jenis="JPT", atasan=atasan)
    operator = factories.make_pegawai("OPERATOR", jenis="JA", is_operator=True)
    admin = factories.make_pegawai("ADMIN", jenis="JA", is_admin=True)
    pk = factories.make_pk(owner)
    # Its perilaku have no penilai yet (new_skp gives them the Atasan Langsung): the owner's
    # Ajukan is refused with what is missing, and Set Penilai starts from nothing.
    skp = factories.tanpa_penilai(factories.make_skp(owner))
    # The operator manages the unit of `other` (not the owner's): admin.py's rules act on it.
    operator.unit_kelola = other.unit_kerja
    # The owner asked for `other` as Atasan II: only `other` decides (Persetujuan Atasan).
    permintaan = PermintaanAtasan(pegawai=owner, tingkat="ii", atasan=other)
    db.session.add(permintaan)
    # The world's JA pegawai own an SKP JA/JF too, so the access table covers both kinds.
    skp_jajf = factories.make_skp(operator, jenis="JAJF")
    db.session.commit()
    return SimpleNamespace(
        atasan=atasan,
        owner=owner,
        other=other,
        operator=operator,
        admin=admin,
        pk=pk,
        sasaran=pk.sasaran[0],
        indikator_sasaran=pk.sasaran[0].indikator[0],
        program=pk.program[0],
        skp=skp,
        skp_jajf=skp_jajf,
        # Plain ids: the operator, who owns it, deletes it before other roles ask for it.
        jajf=SimpleNamespace(
            skp=skp_jajf.id,
            rencana=skp_jajf.rencana[0].id,
            indikator=skp_jajf.rencana[0].indikator[0].id,
            perilaku=skp_jajf.perilaku[0].id,
        ),
        rencana=skp.rencana[0],
        indikator=skp.rencana[0].indikator[0],
        unit=owner.unit_kerja,
        unit_kelola=operator.unit_kelola,
        permintaan=permintaan,
    )


@contextmanager
def _counting():
    statements: list[str] = []

    def before(conn, cursor, statement, parameters, context, executemany):
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", before)
    try:
        yield statements
    finally:
        event.remove(db.engine, "before_cursor_execute", before)


@pytest.fixture
def count_queries():
    """with count_queries() as q: ...; len(q) is the number of SQL statements run."""
    return _counting


def csrf_token_from(html: str) -> str:
    match = re.search(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"', html)
    assert match, "no CSRF token in the page"
    return match.group(1)


@pytest.fixture(autouse=True)
def _bukti_dukung_dir(request, tmp_path_factory):
    """Bukti dukung files of the request tests go to a temporary directory, never to the
    repository's instance/ (browser tests, which have no session `app`, set their own)."""
    if "app" in request.fixturenames:
        app = request.getfixturevalue("app")
        if not app.config.get("BUKTI_DUKUNG_DIR"):
            app.config["BUKTI_DUKUNG_DIR"] = str(tmp_path_factory.mktemp("bukti-dukung"))
    yield
