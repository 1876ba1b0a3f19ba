"""Masuk / Keluar, rate limiting, safe redirects, inactive accounts."""

import pytest

from tests import factories
from tests.conftest import Actor
from webapp import config
from webapp.extensions import db, limiter


def test_login_page_uses_the_manuals_labels(client):
    body = client.get("/login").get_data(as_text=True)
    assert '<label for="nip">NIP</label>' in body
    assert '<label for="password">Password</label>' in body
    assert ">Masuk</button>" in body


def test_wrong_password_keeps_the_nip_and_says_why(login):
    p = factories.make_pegawai()
    anon = login(None)
    r = anon.post("/login", data={"nip": p.nip, "password": "salah"})
    assert r.status_code == 422
    body = r.get_data(as_text=True)
    assert "NIP atau password salah." in body and f'value="{p.nip}"' in body
    assert anon.get("/").status_code == 302


def test_unknown_nip_gives_the_same_message(login):
    r = login(None).post("/login", data={"nip": "199001012015011001", "password": "x"})
    assert r.status_code == 422 and "NIP atau password salah." in r.get_data(as_text=True)


def test_inactive_account_cannot_log_in(login):
    p = factories.make_pegawai(active=False)
    r = login(None).post("/login", data={"nip": p.nip, "password": factories.PASSWORD})
    assert r.status_code == 422


def test_passwords_are_hashed(app):
    p = factories.make_pegawai()
    assert factories.PASSWORD not in p.password_hash and p.check_password(factories.PASSWORD)


@pytest.mark.parametrize(
    ("next_url", "landing"),
    [
        ("/perjanjian-kinerja/", "/perjanjian-kinerja/"),
        ("https://evil.example/", "/"),
        ("//evil.example/", "/"),
    ],
)
def test_login_redirects_only_within_the_site(login, next_url, landing):
    p = factories.make_pegawai(jenis="JPT")
    anon = login(None)
    r = anon.post(f"/login?next={next_url}", data={"nip": p.nip, "password": factories.PASSWORD})
    assert r.status_code == 302 and r.headers["Location"] == landing


def test_logout(login):
    me = login(factories.make_pegawai())
    assert me.get("/").status_code == 200
    r = me.post("/logout")
    assert r.status_code == 302 and r.headers["Location"].startswith("/login")
    assert me.get("/").status_code == 302


def test_expired_login_on_htmx_answers_hx_redirect(login):
    r = login(None).hx_get("/perjanjian-kinerja/")
    assert r.status_code == 200 and r.headers["HX-Redirect"].startswith("/login")
    assert r.get_data() == b""


@pytest.fixture
def limits_on(app):
    """The production limits (webapp/config.py), on a clean counter."""
    saved = {k: app.config[k] for k in ("LOGIN_RATE_LIMIT_PER_NIP", "LOGIN_RATE_LIMIT_PER_ADDRESS")}
    app.config.update(LOGIN_RATE_LIMIT_PER_NIP=config.LOGIN_RATE_LIMIT_PER_NIP)
    app.config.update(LOGIN_RATE_LIMIT_PER_ADDRESS=config.LOGIN_RATE_LIMIT_PER_ADDRESS)
    limiter.reset()
    yield
    app.config.update(saved)
    limiter.reset()


def test_login_is_rate_limited_per_nip(app, limits_on):
    p = factories.make_pegawai()
    db.session.commit()
    anon = Actor(app)
    statuses = [
        anon.post("/login", data={"nip": p.nip, "password": "salah"}).status_code for _ in range(6)
    ]
    assert statuses == [422] * 5 + [429]
    # The right password is refused too while the NIP is locked…
    locked = anon.post("/login", data={"nip": p.nip, "password": factories.PASSWORD})
    assert locked.status_code == 429 and "Terlalu banyak percobaan" in locked.get_data(as_text=True)
    # …but another NIP from the same address still logs in.
    other = factories.make_pegawai()
    db.session.commit()
    ok = Actor(app).post("/login", data={"nip": other.nip, "password": factories.PASSWORD})
    assert ok.status_code == 302


def test_login_is_rate_limited_per_address(app, limits_on):
    app.config["LOGIN_RATE_LIMIT_PER_ADDRESS"] = "3 per 5 minutes"
    anon = Actor(app)
    codes = [
        anon.post("/login", data={"nip": f"19800101200501100{i}", "password": "x"}).status_code
        for i in range(4)
    ]
    assert codes == [422, 422, 422, 429]
