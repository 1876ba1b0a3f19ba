"""Sessions end when they should (ADR 0010), and Ubah Password."""

from tests import factories
from tests.conftest import Actor
from webapp.extensions import db, limiter
from webapp.models import Pegawai

BARU = "sandi-baru-2026"


def _copy_session(actor: Actor) -> Actor:
    """Another browser holding a copy of the actor's session cookie."""
    thief = Actor(actor.app)
    thief.client.set_cookie("session", actor.client.get_cookie("session").value)
    return thief


def _logged_in(actor: Actor) -> bool:
    r = actor.get("/")
    if r.status_code == 302:
        assert r.headers["Location"].startswith("/login")
        return False
    assert r.status_code == 200
    return True


def _ubah_password(actor, lama=factories.PASSWORD, baru=BARU, konfirmasi=None, hx=False):
    data = {
        "password_lama": lama,
        "password_baru": baru,
        "konfirmasi_password_baru": baru if konfirmasi is None else konfirmasi,
    }
    post = actor.hx_post if hx else actor.post
    return post("/ubah-password", data=data)


# --- ending sessions ---------------------------------------------------------------------------


def test_a_session_copied_before_logout_no_longer_works(login):
    me = login(factories.make_pegawai())
    copy = _copy_session(me)
    assert _logged_in(copy)
    assert me.post("/logout").status_code == 302
    assert not _logged_in(copy)
    # An htmx request of the ended session is sent to the login page as a whole page.
    r = copy.hx_get("/profil")
    assert r.status_code == 200 and r.headers["HX-Redirect"].startswith("/login")


def test_logout_leaves_the_version_alone(login):
    """An admin's Ubah dialog opened before the pegawai logged out still saves."""
    p = factories.make_pegawai()
    db.session.commit()
    version, token = p.version_id, p.session_token
    login(p).post("/logout")
    db.session.expire_all()
    p = db.session.get(Pegawai, p.id)
    assert p.version_id == version and p.session_token != token


def test_logout_ends_the_other_sessions_of_the_account_only(login):
    p = factories.make_pegawai()
    someone = factories.make_pegawai()
    laptop, phone, other = login(p), login(p), login(someone)
    laptop.post("/logout")
    assert not _logged_in(phone)
    assert _logged_in(other)
    assert _logged_in(login(p))  # logging in again works


def test_after_an_admin_reset_the_old_session_is_gone(world, login):
    victim = login(world.other)
    admin = login(world.admin)
    r = admin.post(
        f"/admin/pegawai/{world.other.id}/ubah",
        data=factories.ubah_pegawai_data(world.other, password=BARU),
    )
    assert r.status_code == 302
    assert not _logged_in(victim)
    assert _logged_in(admin)
    assert (
        login(None).post("/login", data={"nip": world.other.nip, "password": BARU}).status_code
        == 302
    )


def test_an_admin_edit_without_a_new_password_keeps_the_sessions(world, login):
    victim = login(world.other)
    admin = login(world.admin)
    data = factories.ubah_pegawai_data(world.other, jabatan="Analis Kebijakan")
    assert admin.post(f"/admin/pegawai/{world.other.id}/ubah", data=data).status_code == 302
    assert _logged_in(victim)


def test_an_admin_who_resets_their_own_password_stays_logged_in(world, login):
    admin = login(world.admin)
    other_device = login(world.admin)
    data = factories.ubah_pegawai_data(world.admin, password=BARU)
    assert admin.post(f"/admin/pegawai/{world.admin.id}/ubah", data=data).status_code == 302
    assert _logged_in(admin)
    assert not _logged_in(other_device)


def test_deactivating_an_account_ends_its_sessions(world, login):
    victim = login(world.other)
    admin = login(world.admin)
    assert admin.post(f"/admin/pegawai/{world.other.id}/nonaktifkan").status_code == 302
    assert not _logged_in(victim)


def test_a_session_without_the_token_is_refused(app, login):
    """A cookie holding only the id (the format before ADR 0010) logs nobody in."""
    p = factories.make_pegawai()
    db.session.commit()
    actor = Actor(app)
    with actor.client.session_transaction() as session:
        session["_user_id"] = str(p.id)
        session["_fresh"] = True
    assert not _logged_in(actor)


# --- Ubah Password -----------------------------------------------------------------------------


def test_ubah_password_page_fragment_and_header_link(login):
    me = login(factories.make_pegawai())
    page = me.get("/").get_data(as_text=True)
    assert 'href="/ubah-password"' in page and ">Ubah Password</a>" in page
    html = me.get("/ubah-password").get_data(as_text=True)
    assert "<h1" in html and "Ubah Password" in html and "<html" in html
    for label in ("Password Lama", "Password Baru", "Konfirmasi Password Baru"):
        assert f">{label}</label>" in html
    fragment = me.hx_get("/ubah-password").get_data(as_text=True)
    assert (
        "<dialog" in fragment and "<html" not in fragment and 'hx-post="/ubah-password"' in fragment
    )


def test_ubah_password_without_javascript_keeps_this_session_and_ends_the_others(login):
    p = factories.make_pegawai()
    me, phone = login(p), login(p)
    r = _ubah_password(me)
    assert r.status_code == 302 and r.headers["Location"] == "/"
    assert "Password diubah." in me.get("/").get_data(as_text=True)
    assert _logged_in(me)
    assert not _logged_in(phone)
    anon = login(None)
    assert (
        anon.post("/login", data={"nip": p.nip, "password": factories.PASSWORD}).status_code == 422
    )
    assert anon.post("/login", data={"nip": p.nip, "password": BARU}).status_code == 302


def test_ubah_password_with_htmx_closes_the_dialog_and_keeps_this_session(login):
    p = factories.make_pegawai()
    me, phone = login(p), login(p)
    r = _ubah_password(me, hx=True)
    assert r.status_code == 200 and r.headers["HX-Trigger"] == "closeModal"
    assert "Password diubah." in r.get_data(as_text=True)  # the flash rides along
    assert _logged_in(me)
    assert not _logged_in(phone)


def test_ubah_password_refuses_bad_input_by_the_field(login):
    p = factories.make_pegawai()
    me, phone = login(p), login(p)
    cases = [
        (dict(lama="salah-sekali"), "Password salah."),
        (dict(lama=""), "Wajib diisi."),
        (dict(baru="", konfirmasi=""), "Wajib diisi."),
        (dict(baru="pendek"), "Password minimal 8 karakter."),
        (dict(baru=" " * 12), "Password tidak boleh kosong atau hanya berisi spasi."),
        (dict(baru="x" * 201), "Password paling banyak 200 karakter."),
        (dict(konfirmasi="sandi-lain-2026"), "Tidak sama dengan Password Baru."),
    ]
    for changes, message in cases:
        r = _ubah_password(me, hx=True, **changes)
        html = r.get_data(as_text=True)
        assert r.status_code == 422, changes
        assert message in html and "<dialog" in html, changes
    assert me.post("/ubah-password", data={}).status_code == 422  # without JS: the page again
    db.session.expire_all()
    assert db.session.get(Pegawai, p.id).check_password(factories.PASSWORD)
    assert _logged_in(phone)  # nothing changed, nobody logged out


def test_wrong_old_passwords_slow_down_like_the_login(app, login):
    p = factories.make_pegawai()
    me = login(p)
    saved = app.config["LOGIN_SLOWDOWN_FREE"]
    app.config["LOGIN_SLOWDOWN_FREE"] = 2
    try:
        codes = [_ubah_password(me, lama="salah-sekali").status_code for _ in range(3)]
        assert codes == [422, 422, 429]
        r = _ubah_password(me)  # even the right one waits
        assert r.status_code == 429 and "Tunggu" in r.get_data(as_text=True)
    finally:
        app.config["LOGIN_SLOWDOWN_FREE"] = saved
        limiter.reset()
