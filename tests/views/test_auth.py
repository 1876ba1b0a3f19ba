"""Masuk / Keluar, rate limiting, safe redirects, inactive accounts."""

import time

import pytest

from tests import factories
from tests.conftest import Actor
from webapp import config
from webapp.extensions import db, limiter
from webapp.models import org


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
    keys = (
        "LOGIN_SLOWDOWN_FREE",
        "LOGIN_SLOWDOWN_MAX",
        "LOGIN_SLOWDOWN_FORGET",
        "LOGIN_RATE_LIMIT_PER_ADDRESS",
    )
    saved = {k: app.config[k] for k in keys}
    app.config.update({k: getattr(config, k) for k in keys})
    limiter.reset()
    yield
    app.config.update(saved)
    limiter.reset()


def _wrong(actor, nip, n):
    return [
        actor.post("/login", data={"nip": nip, "password": "salah"}).status_code for _ in range(n)
    ]


def test_login_slows_down_per_nip_and_the_owner_gets_in_after_the_wait(app, limits_on):
    p = factories.make_pegawai()
    db.session.commit()
    anon = Actor(app)
    assert _wrong(anon, p.nip, 5) == [422] * 5
    # The fifth failure starts a wait of 1 s: even the right password waits it out…
    locked = anon.post("/login", data={"nip": p.nip, "password": factories.PASSWORD})
    body = locked.get_data(as_text=True)
    assert locked.status_code == 429 and locked.headers["Retry-After"] == "1"
    assert "Terlalu banyak percobaan. Tunggu 1 detik lalu coba lagi." in body
    assert f'value="{p.nip}"' in body  # the form again, the NIP kept
    # …another NIP from the same address is not slowed down…
    other = factories.make_pegawai()
    db.session.commit()
    assert Actor(app).post("/login", data={"nip": other.nip, "password": "x"}).status_code == 422
    # …and after the wait the right password is accepted (no lock-out of minutes).
    time.sleep(1.1)
    ok = anon.post("/login", data={"nip": p.nip, "password": factories.PASSWORD})
    assert ok.status_code == 302


def test_each_further_failure_doubles_the_wait_up_to_the_maximum(app, limits_on):
    p = factories.make_pegawai()
    db.session.commit()
    anon = Actor(app)
    app.config["LOGIN_SLOWDOWN_FREE"] = 1
    assert _wrong(anon, p.nip, 1) == [422]
    waits = []
    for _ in range(3):
        r = anon.post("/login", data={"nip": p.nip, "password": "salah"})
        assert r.status_code == 429  # refused without a check: the wait does not grow
        waits.append(int(r.headers["Retry-After"]))
        # Let the wait pass (expire the key instead of sleeping), then fail once more.
        limiter.storage.clear(f"login-tunggu:{p.nip}")
        assert _wrong(anon, p.nip, 1) == [422]
    assert waits == [1, 2, 4]


def test_while_a_nip_waits_no_password_is_checked(app, limits_on, monkeypatch):
    p = factories.make_pegawai()
    db.session.commit()
    anon = Actor(app)
    _wrong(anon, p.nip, 5)
    calls = _count_hash_checks(monkeypatch)
    assert anon.post("/login", data={"nip": p.nip, "password": "tebakan"}).status_code == 429
    assert calls == []


def test_a_successful_login_forgets_the_failures(app, limits_on):
    p = factories.make_pegawai()
    db.session.commit()
    anon = Actor(app)
    assert _wrong(anon, p.nip, 4) == [422] * 4
    assert (
        anon.post("/login", data={"nip": p.nip, "password": factories.PASSWORD}).status_code == 302
    )
    assert _wrong(Actor(app), p.nip, 4) == [422] * 4


def test_login_is_rate_limited_per_address(app, limits_on):
    app.config["LOGIN_RATE_LIMIT_PER_ADDRESS"] = "3 per 5 minutes"
    anon = Actor(app)
    codes = [
        anon.post("/login", data={"nip": f"19800101200501100{i}", "password": "x"}).status_code
        for i in range(4)
    ]
    assert codes == [422, 422, 422, 429]


def _count_hash_checks(monkeypatch) -> list[str]:
    """Every check_password_hash call (real or dummy) lands in the returned list."""
    calls: list[str] = []

    def counting(pwhash, password):
        calls.append(pwhash.split("$", 1)[0])
        return real(pwhash, password)

    real = org.check_password_hash
    monkeypatch.setattr(org, "check_password_hash", counting)
    return calls


@pytest.mark.parametrize("case", ["unknown nip", "wrong password", "inactive", "no password"])
def test_every_failed_login_verifies_one_hash_of_the_configured_method(login, monkeypatch, case):
    p = factories.make_pegawai(active=case != "inactive")
    if case == "no password":
        p.password_hash = ""
    nip = "199001012015011001" if case == "unknown nip" else p.nip
    password = "salah-sekali" if case == "wrong password" else factories.PASSWORD
    anon = login(None)
    calls = _count_hash_checks(monkeypatch)
    r = anon.post("/login", data={"nip": nip, "password": password})
    assert r.status_code == 422 and "NIP atau password salah." in r.get_data(as_text=True)
    assert calls == ["pbkdf2:sha256:1000"]  # the test setting of PASSWORD_HASH_METHOD
