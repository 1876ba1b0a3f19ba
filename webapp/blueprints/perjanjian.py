"""Perjanjian Kinerja: a JPT's yearly agreement (the manual's first chapter)."""

from flask import Blueprint, abort, flash, redirect, request, url_for
from flask_login import current_user
from jinja2_fragments.flask import render_block
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from webapp.domain.angka import format_angka
from webapp.extensions import db
from webapp.forms.perjanjian import IndikatorSasaranForm, ProgramForm, SasaranForm, TahunForm
from webapp.models import IndikatorSasaran, PerjanjianKinerja, ProgramPK, SasaranStrategis
from webapp.services.access import owned_or_404, roles_required
from webapp.services.concurrency import lock_pegawai, stale
from webapp.web import (
    hapus_record,
    hx_done,
    is_htmx,
    oob_append,
    paginate,
    render_dialog,
    render_page_or_block,
)

bp = Blueprint("perjanjian", __name__, url_prefix="/perjanjian-kinerja")

INDEX = "perjanjian/index.html"
DETAIL = "perjanjian/detail.html"
SASARAN = "perjanjian/sasaran.html"


def _pk(pk_id: int) -> PerjanjianKinerja:
    return owned_or_404(PerjanjianKinerja, pk_id)


def _sasaran(sasaran_id: int) -> SasaranStrategis:
    sasaran = db.session.get(SasaranStrategis, sasaran_id)
    if sasaran is None or sasaran.pk.pegawai_id != current_user.id:
        abort(404)
    return sasaran


def _indikator(indikator_id: int) -> IndikatorSasaran:
    indikator = db.session.get(IndikatorSasaran, indikator_id)
    if indikator is None or indikator.sasaran.pk.pegawai_id != current_user.id:
        abort(404)
    return indikator


def _program(program_id: int) -> ProgramPK:
    program = db.session.get(ProgramPK, program_id)
    if program is None or program.pk.pegawai_id != current_user.id:
        abort(404)
    return program


def _tahun_taken(tahun: int, except_id: int | None = None) -> bool:
    stmt = select(PerjanjianKinerja.id).where(
        PerjanjianKinerja.pegawai_id == current_user.id, PerjanjianKinerja.tahun == tahun
    )
    if except_id:
        stmt = stmt.where(PerjanjianKinerja.id != except_id)
    return db.session.scalar(stmt) is not None


def _count(model, column, value) -> int:
    return db.session.scalar(select(func.count()).select_from(model).where(column == value))


# --- the list of years -------------------------------------------------------------------


@bp.route("/")
@roles_required("jpt")
def index():
    stmt = (
        select(PerjanjianKinerja)
        .where(PerjanjianKinerja.pegawai_id == current_user.id)
        .order_by(PerjanjianKinerja.tahun.desc())
    )
    page = paginate(stmt, search=[func.cast(PerjanjianKinerja.tahun, db.String)])
    return render_page_or_block(INDEX, "table", page=page)


@bp.route("/tambah", methods=["GET", "POST"])
@roles_required("jpt")
def tambah():
    form = TahunForm()
    if form.validate_on_submit():
        tahun = int(form.tahun.data)
        lock_pegawai(current_user.id)  # one PK per year, even for simultaneous requests
        if _tahun_taken(tahun):
            form.tahun.errors.append(f"Perjanjian Kinerja tahun {tahun} sudah ada.")
        else:
            pk = PerjanjianKinerja(pegawai_id=current_user.id, tahun=tahun)
            db.session.add(pk)
            db.session.commit()
            flash(f"Perjanjian Kinerja tahun {tahun} disimpan.", "success")
            if is_htmx():
                no = _count(PerjanjianKinerja, PerjanjianKinerja.pegawai_id, current_user.id)
                return hx_done(oob_append("pk-rows", render_block(INDEX, "row", pk=pk, no=no)))
            return redirect(url_for(".index"))
    status = 422 if form.is_submitted() else 200
    return render_dialog(INDEX, "dialog", status, form=form, pk=None)


@bp.route("/<int:pk_id>/edit", methods=["GET", "POST"])
@roles_required("jpt")
def edit(pk_id: int):
    pk = _pk(pk_id)
    form = TahunForm(data={"tahun": str(pk.tahun)} if request.method == "GET" else None)
    if form.validate_on_submit():
        tahun = int(form.tahun.data)
        lock_pegawai(current_user.id)
        if _tahun_taken(tahun, except_id=pk.id):
            form.tahun.errors.append(f"Perjanjian Kinerja tahun {tahun} sudah ada.")
        else:
            pk.tahun = tahun
            db.session.commit()
            flash(f"Tahun diubah menjadi {tahun}.", "success")
            if is_htmx():
                no = request.args.get("no", type=int) or ""
                return hx_done(render_block(INDEX, "row", pk=pk, no=no, oob=True))
            return redirect(url_for(".index"))
    status = 422 if form.is_submitted() else 200
    return render_dialog(INDEX, "dialog", status, form=form, pk=pk)


@bp.route("/<int:pk_id>/hapus", methods=["GET", "POST"])
@roles_required("jpt")
def hapus(pk_id: int):
    pk = _pk(pk_id)
    what = f"Perjanjian Kinerja tahun {pk.tahun}"
    return hapus_record(pk, what, url_for(".index"), f"{what} dihapus.")


# --- one year: sasaran strategis and programs --------------------------------------------


@bp.route("/<int:pk_id>")
@roles_required("jpt")
def detail(pk_id: int):
    pk = _pk(pk_id)
    stmt = (
        select(SasaranStrategis)
        .where(SasaranStrategis.pk_id == pk.id)
        .options(selectinload(SasaranStrategis.indikator))
        .order_by(SasaranStrategis.urutan, SasaranStrategis.id)
    )
    page = paginate(stmt, search=[SasaranStrategis.teks])
    program = db.session.scalars(
        select(ProgramPK).where(ProgramPK.pk_id == pk.id).order_by(ProgramPK.id)
    ).all()
    return render_page_or_block(DETAIL, "sasaran_table", pk=pk, page=page, program=program)


@bp.route("/<int:pk_id>/sasaran/tambah", methods=["GET", "POST"])
@roles_required("jpt")
def sasaran_tambah(pk_id: int):
    pk = _pk(pk_id)
    form = SasaranForm()
    if form.validate_on_submit():
        lock_pegawai(current_user.id)  # numbering stays unique under simultaneous Tambah
        urutan = _count(SasaranStrategis, SasaranStrategis.pk_id, pk.id) + 1
        sasaran = SasaranStrategis(pk=pk, teks=form.teks.data, urutan=urutan)
        db.session.add(sasaran)
        db.session.commit()
        flash("Sasaran Strategis disimpan.", "success")
        if is_htmx():
            return hx_done(
                oob_append(
                    "sasaran-rows", render_block(DETAIL, "sasaran_row", s=sasaran, no=urutan)
                )
            )
        return redirect(url_for(".detail", pk_id=pk.id))
    status = 422 if form.is_submitted() else 200
    return render_dialog(DETAIL, "sasaran_dialog", status, form=form, pk=pk)


def _has_errors(form) -> bool:
    return any(field.errors for field in form)


def _sasaran_page(sasaran, form, indikator_form, status=200):
    page = paginate(
        select(IndikatorSasaran)
        .where(IndikatorSasaran.sasaran_id == sasaran.id)
        .order_by(IndikatorSasaran.urutan, IndikatorSasaran.id),
        search=[IndikatorSasaran.teks, IndikatorSasaran.satuan],
    )
    return render_page_or_block(
        SASARAN,
        "indikator_table",
        status,
        sasaran=sasaran,
        form=form,
        indikator_form=indikator_form,
        page=page,
    )


def _sasaran_form(sasaran) -> SasaranForm:
    return SasaranForm(formdata=None, data={"teks": sasaran.teks, "version": sasaran.version_id})


@bp.route("/sasaran/<int:sasaran_id>", methods=["GET", "POST"])
@roles_required("jpt")
def sasaran(sasaran_id: int):
    """Ubah Sasaran: its text, and below it the indicator form and table."""
    sasaran = _sasaran(sasaran_id)
    form = SasaranForm() if request.method == "POST" else _sasaran_form(sasaran)
    if form.validate_on_submit() and not stale(form, sasaran):
        sasaran.teks = form.teks.data
        db.session.commit()
        flash("Sasaran Strategis disimpan.", "success")
        if not is_htmx():
            return redirect(url_for(".sasaran", sasaran_id=sasaran.id))
        form = _sasaran_form(sasaran)
    status = 422 if _has_errors(form) else 200
    if request.method == "POST" and is_htmx():
        return render_block(SASARAN, "sasaran_form", sasaran=sasaran, form=form), status
    return _sasaran_page(sasaran, form, IndikatorSasaranForm(formdata=None), status)


@bp.route("/sasaran/<int:sasaran_id>/hapus", methods=["GET", "POST"])
@roles_required("jpt")
def sasaran_hapus(sasaran_id: int):
    sasaran = _sasaran(sasaran_id)
    back = url_for(".detail", pk_id=sasaran.pk_id)
    what = "Sasaran Strategis ini beserta indikatornya"
    return hapus_record(sasaran, what, back, "Sasaran Strategis dihapus.")


# --- indicators of a sasaran -----------------------------------------------------------


@bp.route("/sasaran/<int:sasaran_id>/indikator", methods=["POST"])
@roles_required("jpt")
def indikator_tambah(sasaran_id: int):
    sasaran = _sasaran(sasaran_id)
    form = IndikatorSasaranForm()
    if form.validate_on_submit():
        lock_pegawai(current_user.id)
        urutan = _count(IndikatorSasaran, IndikatorSasaran.sasaran_id, sasaran.id) + 1
        indikator = IndikatorSasaran(
            sasaran=sasaran,
            urutan=urutan,
            teks=form.indikator.data,
            target=form.target.decimal,
            satuan=form.satuan.data,
        )
        db.session.add(indikator)
        db.session.commit()
        flash("Indikator disimpan.", "success")
        if is_htmx():
            blank = IndikatorSasaranForm(formdata=None)
            row = render_block(SASARAN, "indikator_row", i=indikator, no=urutan)
            form_html = render_block(
                SASARAN, "indikator_form", sasaran=sasaran, indikator_form=blank
            )
            return form_html + oob_append("indikator-rows", row)
        return redirect(url_for(".sasaran", sasaran_id=sasaran.id))
    if is_htmx():
        return render_block(SASARAN, "indikator_form", sasaran=sasaran, indikator_form=form), 422
    return _sasaran_page(sasaran, _sasaran_form(sasaran), form, 422)


@bp.route("/indikator/<int:indikator_id>/edit", methods=["GET", "POST"])
@roles_required("jpt")
def indikator_edit(indikator_id: int):
    indikator = _indikator(indikator_id)
    # The prefix keeps the dialog's ids apart from the Tambah Indikator form behind it.
    form = IndikatorSasaranForm(
        prefix="ubah",
        data={
            "indikator": indikator.teks,
            "target": format_angka(indikator.target),
            "satuan": indikator.satuan,
            "version": indikator.version_id,
        }
        if request.method == "GET"
        else None,
    )
    if form.validate_on_submit() and not stale(form, indikator):
        indikator.teks = form.indikator.data
        indikator.target = form.target.decimal
        indikator.satuan = form.satuan.data
        db.session.commit()
        flash("Indikator diubah.", "success")
        if is_htmx():
            no = request.args.get("no", type=int) or indikator.urutan
            return hx_done(render_block(SASARAN, "indikator_row", i=indikator, no=no, oob=True))
        return redirect(url_for(".sasaran", sasaran_id=indikator.sasaran_id))
    status = 422 if request.method == "POST" else 200
    return render_dialog(
        SASARAN, "indikator_dialog", status, form=form, i=indikator, sasaran=indikator.sasaran
    )


@bp.route("/indikator/<int:indikator_id>/hapus", methods=["GET", "POST"])
@roles_required("jpt")
def indikator_hapus(indikator_id: int):
    indikator = _indikator(indikator_id)
    back = url_for(".sasaran", sasaran_id=indikator.sasaran_id)
    what = f"indikator \u201c{indikator.teks}\u201d"
    return hapus_record(indikator, what, back, "Indikator dihapus.")


# --- programs and Cek RKT ----------------------------------------------------------------


@bp.route("/<int:pk_id>/program/tambah", methods=["GET", "POST"])
@roles_required("jpt")
def program_tambah(pk_id: int):
    pk = _pk(pk_id)
    form = ProgramForm()
    if form.validate_on_submit():
        program = ProgramPK(pk=pk, nama=form.nama.data, anggaran=form.anggaran.decimal)
        db.session.add(program)
        db.session.commit()
        flash("Program disimpan.", "success")
        if is_htmx():
            no = _count(ProgramPK, ProgramPK.pk_id, pk.id)
            return hx_done(
                oob_append("program-rows", render_block(DETAIL, "program_row", p=program, no=no))
            )
        return redirect(url_for(".detail", pk_id=pk.id))
    status = 422 if form.is_submitted() else 200
    return render_dialog(DETAIL, "program_dialog", status, form=form, pk=pk, p=None)


@bp.route("/program/<int:program_id>/edit", methods=["GET", "POST"])
@roles_required("jpt")
def program_edit(program_id: int):
    program = _program(program_id)
    form = ProgramForm(
        data={
            "nama": program.nama,
            "anggaran": format_angka(program.anggaran),
            "version": program.version_id,
        }
        if request.method == "GET"
        else None
    )
    if form.validate_on_submit() and not stale(form, program):
        program.nama = form.nama.data
        program.anggaran = form.anggaran.decimal
        db.session.commit()
        flash("Program diubah.", "success")
        if is_htmx():
            no = request.args.get("no", type=int) or ""
            return hx_done(render_block(DETAIL, "program_row", p=program, no=no, oob=True))
        return redirect(url_for(".detail", pk_id=program.pk_id))
    status = 422 if form.is_submitted() else 200
    return render_dialog(DETAIL, "program_dialog", status, form=form, pk=program.pk, p=program)


@bp.route("/program/<int:program_id>/hapus", methods=["GET", "POST"])
@roles_required("jpt")
def program_hapus(program_id: int):
    program = _program(program_id)
    back = url_for(".detail", pk_id=program.pk_id)
    what = f"program \u201c{program.nama}\u201d"
    return hapus_record(program, what, back, "Program dihapus.")


@bp.route("/<int:pk_id>/rkt")
@roles_required("jpt")
def rkt(pk_id: int):
    """Cek RKT: the year's sasaran and indicators as a Rencana Kerja Tahunan summary."""
    pk = db.session.scalar(
        select(PerjanjianKinerja)
        .where(PerjanjianKinerja.id == pk_id, PerjanjianKinerja.pegawai_id == current_user.id)
        .options(
            selectinload(PerjanjianKinerja.sasaran).selectinload(SasaranStrategis.indikator),
            selectinload(PerjanjianKinerja.program),
        )
    )
    if pk is None:
        abort(404)
    total = sum((p.anggaran for p in pk.program), start=0)
    return render_page_or_block("perjanjian/rkt.html", "rkt", pk=pk, total=total)
