"""Uraian Jabatan: a pegawai's list of duties, edited by the pegawai or an admin/operator.

The Matrik Peran Hasil shows the list of the chosen bawahan for Salin into Peran.
"""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, request, url_for
from flask_login import current_user, login_required
from jinja2_fragments.flask import render_block
from sqlalchemy import func, select

from webapp.extensions import db
from webapp.forms.mph import UraianForm
from webapp.models import Pegawai, UraianJabatan
from webapp.services.mph import uraian_of
from webapp.web import (
    confirm_page,
    hx_done,
    is_htmx,
    oob_append,
    render_dialog,
    render_page_or_block,
)

bp = Blueprint("uraian", __name__, url_prefix="/uraian-jabatan")

SCREEN = "uraian/index.html"
STALE = "Data ini telah diubah oleh pengguna lain; muat ulang."


def _may_edit(pegawai_id: int) -> bool:
    user = current_user
    return pegawai_id == user.id or bool(user.is_admin or user.is_operator)


def _pegawai_or_404(pegawai_id: int) -> Pegawai:
    pegawai = db.session.get(Pegawai, pegawai_id)
    if pegawai is None or not _may_edit(pegawai.id):
        abort(404)
    return pegawai


def _uraian_or_404(uraian_id: int) -> UraianJabatan:
    uraian = db.session.get(UraianJabatan, uraian_id)
    if uraian is None or not _may_edit(uraian.pegawai_id):
        abort(404)
    return uraian


def _list_url(pegawai_id: int) -> str:
    if pegawai_id == current_user.id:
        return url_for(".index")
    return url_for(".pegawai", pegawai_id=pegawai_id)


def _screen(pegawai: Pegawai, pesan: str = "", status: int = 200):
    return render_page_or_block(
        SCREEN, "tabel", status, pegawai=pegawai, uraian=uraian_of(pegawai), pesan=pesan
    )


@bp.route("/")
@login_required
def index():
    """One's own list; an admin or operator opens another pegawai's by NIP."""
    nip = (request.args.get("nip") or "").strip().replace(" ", "")[:18]
    if nip and (current_user.is_admin or current_user.is_operator):
        other = db.session.scalar(select(Pegawai).where(Pegawai.nip == nip))
        if other is not None:
            return redirect(url_for(".pegawai", pegawai_id=other.id))
        return _screen(current_user, f"Pegawai dengan NIP {nip} tidak ditemukan.", 422)
    return _screen(current_user)


@bp.route("/pegawai/<int:pegawai_id>")
@login_required
def pegawai(pegawai_id: int):
    return _screen(_pegawai_or_404(pegawai_id))


@bp.route("/pegawai/<int:pegawai_id>/tambah", methods=["GET", "POST"])
@login_required
def tambah(pegawai_id: int):
    pegawai = _pegawai_or_404(pegawai_id)
    form = UraianForm()
    if form.validate_on_submit():
        urutan = db.session.scalar(
            select(func.coalesce(func.max(UraianJabatan.urutan), 0)).where(
                UraianJabatan.pegawai_id == pegawai.id
            )
        )
        uraian = UraianJabatan(pegawai=pegawai, urutan=urutan + 1, teks=form.teks.data)
        db.session.add(uraian)
        db.session.commit()
        flash("Uraian Jabatan disimpan.", "success")
        if is_htmx():
            no = len(uraian_of(pegawai))
            row = render_block(SCREEN, "baris", u=uraian, no=no, pegawai=pegawai)
            return hx_done(oob_append("uraian-rows", row))
        return redirect(_list_url(pegawai.id))
    status = 422 if form.is_submitted() else 200
    return render_dialog(SCREEN, "dialog", status, form=form, pegawai=pegawai, u=None)


@bp.route("/<int:uraian_id>/edit", methods=["GET", "POST"])
@login_required
def edit(uraian_id: int):
    uraian = _uraian_or_404(uraian_id)
    if request.method == "POST":
        form = UraianForm()
    else:
        form = UraianForm(data={"teks": uraian.teks, "version": uraian.version_id})
    status = 200
    if form.validate_on_submit():
        if str(uraian.version_id) != (form.version.data or ""):
            form.teks.errors.append(STALE)
            status = 409
        else:
            uraian.teks = form.teks.data
            db.session.commit()
            flash("Uraian Jabatan diubah.", "success")
            if is_htmx():
                no = request.args.get("no", type=int) or uraian.urutan
                return hx_done(
                    render_block(SCREEN, "baris", u=uraian, no=no, pegawai=uraian.pegawai, oob=True)
                )
            return redirect(_list_url(uraian.pegawai_id))
    elif form.is_submitted():
        status = 422
    return render_dialog(SCREEN, "dialog", status, form=form, pegawai=uraian.pegawai, u=uraian)


@bp.route("/<int:uraian_id>/hapus", methods=["GET", "POST"])
@login_required
def hapus(uraian_id: int):
    """GET asks (without JS), POST deletes; htmx gets the row numbers that moved up."""
    uraian = _uraian_or_404(uraian_id)
    pegawai = uraian.pegawai
    back = _list_url(pegawai.id)
    if request.method != "POST":
        return confirm_page(f"Uraian Jabatan \u201c{uraian.teks[:80]}\u201d", back)
    db.session.delete(uraian)
    db.session.commit()
    flash("Uraian Jabatan dihapus.", "success")
    if not is_htmx():
        return redirect(back)
    return render_block(SCREEN, "renumber", uraian=uraian_of(pegawai))
