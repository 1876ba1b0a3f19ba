"""Request plumbing every screen shares: page-or-fragment, paging, errors, template helpers."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

from flask import (
    Flask,
    Response,
    current_app,
    flash,
    get_flashed_messages,
    redirect,
    render_template,
    request,
)
from flask import url_for as flask_url_for
from flask_login import current_user
from flask_wtf.csrf import CSRFError
from jinja2_fragments.flask import render_block
from markupsafe import Markup
from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm.exc import StaleDataError
from werkzeug.exceptions import HTTPException
from werkzeug.routing import IntegerConverter

from webapp.domain import angka, berakhlak, pilihan, tanggal
from webapp.extensions import db, login_manager
from webapp.services.concurrency import STALE


def is_htmx() -> bool:
    """An htmx request that wants a fragment (a history restore wants the whole page)."""
    return (
        request.headers.get("HX-Request") == "true"
        and request.headers.get("HX-History-Restore-Request") != "true"
    )


def render_page_or_block(template: str, block: str, status: int = 200, **context: Any):
    """The whole page for a browser, the named block for htmx."""
    if is_htmx():
        return render_block(template, block, **context), status
    return render_template(template, **context), status


def render_dialog(template: str, block: str, status: int = 200, **context: Any):
    """A dialog block: alone for htmx (it opens as a modal), inside a bare page without JS."""
    html = render_block(template, block, **context)
    if is_htmx():
        return html, status
    # The browser tab names the dialog too (ui.dialog gives its heading id="modal-title").
    found = re.search(r'id="modal-title">(.*?)</h1>', html, re.S)
    title = Markup(found.group(1)).striptags() if found else None
    return render_template("dialog_page.html", body=Markup(html), title=title), status


def confirm_page(what: str, back: str, aksi: str = "Hapus", pertanyaan: str = "") -> str:
    """An action without JavaScript (Hapus; Ajukan, Setujui): a confirmation page whose form
    POSTs to the same URL. With htmx the same question is the control's hx-confirm."""
    return render_template(
        "confirm.html", what=what, action=request.path, back=back, aksi=aksi, pertanyaan=pertanyaan
    )


def hapus_record(record, what: str, back: str, done: str):
    """One Hapus route: POST deletes; any other method (GET, HEAD) only asks (confirm_page).

    Branch on POST, never on "not GET": Flask answers HEAD on GET routes and Flask-WTF checks
    the CSRF token only on POST/PUT/PATCH/DELETE.
    """
    if request.method != "POST":
        return confirm_page(what, back)
    db.session.delete(record)
    db.session.commit()
    flash(done, "success")
    return "" if is_htmx() else redirect(back)


def render_blocks(template: str, blocks: list[str], **context: Any) -> str:
    """Several blocks of one template, concatenated (the out-of-band rows of an action)."""
    return "".join(render_block(template, b, **context) for b in blocks)


# --- htmx out-of-band idioms: one way per situation ----------------------------------------
# Every out-of-band part rides inside <template>: the HTML parser drops table tags (<tr>, <td>,
# <tbody>) that follow other content (a dialog, a form) in the same response; htmx takes them
# out of the template intact. Row numbers are the server's: a delete renumbers out of band.


def oob_insert(html: str, where: str, container: str = "tbody") -> str:
    """Rows (or row groups) inserted out of band, e.g. where="beforeend:#periode-rows".

    htmx strips the wrapping `container` (a <tbody> for rows, a <table> for <tbody> groups).
    """
    return f'<template><{container} hx-swap-oob="{where}">{html}</{container}></template>'


def oob_append(tbody_id: str, rows_html: str) -> str:
    """Rows appended out of band at the end of a <tbody>."""
    return oob_insert(rows_html, f"beforeend:#{tbody_id}")


def oob_replace(html: str) -> str:
    """Elements that replace their namesakes out of band; each carries hx-swap-oob="true"."""
    return f"<template>{html}</template>"


def oob_delete(ids, tag: str = "tr") -> str:
    """Elements removed out of band (e.g. a page row deleted from a dialog)."""
    return "".join(
        f'<template><{tag} id="{i}" hx-swap-oob="delete"></{tag}></template>' for i in ids
    )


def oob_renumber(cells) -> str:
    """Row-number cells rewritten out of band: [(cell id, number), …]."""
    return "".join(
        f'<template><td id="{i}" hx-swap-oob="true">{n}</td></template>' for i, n in cells
    )


def hx_done(body: str = "", trigger: str = "closeModal") -> Response:
    """An htmx action that succeeded: its out-of-band rows, and the dialog closes."""
    response = Response(body, 200, mimetype="text/html")
    if trigger:
        response.headers["HX-Trigger"] = trigger
    return response


@dataclass
class Page:
    items: list
    total: int
    page: int
    per_page: int
    q: str

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.per_page))

    @property
    def first(self) -> int:
        return 0 if self.total == 0 else (self.page - 1) * self.per_page + 1

    @property
    def last(self) -> int:
        return min(self.total, self.page * self.per_page)

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page

    def url(self, **changes: Any) -> str:
        args = {"q": self.q, "per_page": self.per_page, "page": self.page}
        args.update(changes)
        args = {k: v for k, v in args.items() if v not in ("", None)}
        return flask_url_for(request.endpoint, **(request.view_args or {}), **args)


def paginate(stmt: Select, search: list | tuple = ()) -> Page:
    """Server-side "Show N entries", "Search:" and paging: two queries whatever the row count."""
    q = request.args.get("q", "").strip()[:100]
    per_page = request.args.get("per_page", type=int) or 10
    if per_page not in current_app.config["PER_PAGE_CHOICES"]:
        per_page = 10
    if q and search:
        pattern = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        stmt = stmt.where(or_(*[col.ilike(pattern, escape="\\") for col in search]))
    total = db.session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery()))
    pages = max(1, math.ceil(total / per_page))
    page = min(max(1, request.args.get("page", type=int) or 1), pages)
    items = db.session.scalars(stmt.limit(per_page).offset((page - 1) * per_page)).all()
    return Page(list(items), total, page, per_page, q)


def error_page(status: int, title: str, message: str):
    """An error as a page, or as an out-of-band flash for htmx."""
    if is_htmx():
        html = render_template("errors/fragment.html", status=status, message=message)
        return html, status
    return render_template("errors/page.html", status=status, title=title, message=message), status


def _rollback() -> None:
    try:
        db.session.rollback()
    except Exception:  # a dead connection: the session is discarded below anyway
        db.session.remove()


def _server_error():
    """The 500 page; if even that fails (the database is gone), a plain Indonesian page."""
    _rollback()
    try:
        return error_page(500, "Terjadi kesalahan", "Terjadi kesalahan pada server.")
    except Exception:
        current_app.logger.exception("The error page itself failed")
        _rollback()
        html = (
            '<!doctype html><html lang="id"><meta charset="utf-8"><title>Terjadi kesalahan</title>'
            "<h1>Terjadi kesalahan</h1><p>Terjadi kesalahan pada server. Coba lagi nanti.</p></html>"
        )
        return html, 500


class IdConverter(IntegerConverter):
    """`<int:…>` in every route: an id past PostgreSQL's integer (2^31 - 1) is a 404, not an
    overflow in the query."""

    def __init__(self, map, *args, **kwargs):
        kwargs.setdefault("max", 2**31 - 1)
        super().__init__(map, *args, **kwargs)


def _static_url_factory(app: Flask):
    """static_url("app.css") → /static/app.css?v=<content hash>, so a year's cache is safe."""
    import hashlib
    from pathlib import Path

    versions: dict[str, str] = {}

    def static_url(filename: str) -> str:
        if filename not in versions:
            data = (Path(app.static_folder) / filename).read_bytes()
            versions[filename] = hashlib.sha256(data).hexdigest()[:10]
        return flask_url_for("static", filename=filename, v=versions[filename])

    return static_url


def init_app(app: Flask) -> None:
    app.url_map.converters["int"] = IdConverter
    login_manager.login_view = "auth.login"
    login_manager.login_message = "Silakan masuk terlebih dahulu."
    login_manager.login_message_category = "info"

    @login_manager.user_loader
    def load_user(user_id: str):
        """The session's "id:token" (Pegawai.get_id): a changed token or a deactivated account
        ends the session here, on every request (ADR 0010)."""
        import hmac

        from webapp.models import Pegawai

        pegawai_id, _, token = user_id.partition(":")
        if not (pegawai_id.isdigit() and len(pegawai_id) < 10 and token):
            return None
        p = db.session.get(Pegawai, int(pegawai_id))
        if (
            p is None
            or not p.active
            or not hmac.compare_digest(p.session_token.encode(), token.encode())
        ):
            return None
        return p

    @login_manager.unauthorized_handler
    def unauthorized():
        from flask import flash, redirect

        login = flask_url_for("auth.login", next=request.full_path.rstrip("?"))
        if is_htmx():
            response = Response("", 200)
            response.headers["HX-Redirect"] = login
            return response
        flash(login_manager.login_message, "info")
        return redirect(login)

    @app.after_request
    def vary_and_flash(response: Response) -> Response:
        response.vary.add("HX-Request")
        if (
            is_htmx()
            and response.mimetype == "text/html"
            and not response.direct_passthrough
            and response.status_code < 300
            and "HX-Redirect" not in response.headers
        ):
            messages = get_flashed_messages(with_categories=True)
            if messages:
                oob = render_template("flash.html", messages=messages, oob=True)
                response.set_data(response.get_data(as_text=True) + oob)
            if request.method == "POST":
                # Rows may have come or gone: table footers fetch their counts again (ui.html).
                response.headers["HX-Trigger-After-Settle"] = "tabelBerubah"
        return response

    @app.before_request
    def refuse_nul_in_query():
        # PostgreSQL refuses a NUL in any text it is given (a search, a filter): the query string
        # never carries one to a view. Form fields are refused by their field (forms.fields.Form).
        if "\x00" in "".join(v for values in request.args.listvalues() for v in values):
            return error_page(400, "Permintaan tidak sah", "Alamat berisi karakter yang tidak sah.")
        return None

    def handler(status: int, title: str, message: str):
        """An error handler: roll the session back first, so rendering never meets a failed
        transaction (a refused NUL, an overflow on PostgreSQL), then the Indonesian page."""

        def handle(e):
            _rollback()
            return error_page(status, title, message)

        return handle

    errors = {
        CSRFError: (
            400,
            "Sesi formulir kedaluwarsa",
            "Token keamanan formulir tidak sah atau kedaluwarsa. Muat ulang halaman lalu coba lagi.",
        ),
        StaleDataError: (
            409,
            "Data telah diubah",
            STALE,
        ),
        400: (400, "Permintaan tidak sah", "Permintaan ini tidak dapat diproses."),
        403: (403, "Akses ditolak", "Anda tidak berhak membuka halaman ini."),
        404: (404, "Tidak ditemukan", "Halaman atau data yang dicari tidak ada."),
        405: (405, "Metode tidak diizinkan", "Permintaan ini tidak dapat dilayani."),
        413: (
            413,
            "Berkas terlalu besar",
            f"Berkas atau isian terlalu besar: paling besar "
            f"{app.config['MAX_CONTENT_LENGTH'] // (1024 * 1024)} MB. Pilih berkas yang lebih kecil.",
        ),
        429: (
            429,
            "Terlalu banyak percobaan",
            "Terlalu banyak percobaan. Tunggu beberapa menit lalu coba lagi.",
        ),
    }
    for key, (status, title, message) in errors.items():
        app.register_error_handler(key, handler(status, title, message))

    @app.errorhandler(500)
    def server_error(e):
        return _server_error()

    @app.errorhandler(Exception)
    def any_error(e):
        # An HTTP error without its own handler (401, 410 …) keeps its status and Werkzeug's
        # description; anything else is a server error, logged, with the Indonesian page.
        if isinstance(e, HTTPException):
            _rollback()
            return error_page(e.code or 500, "Permintaan tidak dapat dilayani", e.name)
        current_app.logger.exception("Unhandled exception on %s %s", request.method, request.path)
        return _server_error()

    # An empty column (None) renders as nothing, never as "None"; fields the user fills in say
    # "Belum diisi" where it matters (ui.isi).
    app.jinja_env.finalize = lambda value: "" if value is None else value
    app.jinja_env.filters.update(
        angka=angka.format_angka,
        rupiah=angka.format_rupiah,
        tgl_pendek=tanggal.tanggal_pendek,
        tgl_panjang=tanggal.tanggal_panjang,
        tgl_prosa=tanggal.tanggal_prosa,
        pangkat=pilihan.pangkat_label,
    )
    from webapp.forms.fields import batas_karakter

    app.jinja_env.globals.update(
        batas_karakter=batas_karakter,
        BERAKHLAK=berakhlak.BERAKHLAK,
        PERAN_PENILAI=berakhlak.PERAN_PENILAI,
        is_htmx=is_htmx,
        periode_pendek=tanggal.periode_pendek,
        periode_panjang=tanggal.periode_panjang,
        request=request,
        current_user=current_user,
    )

    from webapp.menu import menu_current, menu_for

    app.jinja_env.globals["static_url"] = _static_url_factory(app)

    app.jinja_env.globals["menu_for"] = menu_for
    app.jinja_env.globals["menu_current"] = menu_current

    from webapp.ikon import ikon

    app.jinja_env.globals["ikon"] = ikon

    from webapp.domain.jenis_skp import jenis_skp

    app.jinja_env.globals["jenis_skp"] = jenis_skp
