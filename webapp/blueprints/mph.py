"""Matrik Peran Hasil: the leader divides each result among bawahan by role (two levels).

Level 1 lives under /rencana/<rencana_id> (the leader's result), level 2 under
/peran/<induk_id>/bagi (the role a Ketua Tim splits among Anggota): one view each, registered
twice, endpoints `mph.<name>` and `mph.bagi_<name>`. Every route answers a page without htmx and
a fragment with it.
"""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, request
from flask_login import current_user, login_required
from jinja2_fragments.flask import render_block
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from webapp.domain import mph as rules
from webapp.extensions import db
from webapp.forms.fields import WAJIB
from webapp.forms.mph import KolomForm, PeranForm
from webapp.models import MatrikPeranHasil, PeranHasil, RencanaHasilKerja, Skp
from webapp.services import mph as svc
from webapp.web import (
    confirm_page,
    hx_done,
    is_htmx,
    oob_append,
    render_dialog,
    render_page_or_block,
)

bp = Blueprint("mph", __name__, url_prefix="/matrik-peran-hasil")

INDEX = "mph/index.html"
HASIL = "mph/skp.html"
MATRIK = "mph/matrik.html"
STALE = "Data ini telah diubah oleh pengguna lain; muat ulang."


@bp.context_processor
def _screen_globals():
    return {"label_kolom": rules.label_kolom, "bagian": svc.bagian, "KETUA": rules.KETUA}


def _user():
    return current_user._get_current_object()


def _wadah(rencana_id: int | None = None, induk_id: int | None = None) -> svc.Wadah:
    if rencana_id is not None:
        return svc.wadah_rencana(_user(), rencana_id)
    return svc.wadah_induk(_user(), induk_id)


def _route(rule: str, name: str, methods=("GET",)):
    """Register a matrix view for level 1 and level 2."""

    def decorator(view):
        view = login_required(view)
        bp.add_url_rule(f"/rencana/<int:rencana_id>{rule}", name, view, methods=list(methods))
        bp.add_url_rule(
            f"/peran/<int:induk_id>/bagi{rule}", f"bagi_{name}", view, methods=list(methods)
        )
        return view

    return decorator


# --- the leader's SKP periods and results ------------------------------------------------------


@bp.route("/")
@login_required
def index():
    user = _user()
    memimpin = user.is_jpt or bool(user.bawahan())
    skps = []
    if memimpin:
        skps = db.session.scalars(
            select(Skp).where(Skp.pegawai_id == user.id).order_by(Skp.dari, Skp.id)
        ).all()
    return render_page_or_block(
        INDEX,
        "isi",
        memimpin=memimpin,
        skps=skps,
        ketua=svc.ketua_peran(user),
        diberi=svc.peran_untuk(user),
    )


@bp.route("/skp/<int:skp_id>")
@login_required
def skp(skp_id: int):
    """The leader's results, each with its Matrik Peran Hasil button (the manual's two views)."""
    skp = db.session.scalar(
        select(Skp)
        .where(Skp.id == skp_id, Skp.pegawai_id == current_user.id)
        .options(selectinload(Skp.rencana).selectinload(RencanaHasilKerja.indikator))
    )
    if skp is None:
        abort(404)
    counts = dict(
        db.session.execute(
            select(MatrikPeranHasil.rencana_id, func.count(PeranHasil.id))
            .join(PeranHasil, PeranHasil.matrik_id == MatrikPeranHasil.id)
            .join(RencanaHasilKerja, MatrikPeranHasil.rencana_id == RencanaHasilKerja.id)
            .where(RencanaHasilKerja.skp_id == skp.id)
            .group_by(MatrikPeranHasil.rencana_id)
        ).all()
    )
    groups = {b: [r for r in skp.rencana if svc.bagian(r) == b] for b in ("utama", "tambahan")}
    return render_page_or_block(HASIL, "hasil", skp=skp, groups=groups, counts=counts)


# --- one matrix --------------------------------------------------------------------------------


@_route("", "matrik")
def matrik(**kunci):
    wadah = _wadah(**kunci)
    return render_page_or_block(MATRIK, "matrik", wadah=wadah)


def _stale(record, version: str | None) -> bool:
    if record is None:
        return bool(version)
    return str(record.version_id) != (version or "")


def _matrik_oob(wadah: svc.Wadah) -> str:
    return render_block(MATRIK, "matrik", wadah=wadah, oob=True)


@_route("/kolom", "kolom", methods=("GET", "POST"))
def kolom(**kunci):
    """Input Jumlah Kolom: grow or shrink; shrinking over roles asks first and names them."""
    wadah = _wadah(**kunci)
    if request.method == "POST":
        form = KolomForm()
    else:
        version = wadah.matrik.version_id if wadah.matrik else ""
        form = KolomForm(data={"jumlah_kolom": wadah.jumlah_kolom or "", "version": version})
    hilang, status = [], 200
    if request.method == "POST":
        status = 422
        if form.validate():
            jumlah = form.jumlah_kolom.jumlah
            hilang = rules.kolom_terhapus(wadah.peran, jumlah)
            if _stale(wadah.matrik, form.version.data):
                form.jumlah_kolom.errors.append(STALE)
                status = 409
            elif hilang and form.konfirmasi.data != str(jumlah):
                form.konfirmasi.data = str(jumlah)  # the next Simpan confirms this number
                status = 200
            else:
                svc.simpan_kolom(wadah, jumlah)
                db.session.commit()
                flash(f"Jumlah Kolom disimpan: {jumlah} Peran.", "success")
                if is_htmx():
                    return hx_done(_matrik_oob(_wadah(**kunci)))
                return redirect(wadah.url("matrik"))
    pecahan = svc.jumlah_pecahan(hilang)
    return render_dialog(
        MATRIK, "kolom_dialog", status, form=form, wadah=wadah, hilang=hilang, pecahan=pecahan
    )


def _pilih(form: PeranForm, wadah: svc.Wadah):
    """The chosen pegawai if this matrix may give them a role; an error by the field if not."""
    pegawai = form.pegawai.pegawai
    if pegawai is None:
        return None
    if pegawai.id not in {p.id for p in svc.calon_pegawai(wadah)}:
        siapa = "bawahan Anda" if wadah.tingkat == 1 else "bawahan atau Anggota Tim Anda"
        form.pegawai.errors.append(f"{pegawai.nama} ({pegawai.nip}) bukan {siapa}.")
        return None
    return pegawai


def _salin(form: PeranForm, pegawai) -> None:
    """Salin: copy one of the pegawai's Uraian Jabatan into Peran (a POST, works without JS)."""
    wanted = request.form.get("salin", "")
    for u in svc.uraian_of(pegawai) if pegawai else []:
        if str(u.id) == wanted:
            form.peran.data = u.teks
            form.peran.errors = []
            return
    form.peran.errors = ["Uraian Jabatan tidak ditemukan."]


def _rows_oob(wadah: svc.Wadah, keys: list[str], before: set[str]) -> str:
    """The changed rows: replaced, appended when new, deleted when they hold no role now."""
    rows = {b.kunci: b for b in wadah.baris()}
    html = []
    for key in dict.fromkeys(keys):
        row_id = f"mph-{wadah.matrik.id}-{key}"
        if key in rows:
            mode = "replace" if key in before else None
            row = render_block(MATRIK, "baris", b=rows[key], wadah=wadah, baris_oob=mode)
            html.append(row if mode else oob_append("mph-rows", row))
        elif key in before:
            html.append(f'<template><tr id="{row_id}" hx-swap-oob="delete"></tr></template>')
    return "".join(html)


@_route("/tambah", "tambah", methods=("GET", "POST"))
def tambah(**kunci):
    """Input Data Matrik: Nama Pegawai, Jabatan Tim Kerja, Produk, Peran (+ Uraian Jabatan)."""
    wadah = _wadah(**kunci)
    form = PeranForm()  # without columns Produk offers nothing: the dialog says so
    form.set_choices(wadah.jumlah_kolom, wadah.tingkat)
    pegawai, status = None, 200
    if request.method == "POST":
        if "salin" in request.form or "lihat" in request.form:
            form.pegawai.validate(form)
            pegawai = _pilih(form, wadah)
            if "salin" in request.form and pegawai:
                _salin(form, pegawai)
            status = 422 if form.pegawai.errors or form.peran.errors else 200
        else:
            ok = form.validate()
            if not form.pegawai.data and WAJIB not in form.pegawai.errors:
                form.pegawai.errors.append(WAJIB)
            pegawai = _pilih(form, wadah)
            if ok and pegawai and _cell_free(form, wadah, pegawai):
                before = {b.kunci for b in wadah.baris()}
                peran = PeranHasil(
                    matrik=wadah.matrik,
                    kolom=form.kolom.data,
                    pegawai=pegawai,
                    jabatan_tim=form.jabatan_tim.data,
                    teks=form.peran.data,
                )
                db.session.add(peran)
                db.session.commit()
                flash(f"Peran {pegawai.nama} disimpan.", "success")
                if is_htmx():
                    key = rules.kunci_baris(peran.jabatan_tim, pegawai.id)
                    return hx_done(_rows_oob(_wadah(**kunci), [key], before))
                return redirect(wadah.url("matrik"))
            status = 422
    uraian = svc.uraian_of(pegawai) if pegawai else []
    return render_dialog(
        MATRIK,
        "peran_dialog",
        status,
        form=form,
        wadah=wadah,
        peran=None,
        pegawai=pegawai,
        uraian=uraian,
        calon=svc.calon_pegawai(wadah),
    )


def _cell_free(form: PeranForm, wadah: svc.Wadah, pegawai, kecuali: int | None = None) -> bool:
    if rules.sel_terisi(wadah.peran, pegawai.id, form.kolom.data, kecuali):
        label = rules.label_kolom(form.kolom.data)
        form.kolom.errors.append(
            f"{pegawai.nama} sudah mempunyai peran pada {label}: ubah perannya."
        )
        return False
    return True


@_route("/uraian", "uraian")
def uraian(**kunci):
    """The chosen pegawai's Uraian Jabatan, for the open Input Data Matrik (htmx)."""
    wadah = _wadah(**kunci)
    nip = (request.args.get("pegawai") or "").strip().replace(" ", "")[:18]
    pegawai, pesan, status = None, "", 200
    if len(nip) == 18 and nip.isdigit():  # a name still being typed is no NIP yet
        pegawai = next((p for p in svc.calon_pegawai(wadah) if p.nip == nip), None)
        if pegawai is None:
            pesan, status = f"NIP {nip} bukan bawahan Anda.", 422
    uraian = svc.uraian_of(pegawai) if pegawai else []
    return render_page_or_block(
        MATRIK, "uraian", status, wadah=wadah, pegawai=pegawai, uraian=uraian, pesan=pesan
    )


# --- one role ----------------------------------------------------------------------------------


@bp.route("/peran/<int:peran_id>/edit", methods=["GET", "POST"])
@login_required
def peran_edit(peran_id: int):
    peran, wadah = svc.peran_milik(_user(), peran_id)
    if request.method == "POST":
        form = PeranForm()
    else:
        form = PeranForm(
            data={
                "jabatan_tim": peran.jabatan_tim,
                "kolom": peran.kolom,
                "peran": peran.teks,
                "version": peran.version_id,
            }
        )
    del form.pegawai
    form.set_choices(wadah.jumlah_kolom, wadah.tingkat)
    status = 200
    if request.method == "POST":
        if "salin" in request.form:
            _salin(form, peran.pegawai)
            status = 422 if form.peran.errors else 200
        else:
            status = 422
            if form.validate() and _cell_free(form, wadah, peran.pegawai, kecuali=peran.id):
                if _stale(peran, form.version.data):
                    form.peran.errors.append(STALE)
                    status = 409
                elif form.jabatan_tim.data != peran.jabatan_tim and peran.pecahan:
                    form.jabatan_tim.errors.append(
                        "Peran ini sudah dibagi kepada Anggota Tim: hapus pembagiannya dahulu."
                    )
                else:
                    return _simpan_edit(peran, wadah, form)
    return render_dialog(
        MATRIK,
        "peran_dialog",
        status,
        form=form,
        wadah=wadah,
        peran=peran,
        pegawai=peran.pegawai,
        uraian=svc.uraian_of(peran.pegawai),
        calon=[],
    )


def _simpan_edit(peran: PeranHasil, wadah: svc.Wadah, form: PeranForm):
    before = {b.kunci for b in wadah.baris()}
    old_key = rules.kunci_baris(peran.jabatan_tim, peran.pegawai_id)
    peran.jabatan_tim = form.jabatan_tim.data
    peran.kolom = form.kolom.data
    peran.teks = form.peran.data
    db.session.commit()
    flash("Peran diubah.", "success")
    if is_htmx():
        new_key = rules.kunci_baris(peran.jabatan_tim, peran.pegawai_id)
        fresh = _wadah(**wadah.kunci)
        return hx_done(_rows_oob(fresh, [old_key, new_key], before))
    return redirect(wadah.url("matrik"))


@bp.route("/peran/<int:peran_id>/hapus", methods=["GET", "POST"])
@login_required
def peran_hapus(peran_id: int):
    """Hapus: GET asks (the page without JS), POST deletes; htmx gets the row as it is now."""
    peran, wadah = svc.peran_milik(_user(), peran_id)
    n = svc.jumlah_pecahan([peran])
    what = f"peran \u201c{peran.teks[:80]}\u201d milik {peran.pegawai.nama}"
    if n:
        what += f" beserta {n} peran Anggota Tim yang dibagi darinya"
    if request.method != "POST":
        return confirm_page(what, wadah.url("matrik"))
    key = rules.kunci_baris(peran.jabatan_tim, peran.pegawai_id)
    db.session.delete(peran)
    db.session.commit()
    flash("Peran dihapus.", "success")
    if not is_htmx():
        return redirect(wadah.url("matrik"))
    fresh = _wadah(**wadah.kunci)
    row = next((b for b in fresh.baris() if b.kunci == key), None)
    return render_block(MATRIK, "baris", b=row, wadah=fresh) if row else ""
