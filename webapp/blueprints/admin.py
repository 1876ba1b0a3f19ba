"""Admin (admin and operator): pegawai accounts, the unit kerja tree, import of pegawai."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_user
from jinja2_fragments.flask import render_block
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import joinedload
from sqlalchemy.orm.attributes import flag_modified
from sqlalchemy.orm.exc import StaleDataError

from webapp.blueprints.profile import atasan_membentuk_siklus, pilihan_unit
from webapp.domain.pohon import membentuk_siklus, urut_pohon
from webapp.extensions import db
from webapp.forms.admin import ImporForm, PegawaiTambahForm, PegawaiUbahForm, UnitForm
from webapp.models import Pegawai, UnitKerja
from webapp.services import atasan as atasan_svc
from webapp.services import impor
from webapp.services.access import in_scope, operator_unit_ids, roles_required
from webapp.web import hx_done, is_htmx, paginate, render_page_or_block

bp = Blueprint("admin", __name__, url_prefix="/admin")

ADMIN = ("admin", "operator")
TPL_PEGAWAI = "admin/pegawai.html"
TPL_PEGAWAI_FORM = "admin/pegawai_form.html"
TPL_UNIT = "admin/unit.html"
TPL_UNIT_FORM = "admin/unit_form.html"


# --- Pegawai ---------------------------------------------------------------------------------


def _pegawai_or_404(pegawai_id: int) -> Pegawai:
    p = db.session.get(Pegawai, pegawai_id)
    if p is None:
        abort(404)
    if p.is_admin and not current_user.is_admin:
        abort(403)  # an operator does not manage admin accounts
    if not in_scope(operator_unit_ids(current_user), p.unit_kerja_id):
        abort(404)  # outside the unit tree the admin gave this operator
    return p


def _row(p: Pegawai, oob: bool = False) -> str:
    kelola = operator_unit_ids(current_user)
    return render_block(TPL_PEGAWAI, "row", p=p, oob=oob, kelola=kelola)


@bp.route("/pegawai")
@roles_required(*ADMIN)
def pegawai():
    stmt = (
        select(Pegawai)
        .options(joinedload(Pegawai.unit_kerja), joinedload(Pegawai.atasan_langsung))
        .order_by(Pegawai.nama, Pegawai.id)
    )
    page = paginate(stmt, search=[Pegawai.nip, Pegawai.nama, Pegawai.jabatan])
    # Everyone is listed (as the pegawai search shows them); an operator's actions show only on
    # the rows of their managed unit tree.
    kelola = operator_unit_ids(current_user)
    return render_page_or_block(TPL_PEGAWAI, "tabel", page=page, kelola=kelola)


def _siapkan(form, p: Pegawai | None) -> None:
    kelola = operator_unit_ids(current_user)
    form.unit_kerja.choices = pilihan_unit(termasuk=p.unit_kerja_id if p else None, hanya=kelola)
    if current_user.is_admin:
        form.unit_kelola.choices = pilihan_unit(termasuk=p.unit_kelola_id if p else None)
    else:  # only an admin hands out roles and the unit an operator manages
        del form.is_admin
        del form.is_operator
        del form.unit_kelola


def _periksa_pegawai(form, p: Pegawai | None) -> bool:
    ok = True
    other = db.session.scalar(select(Pegawai).where(Pegawai.nip == form.nip.data))
    if other is not None and other is not p:
        form.nip.errors.append(f"NIP {form.nip.data} sudah terdaftar ({other.nama}).")
        ok = False
    atasan = form.atasan_langsung.pegawai
    if p is not None and atasan is not None:
        if atasan.id == p.id:
            form.atasan_langsung.errors.append("Atasan Langsung tidak boleh pegawai itu sendiri.")
            ok = False
        elif atasan_membentuk_siklus(p.id, atasan.id):
            form.atasan_langsung.errors.append(
                f"{atasan.nama} berada di bawah pegawai ini dalam rantai atasan."
            )
            ok = False
    mine = p is not None and p.id == current_user.id
    if mine and "is_admin" in form and p.is_admin and not form.is_admin.data:
        form.is_admin.errors.append("Anda tidak dapat mencabut peran Admin Anda sendiri.")
        ok = False
    return ok


def _isi(form, p: Pegawai) -> None:
    p.nip = form.nip.data
    p.nama = form.nama.data
    p.jabatan = form.jabatan.data or ""
    p.jenis_jabatan = form.jenis_jabatan.data
    p.jenjang = form.jenjang.data or ""
    p.pangkat_golongan = form.pangkat_golongan.data or ""
    p.unit_kerja_id = form.unit_kerja.data
    baru = form.atasan_langsung.pegawai
    if p.id is not None and (baru.id if baru else None) != p.atasan_langsung_id:
        oleh = current_user._get_current_object()
        atasan_svc.batalkan_oleh_admin(p, "langsung", oleh)  # applies at once
    p.atasan_langsung = baru
    if "is_admin" in form:
        p.is_admin = form.is_admin.data
        p.is_operator = form.is_operator.data
        p.unit_kelola_id = form.unit_kelola.data
    if form.password.data:
        p.set_password(form.password.data)


@bp.route("/pegawai/tambah", methods=["GET", "POST"])
@roles_required(*ADMIN)
def pegawai_tambah():
    form = PegawaiTambahForm()
    _siapkan(form, None)
    if form.validate_on_submit() and _periksa_pegawai(form, None):
        p = Pegawai()
        _isi(form, p)
        db.session.add(p)
        db.session.commit()
        flash(f"Pegawai {p.nama} ditambahkan.", "success")
        if is_htmx():
            return hx_done(render_block(TPL_PEGAWAI, "row_baru", p=p, oob=False))
        return redirect(url_for("admin.pegawai", q=p.nip))
    status = 422 if request.method == "POST" else 200
    return render_page_or_block(TPL_PEGAWAI_FORM, "dialog", status, form=form, p=None)


@bp.route("/pegawai/<int:pegawai_id>/ubah", methods=["GET", "POST"])
@roles_required(*ADMIN)
def pegawai_ubah(pegawai_id: int):
    p = _pegawai_or_404(pegawai_id)
    form = PegawaiUbahForm(
        data={
            "nip": p.nip,
            "nama": p.nama,
            "jabatan": p.jabatan,
            "jenis_jabatan": p.jenis_jabatan,
            "jenjang": p.jenjang,
            "pangkat_golongan": p.pangkat_golongan,
            "unit_kerja": p.unit_kerja_id,
            "atasan_langsung": p.atasan_langsung.nip if p.atasan_langsung else "",
            "is_operator": p.is_operator,
            "is_admin": p.is_admin,
            "unit_kelola": p.unit_kelola_id,
            "version": p.version_id,
        }
    )
    _siapkan(form, p)
    if form.validate_on_submit() and _periksa_pegawai(form, p):
        if str(form.version.data) != str(p.version_id):
            raise StaleDataError("pegawai changed since the form was opened")
        _isi(form, p)
        flag_modified(p, "nama")
        db.session.commit()
        if p.id == current_user.id and form.password.data:
            login_user(p)  # a new password ends the other sessions, not this one (ADR 0010)
        flash(f"Data {p.nama} disimpan.", "success")
        if is_htmx():
            return hx_done(_row(p, oob=True))
        return redirect(url_for("admin.pegawai", q=p.nip))
    status = 422 if request.method == "POST" else 200
    return render_page_or_block(TPL_PEGAWAI_FORM, "dialog", status, form=form, p=p)


@bp.route("/pegawai/<int:pegawai_id>/nonaktifkan", methods=["GET", "POST"])
@roles_required(*ADMIN)
def pegawai_nonaktifkan(pegawai_id: int):
    p = _pegawai_or_404(pegawai_id)
    if request.method != "POST":  # the confirmation page without JavaScript (also on HEAD)
        return render_template("admin/konfirmasi.html", p=p, unit=None)
    if p.id == current_user.id:
        flash("Anda tidak dapat menonaktifkan akun Anda sendiri.", "error")
    elif p.active:
        p.active = False
        db.session.commit()
        flash(f"{p.nama} dinonaktifkan: tidak dapat masuk lagi.", "success")
    if is_htmx():
        return _row(p)
    return redirect(url_for("admin.pegawai", q=p.nip))


@bp.route("/pegawai/<int:pegawai_id>/aktifkan", methods=["POST"])
@roles_required(*ADMIN)
def pegawai_aktifkan(pegawai_id: int):
    p = _pegawai_or_404(pegawai_id)
    if not p.active:
        p.active = True
        db.session.commit()
        flash(f"{p.nama} diaktifkan kembali.", "success")
    if is_htmx():
        return _row(p)
    return redirect(url_for("admin.pegawai", q=p.nip))


# --- Import ----------------------------------------------------------------------------------


def _atasan_id(nip: str, baru: dict[str, Pegawai], lama: dict[str, int]) -> int | None:
    if not nip:
        return None
    return baru[nip].id if nip in baru else lama[nip]


def _simpan_impor(rows: list[impor.BarisImpor], lama: dict[str, int]) -> None:
    """All valid rows in one transaction: nothing is saved when anything fails."""
    baru: dict[str, Pegawai] = {}
    try:
        for b in rows:
            p = Pegawai(
                nip=b.nip,
                nama=b.nama,
                jabatan=b.jabatan,
                jenis_jabatan=b.jenis_jabatan,
                jenjang=b.jenjang,
                pangkat_golongan=b.pangkat_golongan,
                unit_kerja_id=b.unit_kerja_id,
                password_hash="",  # no usable password until an admin sets one
            )
            if b.password:
                p.set_password(b.password)
            db.session.add(p)
            baru[b.nip] = p
        db.session.flush()
        for b in rows:
            baru[b.nip].atasan_langsung_id = _atasan_id(b.nip_atasan, baru, lama)
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise


@bp.route("/pegawai/impor", methods=["GET", "POST"])
@roles_required(*ADMIN)
def pegawai_impor():
    form = ImporForm()
    hasil = None
    if form.validate_on_submit():
        berkas = form.berkas.data
        try:
            rows = impor.baca_berkas(berkas.filename or "", berkas.read(impor.MAKS_BYTE + 1))
            disebut = impor.nip_disebut(rows)
            lama = dict(
                db.session.execute(
                    select(Pegawai.nip, Pegawai.id).where(Pegawai.nip.in_(disebut))
                ).all()
            )
            units: dict[str, list[int]] = {}
            kelola = operator_unit_ids(current_user)
            for u in db.session.scalars(select(UnitKerja).where(UnitKerja.active.is_(True))):
                if in_scope(kelola, u.id):  # an operator imports into their own unit tree only
                    units.setdefault(impor.kunci_unit(u.nama), []).append(u.id)
            hasil = impor.periksa(rows, set(lama), units)
        except impor.BerkasError as e:
            form.berkas.errors.append(str(e))
        else:
            if hasil.valid:
                try:
                    _simpan_impor(hasil.valid, lama)
                except SQLAlchemyError:
                    form.berkas.errors.append(
                        "Penyimpanan gagal: tidak ada pegawai yang disimpan. Coba lagi."
                    )
                    hasil.valid = []
    status = 422 if request.method == "POST" and form.berkas.errors else 200
    return render_template("admin/impor.html", form=form, hasil=hasil), status


# --- Unit kerja ------------------------------------------------------------------------------


def _pohon() -> list[tuple[UnitKerja, int]]:
    units = db.session.scalars(select(UnitKerja)).all()
    return urut_pohon(
        units, key=lambda u: u.id, parent=lambda u: u.parent_id, nama=lambda u: u.nama
    )


def _pohon_html(oob: bool) -> str:
    kelola = operator_unit_ids(current_user)
    return render_block(TPL_UNIT, "pohon", pohon=_pohon(), oob=oob, kelola=kelola)


def _unit_or_404(unit_id: int) -> UnitKerja:
    """The unit when the user manages it: an operator only inside their managed unit tree, so
    moving an outside unit under their own cannot widen their scope."""
    unit = db.session.get(UnitKerja, unit_id)
    if unit is None or not in_scope(operator_unit_ids(current_user), unit.id):
        abort(404)
    return unit


@bp.route("/unit-kerja")
@roles_required(*ADMIN)
def unit():
    kelola = operator_unit_ids(current_user)
    return render_page_or_block(TPL_UNIT, "pohon", pohon=_pohon(), oob=False, kelola=kelola)


def _simpan_unit(form: UnitForm, unit: UnitKerja | None):
    if unit is not None and form.parent.data is not None:
        pairs = dict(db.session.execute(select(UnitKerja.id, UnitKerja.parent_id)).all())
        if membentuk_siklus(unit.id, form.parent.data, pairs):
            form.parent.errors.append(
                "Induk ini berada di bawah unit kerja ini sendiri: pilih induk lain."
            )
            return None
    if unit is None:
        unit = UnitKerja()
        db.session.add(unit)
    unit.nama = form.nama.data
    unit.parent_id = form.parent.data
    db.session.commit()
    flash(f"Unit kerja {unit.nama} disimpan.", "success")
    if is_htmx():
        return hx_done(_pohon_html(oob=True))
    return redirect(url_for("admin.unit"))


@bp.route("/unit-kerja/tambah", methods=["GET", "POST"])
@roles_required(*ADMIN)
def unit_tambah():
    form = UnitForm()
    kelola = operator_unit_ids(current_user)
    # An operator adds units under one of theirs (not "—": a root outside their tree).
    form.parent.choices = pilihan_unit(hanya=kelola)[0 if kelola is None else 1 :]
    if form.validate_on_submit():
        done = _simpan_unit(form, None)
        if done is not None:
            return done
    status = 422 if request.method == "POST" else 200
    return render_page_or_block(TPL_UNIT_FORM, "dialog", status, form=form, unit=None)


@bp.route("/unit-kerja/<int:unit_id>/ubah", methods=["GET", "POST"])
@roles_required(*ADMIN)
def unit_ubah(unit_id: int):
    unit = _unit_or_404(unit_id)
    form = UnitForm(data={"nama": unit.nama, "parent": unit.parent_id})
    form.parent.choices = pilihan_unit(
        termasuk=unit.parent_id, kecuali={unit.id}, hanya=operator_unit_ids(current_user)
    )
    if form.validate_on_submit():
        done = _simpan_unit(form, unit)
        if done is not None:
            return done
    status = 422 if request.method == "POST" else 200
    return render_page_or_block(TPL_UNIT_FORM, "dialog", status, form=form, unit=unit)


@bp.route("/unit-kerja/<int:unit_id>/nonaktifkan", methods=["GET", "POST"])
@roles_required(*ADMIN)
def unit_nonaktifkan(unit_id: int):
    unit = _unit_or_404(unit_id)
    if request.method != "POST":  # the confirmation page (also on HEAD)
        return render_template("admin/konfirmasi.html", p=None, unit=unit)
    aktif = [c.nama for c in unit.children if c.active]
    if aktif:
        flash(
            f"Unit kerja {unit.nama} masih punya sub unit aktif ({', '.join(aktif)}): "
            "nonaktifkan dulu sub unit itu.",
            "error",
        )
    elif unit.active:
        unit.active = False
        db.session.commit()
        flash(f"Unit kerja {unit.nama} dinonaktifkan.", "success")
    if is_htmx():
        return _pohon_html(oob=False)
    return redirect(url_for("admin.unit"))


@bp.route("/unit-kerja/<int:unit_id>/aktifkan", methods=["POST"])
@roles_required(*ADMIN)
def unit_aktifkan(unit_id: int):
    unit = _unit_or_404(unit_id)
    if not unit.active:
        unit.active = True
        db.session.commit()
        flash(f"Unit kerja {unit.nama} diaktifkan kembali.", "success")
    if is_htmx():
        return _pohon_html(oob=False)
    return redirect(url_for("admin.unit"))
