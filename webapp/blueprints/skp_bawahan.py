"""SKP Bawahan: the Pejabat Penilai's list of their people's SKP, the target view, penetapan
(Setujui / Kembalikan) with the Ekspektasi Khusus Pimpinan per perilaku aspect, and the
Realisasi page with Input Data-Data Realisasi (capaian, ratings, predikat; issue 10 §3)."""

from flask import Blueprint, abort, flash, redirect, request, url_for
from flask_login import current_user, login_required
from jinja2_fragments.flask import render_block

from webapp.domain import predikat as predikat_domain
from webapp.domain.status_skp import STATUS_LABEL, StatusError, transition
from webapp.extensions import db
from webapp.forms.data_realisasi import DataRealisasiForm
from webapp.forms.penetapan import EkspektasiForm, KembalikanForm, SetujuiForm
from webapp.models import Pegawai
from webapp.services import evaluasi as evaluasi_service
from webapp.services import penetapan
from webapp.services import realisasi as realisasi_service
from webapp.services import skp as skp_service
from webapp.web import (
    confirm_page,
    hx_done,
    is_htmx,
    oob_replace,
    paginate,
    render_blocks,
    render_dialog,
    render_page_or_block,
)

bp = Blueprint("skp_bawahan", __name__, url_prefix="/skp-bawahan")

TEMPLATE = "skp_bawahan/target.html"
PLAN = "skp/plan.html"
EKSPEKTASI_TERTUTUP = penetapan.EKSPEKTASI_TERTUTUP


@bp.route("/")
@bp.route("/tahun/<int:tahun>")
@login_required
def index(tahun: int | None = None):
    page = paginate(
        penetapan.skp_bawahan_query(current_user, tahun),
        search=[Pegawai.nama, Pegawai.nip],
    )
    return render_page_or_block(
        "skp_bawahan/index.html",
        "table",
        page=page,
        tahun=tahun,
        daftar_tahun=penetapan.tahun_skp_bawahan(current_user),
        status_label=STATUS_LABEL,
    )


def _skp_or_404(skp_id: int, with_plan: bool = True):
    skp = penetapan.skp_bawahan(skp_id, current_user, with_plan=with_plan)
    if skp is None:
        abort(404)
    return skp


def _ctx(skp, **extra):
    return {
        "skp": skp,
        "status_label": STATUS_LABEL,
        "view": "atasan",
        "SETUJUI_TANYA": SETUJUI_TANYA,
        "KEMBALIKAN_TANYA": KEMBALIKAN_TANYA,
        **extra,
    }


def _perilaku_oob(skp, perilaku=None) -> str:
    """The perilaku rows out of band (their Ekspektasi buttons follow the status)."""
    rows = [perilaku] if perilaku is not None else skp.perilaku
    return oob_replace(
        "".join(render_block(PLAN, "perilaku_row", **_ctx(skp, p=p, oob=True)) for p in rows)
    )


@bp.route("/<int:skp_id>")
@login_required
def target(skp_id: int):
    skp = _skp_or_404(skp_id)
    return render_page_or_block(TEMPLATE, "plan", **_ctx(skp))


SETUJUI_TANYA = "Setujui SKP ini? Setelah disetujui, SKP tidak dapat diubah oleh pegawai."
KEMBALIKAN_TANYA = "Kembalikan SKP ini kepada pegawai untuk diperbaiki?"


@bp.route("/<int:skp_id>/setujui", methods=["GET", "POST"])
@login_required
def setujui(skp_id: int):
    """POST approves; GET (and HEAD) only asks: the page without JS (htmx asks by hx-confirm)."""
    skp = _skp_or_404(skp_id)
    SetujuiForm()  # CSRF is checked globally; the form documents the button
    try:
        if request.method != "POST":
            transition(skp.status, "setujui")  # a page that could only fail says so at once
            back = url_for(".target", skp_id=skp.id)
            return confirm_page("SKP", back, aksi="Setujui", pertanyaan=SETUJUI_TANYA)
        skp_service.setujui(skp, current_user)
    except StatusError as e:
        return render_page_or_block(TEMPLATE, "penetapan", 409, **_ctx(skp, error=str(e)))
    flash("SKP disetujui.", "success")
    if is_htmx():
        return render_blocks(TEMPLATE, ["penetapan"], **_ctx(skp)) + _perilaku_oob(skp)
    return redirect(url_for(".target", skp_id=skp.id))


@bp.route("/<int:skp_id>/kembalikan", methods=["GET", "POST"])
@login_required
def kembalikan(skp_id: int):
    skp = _skp_or_404(skp_id)
    form = KembalikanForm()
    if form.is_submitted():
        try:
            if form.validate():
                skp_service.kembalikan(skp, current_user, form.catatan.data)
                flash("SKP dikembalikan kepada pegawai.", "success")
                if is_htmx():
                    penetapan_oob = render_blocks(TEMPLATE, ["penetapan"], **_ctx(skp, oob=True))
                    return hx_done(oob_replace(penetapan_oob) + _perilaku_oob(skp))
                return redirect(url_for(".target", skp_id=skp.id))
        except StatusError as e:
            return render_page_or_block(
                TEMPLATE,
                "kembalikan",
                409,
                **_ctx(skp, form=form, dialog="kembalikan", error=str(e)),
            )
        return render_page_or_block(
            TEMPLATE, "kembalikan", 422, **_ctx(skp, form=form, dialog="kembalikan")
        )
    return render_page_or_block(TEMPLATE, "kembalikan", **_ctx(skp, form=form, dialog="kembalikan"))


@bp.route("/<int:skp_id>/perilaku/<int:aspek>/ekspektasi", methods=["GET", "POST"])
@login_required
def ekspektasi(skp_id: int, aspek: int):
    skp = _skp_or_404(skp_id)
    perilaku = next((p for p in skp.perilaku if p.aspek == aspek), None)
    if perilaku is None:
        abort(404)
    form = EkspektasiForm(data={"ekspektasi": perilaku.ekspektasi})
    ctx = _ctx(skp, form=form, perilaku=perilaku, dialog="ekspektasi")
    if form.is_submitted():
        if not form.validate():
            return render_page_or_block(TEMPLATE, "ekspektasi", 422, **ctx)
        try:
            penetapan.simpan_ekspektasi(skp, current_user, aspek, form.ekspektasi.data)
        except StatusError as e:
            return render_page_or_block(TEMPLATE, "ekspektasi", 409, **ctx, error=str(e))
        flash("Ekspektasi Khusus Pimpinan disimpan.", "success")
        if is_htmx():
            return hx_done(_perilaku_oob(skp, perilaku))
        return redirect(url_for(".target", skp_id=skp.id))
    if not penetapan.ekspektasi_terbuka(skp):
        return render_page_or_block(TEMPLATE, "ekspektasi", 409, **ctx, error=EKSPEKTASI_TERTUTUP)
    return render_page_or_block(TEMPLATE, "ekspektasi", **ctx)


# --- Realisasi: the penilai's evaluation of a period -----------------------------------------

REALISASI = "skp_bawahan/realisasi.html"


def _halaman_or_404(skp_id: int, with_plan: bool = True) -> evaluasi_service.Halaman:
    h = evaluasi_service.halaman(
        skp_id, current_user, request.args.get("periode"), with_plan=with_plan
    )
    if h is None:
        abort(404)
    return h


def _distribusi_url(h) -> str:
    return url_for("distribusi.index", tahun=h.periode.tahun, periode=h.periode.kode)


def _tabel(h):
    """The realisasi table's data: the owner's table (templates/skp/realisasi_tabel.html) with
    the penilai's row action, Input Umpan Balik, whose dialog returns here without JS."""
    data = realisasi_service.muat(h.skp, h.periode, h.periode_list)
    data.kembali = url_for(".realisasi", skp_id=h.skp.id, periode=h.periode.kode)
    return data


def _realisasi_ctx(h, **extra):
    if "data" not in extra and not is_htmx():  # a dialog without JS is the whole page
        extra["data"] = _tabel(h)
    return {
        "h": h,
        "skp": h.skp,
        "periode": h.periode,
        "periode_list": h.periode_list,
        "view": "penilai",
        # Called by the warning's block only (a dialog alone does not need the check).
        "cek_distribusi": lambda: evaluasi_service.cek_distribusi(current_user.id, h.periode),
        "distribusi_url": _distribusi_url(h),
        "CAPAIAN_LABEL": predikat_domain.CAPAIAN_LABEL,
        "RATING_LABEL": predikat_domain.RATING_LABEL,
        "PREDIKAT_LABEL": predikat_domain.PREDIKAT_LABEL,
        "status_label": STATUS_LABEL,
        **extra,
    }


@bp.route("/<int:skp_id>/realisasi")
@login_required
def realisasi(skp_id: int):
    h = _halaman_or_404(skp_id)
    return render_page_or_block(REALISASI, "realisasi", **_realisasi_ctx(h, data=_tabel(h)))


def _data_awal(h) -> dict:
    """The dialog's values: what is saved, else the proposals (the leader's capaian, and for a
    bawahan who leads a unit the Rating Hasil Kerja from their own capaian)."""
    e = h.evaluasi
    capaian = h.capaian.capaian if h.capaian else (e.capaian_organisasi if e else None)
    return {
        "capaian": capaian or "",
        "rating_hasil": (e.rating_hasil if e else None) or h.usulan or "",
        "rating_perilaku": (e.rating_perilaku if e else None) or "",
        "version": evaluasi_service._versi(e),
        "versi_capaian": evaluasi_service._versi(h.capaian),
    }


@bp.route("/<int:skp_id>/realisasi/data", methods=["GET", "POST"])
@login_required
def data_realisasi(skp_id: int):
    """Input Data-Data Realisasi: a dialog (a page without JS) whose Simpan writes the leader's
    capaian and the SKP's ratings for the period; the predikat follows from the ratings."""
    # Under htmx the dialog and its out-of-band answer show no plan; the page without JS does.
    h = _halaman_or_404(skp_id, with_plan=not is_htmx())
    form = DataRealisasiForm(data=_data_awal(h))
    usulan = h.usulan if not (h.evaluasi and h.evaluasi.rating_hasil) else None
    ctx = _realisasi_ctx(h, form=form, dialog="data", usulan=usulan)
    if form.is_submitted():
        if not form.validate():
            return render_page_or_block(REALISASI, "data_dialog", 422, **ctx)
        try:
            evaluasi_service.simpan(
                h,
                current_user,
                form.capaian.data,
                form.rating_hasil.data or None,
                form.rating_perilaku.data or None,
                form.version.data,
                form.versi_capaian.data,
            )
        except evaluasi_service.EvaluasiError as e:
            db.session.rollback()
            if e.status == 404:
                abort(404)
            return render_page_or_block(REALISASI, "data_dialog", e.status, **ctx, error=str(e))
        db.session.commit()
        flash("Data realisasi disimpan.", "success")
        if is_htmx():
            blocks = render_blocks(
                REALISASI, ["ringkasan", "peringatan", "penilaian"], **_realisasi_ctx(h, oob=True)
            )
            return hx_done(oob_replace(blocks))
        return redirect(url_for(".realisasi", skp_id=h.skp.id, periode=h.periode.kode))
    if h.tertutup:
        return render_page_or_block(REALISASI, "data_dialog", 409, **ctx, error=h.tertutup)
    return render_page_or_block(REALISASI, "data_dialog", **ctx)


@bp.route("/pola-distribusi")
@login_required
def pola_distribusi():
    """The curve of a capaian, for the dialog's Pola Distribusi when Capaian changes (htmx)."""
    capaian = request.args.get("capaian", "")
    if capaian not in predikat_domain.CAPAIAN_LABEL:
        capaian = None
    return render_dialog(
        REALISASI,
        "pola",
        capaian=capaian,
        CAPAIAN_LABEL=predikat_domain.CAPAIAN_LABEL,
    )
