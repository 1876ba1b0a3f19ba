"""Cross-cutting behaviour: gzip, static caching, error pages, configuration."""

import gzip

from tests import factories
from webapp import _instance_secret, create_app


def test_html_is_gzipped(login):
    me = login(factories.make_pegawai(jenis="JPT"))
    r = me.get("/", headers={"Accept-Encoding": "gzip"})
    assert r.headers["Content-Encoding"] == "gzip"
    assert b"Dashboard" in gzip.decompress(r.get_data())
    assert "HX-Request" in r.headers["Vary"]


def test_static_files_are_gzipped_and_cached_for_a_year(client):
    r = client.get("/static/htmx-2.0.11.min.js", headers={"Accept-Encoding": "gzip"})
    assert r.status_code == 200 and r.headers["Content-Encoding"] == "gzip"
    assert "max-age=31536000" in r.headers["Cache-Control"]
    assert len(r.get_data()) < 20_000  # ~51 KB raw


def test_pages_link_static_files_with_a_content_version(client):
    body = client.get("/login").get_data(as_text=True)
    assert "/static/htmx-2.0.11.min.js?v=" in body and "/static/app.css?v=" in body


def test_htmx_config_swaps_422_and_disables_history_cache(client):
    body = client.get("/login").get_data(as_text=True)
    assert '"historyRestoreAsHxRequest":false' in body and '"historyCacheSize":0' in body
    assert '{"code":"422","swap":true}' in body


def test_404_page_in_indonesian(login):
    me = login(factories.make_pegawai())
    r = me.get("/tidak-ada")
    assert r.status_code == 404 and "Tidak ditemukan" in r.get_data(as_text=True)
    fragment = me.hx_get("/tidak-ada")
    assert "<html" not in fragment.get_data(as_text=True)


def test_secret_key_is_generated_into_instance_once(tmp_path):
    first = _instance_secret(str(tmp_path))
    assert len(first) == 64 and _instance_secret(str(tmp_path)) == first
    assert (tmp_path / "secret_key").stat().st_mode & 0o777 == 0o600


def test_environment_overrides_the_database(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "sqlite:///:memory:")
    monkeypatch.setenv("KINERJA_AGENCY_TIMEZONE", "Asia/Makassar")
    app = create_app()
    assert app.config["SQLALCHEMY_DATABASE_URI"] == "sqlite:///:memory:"
    assert app.config["AGENCY_TIMEZONE"] == "Asia/Makassar"


def test_sqlite_runs_in_wal_mode_with_foreign_keys(tmp_path):
    app = create_app(
        {"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'w.sqlite3'}", "SECRET_KEY": "t"}
    )
    with app.app_context():
        from webapp.extensions import db

        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        db.engine.dispose()


def test_behind_a_proxy_the_client_address_comes_from_x_forwarded_for(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "sqlite:///:memory:")
    monkeypatch.setenv("KINERJA_TRUSTED_PROXIES", "1")
    app = create_app()

    @app.route("/_alamat")
    def alamat():
        from flask import request

        return request.remote_addr

    r = app.test_client().get("/_alamat", headers={"X-Forwarded-For": "10.1.2.3"})
    assert r.get_data(as_text=True) == "10.1.2.3"
