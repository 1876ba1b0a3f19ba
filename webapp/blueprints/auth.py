"""Masuk (login by NIP and password), Keluar, and Ubah Password."""

from urllib.parse import urlsplit

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required, login_user, logout_user
from sqlalchemy import select, update

from webapp.extensions import db, limiter
from webapp.forms.auth import LoginForm, UbahPasswordForm
from webapp.models import Pegawai
from webapp.models.org import check_dummy_password, new_session_token
from webapp.services import login_throttle
from webapp.web import hx_done, is_htmx, render_page_or_block

bp = Blueprint("auth", __name__)


def _failed(response) -> bool:
    # Only failed attempts count against the per-address limit.
    return response.status_code != 302


def _tunggu(seconds: int) -> str:
    return f"Terlalu banyak percobaan. Tunggu {seconds} detik lalu coba lagi."


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(
    lambda: current_app.config["LOGIN_RATE_LIMIT_PER_ADDRESS"],
    methods=["POST"],
    deduct_when=_failed,
)
def login():
    if current_user.is_authenticated:
        return redirect(url_for("dashboard.index"))
    form = LoginForm()
    status = 422 if request.method == "POST" else 200
    headers = {}
    if form.validate_on_submit():
        nip = form.nip.data.strip()
        wait = login_throttle.wait_seconds(nip)
        if wait:  # no password is checked while the NIP waits (ADR 0011)
            form.password.errors.append(_tunggu(wait))
            status, headers = 429, {"Retry-After": str(wait)}
        else:
            user = db.session.scalar(select(Pegawai).where(Pegawai.nip == nip))
            if user is not None and user.active:
                ok = user.check_password(form.password.data)
            else:  # the same hash work, so the time does not tell which NIPs exist
                ok = check_dummy_password(form.password.data)
            if ok:
                login_throttle.record_success(nip)
                login_user(user)
                return redirect(_safe_next(request.args.get("next")))
            login_throttle.record_failure(nip)
            form.password.errors.append("NIP atau password salah.")
    return render_template("auth/login.html", form=form), status, headers


def _safe_next(target: str | None) -> str:
    """Only a path on this site: never an open redirect."""
    if target:
        parts = urlsplit(target)
        if not parts.scheme and not parts.netloc and target.startswith("/"):
            return target
    return url_for("dashboard.index")


@bp.route("/logout", methods=["POST"])
@login_required
def logout():
    # A new token ends this session and every other one of the account (ADR 0010). A plain
    # UPDATE: it leaves version_id alone, so Keluar never collides with an admin's edit.
    db.session.execute(
        update(Pegawai)
        .where(Pegawai.id == current_user.id)
        .values(session_token=new_session_token())
    )
    db.session.commit()
    logout_user()
    flash("Anda telah keluar.", "info")
    return redirect(url_for("auth.login"))


@bp.route("/ubah-password", methods=["GET", "POST"])
@login_required
def ubah_password():
    """Self-service password change: this session stays, every other session ends."""
    user: Pegawai = current_user._get_current_object()
    form = UbahPasswordForm()
    status, headers = 200, {}
    if request.method == "POST":
        status = 422
        fields_ok = form.validate()
        wait = login_throttle.wait_seconds(user.nip)
        if wait:  # guessing the old password is slowed down like the login
            form.password_lama.errors.append(_tunggu(wait))
            status, headers = 429, {"Retry-After": str(wait)}
        elif form.password_lama.data and not form.password_lama.errors:
            if user.check_password(form.password_lama.data):
                login_throttle.record_success(user.nip)
                if fields_ok:
                    user.set_password(form.password_baru.data)  # a new session token too
                    db.session.commit()
                    login_user(user)  # this session carries the new token
                    flash("Password diubah. Sesi lain akun ini telah diakhiri.", "success")
                    return hx_done() if is_htmx() else redirect(url_for("dashboard.index"))
            else:
                login_throttle.record_failure(user.nip)
                form.password_lama.errors.append("Password salah.")
    body, status = render_page_or_block("auth/password.html", "dialog", status, form=form)
    return body, status, headers
