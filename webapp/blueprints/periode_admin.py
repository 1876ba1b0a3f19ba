"""Periode Penilaian (issue 10 §1), the admin's screen: the agency's Frekuensi Evaluasi, each
period's Batas Pengisian, and Buka Kembali of a closed period for one pegawai.

Periods are agency-wide, so this is the admin's alone (an operator manages a unit tree, ADR
0012). A period's row is created by the first POST that needs it (services.periode_penilaian
.baris); a page never creates one. Every edit carries its row's version: a stale save is refused.
"""

from __future__ import annotations

from flask import Blueprint, abort, current_app, flash, redirect, request, url_for
from flask_login import current_user
from jinja2_fragments.flask import render_block
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from wtforms.fields.choices import SelectChoice

from webapp.domain import periode_penilaian as periode_dom
from webapp.domain.tanggal import sekarang, tanggal_pendek, waktu_lokal
from webapp.extensions import db
from webapp.forms.periode import FREKUENSI, BatasForm, BukaKembaliForm, FrekuensiForm, SampaiForm
from webapp.models import BukaKembali, Pengaturan, Skp
from webapp.services import periode_penilaian as svc
from webapp.services.access import roles_required
from webapp.services.concurrency import STALE, stale
from webapp.services.periode_penilaian import hari_ini
from webapp.web import (
    confirm_page,
    hx_done,
    is_htmx,
    oob_append,
    oob_delete,
    oob_renumber,
    oob_replace,
    render_page_or_block,
)

bp = Blueprint("periode_admin", __name__, url_prefix="/admin/periode-penilaian")

TEMPLATE = "admin/periode.html"
FORM = "admin/periode_form.html"
TAHUN_MIN, TAHUN_MAKS = 2000, 2100
SAMPAI_LEWAT = "Harus setelah saat ini: pegawai dibuka kembali sampai waktu yang akan datang."


def _tahun_or_404(tahun: int) -> int:
    if not TAHUN_MIN <= tahun <= TAHUN_MAKS:
        abort(404)
    return tahun


def _periode_or_404(tahun: int, kode: str) -> svc.Periode:
    p = svc.periode_kode(_tahun_or_404(tahun), kode)
    if p is None:
        abort(404)
    return p


def _buka_or_404(buka_id: int) -> BukaKembali:
    buka = db.session.get(BukaKembali, buka_id)
    if buka is None:
        abort(404)
    return buka


def _back(tahun: int) -> str:
    return url_for(".tahun", tahun=tahun)


def _teks(moment) -> str:
    return waktu_lokal(moment, current_app.config["AGENCY_TIMEZONE"])


def _tahun_skp() -> list[int]:
    """The years some SKP is in (the admin's year links reach back to them)."""
    return list(db.session.scalars(select(Skp.tahun).distinct()))


def _pengaturan() -> Pengaturan | None:
    return db.session.get(Pengaturan, 1)


def _frekuensi_form(row: Pengaturan | None) -> FrekuensiForm:
    return FrekuensiForm(
        formdata=None,
        data={
            "frekuensi": row.frekuensi_evaluasi if row else "triwulan",
            "version": row.version_id if row else "",
        },
    )


def _ctx(tahun: int, **extra) -> dict:
    return {
        "tahun": tahun,
        "teks": _teks,
        "periode_nama": lambda r: periode_dom.nama(r.jenis, r.nomor, r.tahun),
        **extra,
    }


def _page(tahun: int, frekuensi_form=None, status: int = 200):
    daftar = svc.periode_tahun(tahun)
    ini = hari_ini().year
    return render_page_or_block(
        TEMPLATE,
        "periode_tabel",
        status,
        **_ctx(
            tahun,
            daftar=daftar,
            buka=svc.daftar_buka_kembali(tahun),
            form=frekuensi_form or _frekuensi_form(_pengaturan()),
            daftar_tahun=sorted({ini - 1, ini, ini + 1, tahun, *_tahun_skp()}),
        ),
    )


@bp.route("/")
@roles_required("admin")
def index():
    return _page(hari_ini().year)


@bp.route("/<int:tahun>")
@roles_required("admin")
def tahun(tahun: int):
    return _page(_tahun_or_404(tahun))


# --- Frekuensi Evaluasi ------------------------------------------------------------------------


@bp.route("/frekuensi", methods=["POST"])
@roles_required("admin")
def frekuensi():
    """Pengaturan row 1: created on the first Simpan, versioned after that."""
    tahun = request.args.get("tahun", type=int) or hari_ini().year
    tahun = tahun if TAHUN_MIN <= tahun <= TAHUN_MAKS else hari_ini().year
    form = FrekuensiForm()
    row = _pengaturan()
    if form.validate():
        if row is None and str(form.version.data or "").strip():
            form.frekuensi.errors.append(STALE)  # the row was there when the form opened
        elif row is not None and stale(form, row):
            pass
        else:
            try:
                with db.session.begin_nested():
                    if row is None:
                        row = Pengaturan(id=1)
                        db.session.add(row)
                    row.frekuensi_evaluasi = form.frekuensi.data
                db.session.commit()
            except IntegrityError:  # two first saves at once: the other won
                db.session.rollback()
                form.frekuensi.errors.append(STALE)
            else:
                label = {c.value: c.label for c in FREKUENSI}[form.frekuensi.data]
                flash(f"Frekuensi Evaluasi disimpan: {label}.", "success")
                return redirect(_back(tahun))
    return _page(tahun, form, 422)


# --- Batas Pengisian ---------------------------------------------------------------------------


def _row_html(tahun: int, p: svc.Periode, oob: bool) -> str:
    return render_block(TEMPLATE, "periode_row", **_ctx(tahun, p=p, oob=oob))


def _versi(p: svc.Periode) -> str:
    return str(p.row.version_id) if p.row else ""


def _batas_stale(form: BatasForm, p: svc.Periode) -> bool:
    """Stale when the row changed since the form opened. A row made meanwhile by another write
    (a realisasi saved first) with no batas yet is not a conflict for a form opened without one."""
    sent = str(form.version.data or "").strip()
    if p.row is None:
        return False
    if not sent and p.row.batas_pengisian is None and p.row.version_id == 1:
        return False
    if sent == str(p.row.version_id):
        return False
    form.tanggal.errors = [*form.tanggal.errors, STALE]
    return True


def _batas_valid(form: BatasForm, p: svc.Periode) -> bool:
    """A deadline before the period has begun would lock it before anyone could write."""
    if form.tanggal.data is not None and form.tanggal.data < p.dari:
        form.tanggal.errors = [
            *form.tanggal.errors,
            f"Batas pengisian tidak boleh sebelum awal periode ({tanggal_pendek(p.dari)}).",
        ]
        return False
    return True


@bp.route("/<int:tahun>/<kode>/batas", methods=["GET", "POST"])
@roles_required("admin")
def batas(tahun: int, kode: str):
    p = _periode_or_404(tahun, kode)
    if request.method == "POST":
        form = BatasForm()
    else:
        tanggal, jam = svc.lokal(p.batas_pengisian)
        form = BatasForm(formdata=None, data={"tanggal": tanggal, "jam": jam, "version": _versi(p)})
    ctx = _ctx(tahun, p=p, form=form, dialog="batas")
    if (
        request.method == "POST"
        and form.validate()
        and _batas_valid(form, p)
        and not _batas_stale(form, p)
    ):
        row = svc.baris(p)
        row.batas_pengisian = (
            svc.momen(form.tanggal.data, form.jam.data) if form.tanggal.data else None
        )
        db.session.commit()
        flash(
            f"Batas Pengisian {p.nama}: "
            + (_teks(row.batas_pengisian) if row.batas_pengisian else "tidak dibatasi")
            + ".",
            "success",
        )
        if is_htmx():
            return hx_done(oob_replace(_row_html(tahun, p, oob=True)))
        return redirect(_back(tahun))
    status = 422 if request.method == "POST" else 200
    return render_page_or_block(FORM, "batas_dialog", status, **ctx)


# --- Buka Kembali ------------------------------------------------------------------------------


def _buka_html(tahun: int, b: BukaKembali, no: int, oob: bool) -> str:
    return render_block(TEMPLATE, "buka_row", **_ctx(tahun, b=b, no=no, oob=oob))


def _sampai_valid(form) -> bool:
    moment = svc.momen(form.tanggal.data, form.jam.data)
    if moment <= sekarang():
        form.tanggal.errors = [*form.tanggal.errors, SAMPAI_LEWAT]
        return False
    return True


@bp.route("/<int:tahun>/buka-kembali", methods=["GET", "POST"])
@roles_required("admin")
def buka_tambah(tahun: int):
    _tahun_or_404(tahun)
    daftar = svc.periode_tahun(tahun)
    form = BukaKembaliForm(
        data={"periode": periode_dom.periode_kini([p.defn for p in daftar], hari_ini()).kode}
    )
    form.periode.choices = [SelectChoice(p.kode, p.nama) for p in daftar]
    ctx = _ctx(tahun, form=form, dialog="buka")
    if request.method == "POST" and form.validate() and _sampai_valid(form):
        p = next(p for p in daftar if p.kode == form.periode.data)
        pegawai = form.pegawai.pegawai
        row = svc.baris(p)
        ada = db.session.scalar(
            select(BukaKembali).filter_by(periode_id=row.id, pegawai_id=pegawai.id)
        )
        if ada is None:
            try:
                with db.session.begin_nested():
                    ada = BukaKembali(
                        periode_id=row.id,
                        pegawai_id=pegawai.id,
                        sampai=svc.momen(form.tanggal.data, form.jam.data),
                        oleh_id=current_user.id,
                    )
                    db.session.add(ada)
            except IntegrityError:  # the same reopening saved at the same moment by another
                ada = db.session.scalar(
                    select(BukaKembali).filter_by(periode_id=row.id, pegawai_id=pegawai.id)
                )
            else:
                db.session.commit()
                flash(
                    f"{p.nama} dibuka kembali untuk {pegawai.nama} sampai {_teks(ada.sampai)}.",
                    "success",
                )
                if is_htmx():
                    semua = svc.daftar_buka_kembali(tahun)
                    html = oob_append("tbody-buka", _buka_html(tahun, ada, len(semua), False))
                    if len(semua) == 1:
                        html += oob_delete(["buka-kosong"])
                    return hx_done(html)
                return redirect(_back(tahun))
        form.pegawai.errors = [
            *form.pegawai.errors,
            f"{p.nama} sudah dibuka kembali untuk {pegawai.nama} sampai {_teks(ada.sampai)}; "
            "ubah baris itu di daftar Buka Kembali.",
        ]
    status = 422 if request.method == "POST" else 200
    return render_page_or_block(FORM, "buka_dialog", status, **ctx)


@bp.route("/buka-kembali/<int:buka_id>/ubah", methods=["GET", "POST"])
@roles_required("admin")
def buka_ubah(buka_id: int):
    b = _buka_or_404(buka_id)
    tahun = b.periode.tahun
    if request.method == "POST":
        form = SampaiForm()
    else:
        tanggal, jam = svc.lokal(b.sampai)
        form = SampaiForm(
            formdata=None, data={"tanggal": tanggal, "jam": jam, "version": b.version_id}
        )
    ctx = _ctx(tahun, form=form, b=b, dialog="buka_ubah")
    if request.method == "POST" and form.validate() and not stale(form, b) and _sampai_valid(form):
        b.sampai = svc.momen(form.tanggal.data, form.jam.data)
        db.session.commit()
        flash(f"Buka Kembali {b.pegawai.nama} sampai {_teks(b.sampai)}.", "success")
        if is_htmx():
            semua = svc.daftar_buka_kembali(tahun)
            no = next(i for i, x in enumerate(semua, 1) if x.id == b.id)
            return hx_done(oob_replace(_buka_html(tahun, b, no, True)))
        return redirect(_back(tahun))
    status = 422 if request.method == "POST" else 200
    return render_page_or_block(FORM, "buka_ubah_dialog", status, **ctx)


@bp.route("/buka-kembali/<int:buka_id>/hapus", methods=["GET", "POST"])
@roles_required("admin")
def buka_hapus(buka_id: int):
    """POST deletes; GET and HEAD only ask (the page without JavaScript)."""
    b = _buka_or_404(buka_id)
    tahun = b.periode.tahun
    what = f"Buka Kembali {b.pegawai.nama} ({periode_dom.nama(b.periode.jenis, b.periode.nomor, tahun)})"
    if request.method != "POST":
        return confirm_page(what, _back(tahun))
    db.session.delete(b)
    db.session.commit()
    flash(f"{what} dihapus.", "success")
    if not is_htmx():
        return redirect(_back(tahun))
    semua = svc.daftar_buka_kembali(tahun)
    html = oob_renumber((f"buka-no-{x.id}", i) for i, x in enumerate(semua, 1))
    if not semua:
        html += oob_append("tbody-buka", render_block(TEMPLATE, "buka_kosong"))
    return html
