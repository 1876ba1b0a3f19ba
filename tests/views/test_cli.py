"""`flask create-admin`: the first admin of a production install."""

from sqlalchemy import select

from webapp.extensions import db
from webapp.models import Pegawai

NIP = "198511302009011004"


def _run(app, *args, input=None):
    return app.test_cli_runner().invoke(args=["create-admin", *args], input=input)


def _admin():
    db.session.expire_all()
    return db.session.scalar(select(Pegawai).where(Pegawai.nip == NIP))


def test_creates_an_admin_who_can_log_in(app, login):
    result = _run(app, "--nip", NIP, "--nama", "OPERATOR KINERJA", "--password", "rahasia-kuat")
    assert result.exit_code == 0, result.output
    assert f"Admin OPERATOR KINERJA ({NIP}) dibuat." in result.output
    admin = _admin()
    assert admin.is_admin and admin.is_operator and admin.active
    assert admin.check_password("rahasia-kuat")
    actor = login(None)
    r = actor.post("/login", data={"nip": NIP, "password": "rahasia-kuat"})
    assert r.status_code == 302
    assert actor.get("/admin/pegawai").status_code == 200


def test_prompts_for_nip_and_nama(app, monkeypatch):
    monkeypatch.setattr("getpass.getpass", lambda prompt="": "dari-prompt-1")
    result = _run(app, input=f"{NIP}\nOPERATOR\n")
    assert result.exit_code == 0, result.output
    assert _admin().check_password("dari-prompt-1")


def test_refuses_an_invalid_nip(app):
    result = _run(app, "--nip", "12345", "--nama", "X", "--password", "rahasia-kuat")
    assert result.exit_code != 0
    assert "NIP harus 18 digit angka." in result.output
    assert _admin() is None


def test_refuses_a_nip_already_registered(app):
    assert _run(app, "--nip", NIP, "--nama", "A", "--password", "rahasia-kuat").exit_code == 0
    result = _run(app, "--nip", NIP, "--nama", "B", "--password", "rahasia-kuat")
    assert result.exit_code == 1 and "sudah terdaftar" in result.output
    assert _admin().nama == "A"


def test_refuses_a_short_password(app):
    result = _run(app, "--nip", NIP, "--nama", "X", "--password", "pendek")
    assert result.exit_code == 1 and "Password minimal 8 karakter." in result.output
    assert _admin() is None
