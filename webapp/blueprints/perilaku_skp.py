"""Perilaku SKP (issue 10 §5): every pegawai set as a 360 penilai rates the aspects set for them.

/perilaku-skp/                         the list by Tahun (Cari), paged and searchable
/perilaku-skp/<skp>?periode=tw1        PENILAIAN PERILAKU: only the aspects this person rates
/perilaku-skp/<skp>/aspek/<perilaku>   Input Penilaian: a dialog titled with the aspect, Simpan

Input Penilaian opens over PENILAIAN PERILAKU (the same #modal-root); Simpan answers that
dialog again, with the saved Hasil Penilaian, as the manual shows it. Without JS each is a page.
"""

from flask import Blueprint, abort, flash, redirect, request, url_for
from flask_login import current_user, login_required

from webapp.domain.berakhlak import PERAN_PENILAI, aspek
from webapp.forms.perilaku import PenilaianForm
from webapp.services import penilaian_perilaku as service
from webapp.services import periode_penilaian as periode_service
from webapp.web import is_htmx, paginate, render_dialog, render_page_or_block

bp = Blueprint("perilaku", __name__, url_prefix="/perilaku-skp")

TEMPLATE = "perilaku_skp/penilaian.html"


def me():
    return current_user._get_current_object()


@bp.route("/")
@bp.route("/tahun/<int:tahun>")
@login_required
def index(tahun: int | None = None):
    dipilih = request.args.get("tahun", "")
    if tahun is None and dipilih:  # the Tahun form's Cari (a GET form): a URL of its own
        return redirect(url_for(".index", tahun=int(dipilih)) if dipilih.isdigit() else ".")
    page = paginate(service.dinilai_query(me(), tahun), search=[service.Skp.pegawai_nama])
    return render_page_or_block(
        "perilaku_skp/index.html",
        "table",
        page=page,
        tahun=tahun,
        daftar_tahun=service.tahun_dinilai(me()),
        peran=service.peran_saya(page.items, me()),
        PERAN_PENILAI=PERAN_PENILAI,
    )


def _ctx(skp_id: int):
    skp, daftar = service.skp_dinilai(skp_id, me())
    periode, periode_list = periode_service.pilih(skp, request.args.get("periode"))
    return {
        "skp": skp,
        "daftar": daftar,
        "periode": periode,
        "periode_list": periode_list,
        "terkunci": periode_service.alasan_terkunci(periode, skp.pegawai_id),
    }


def _penilaian_dialog(ctx: dict, status: int = 200):
    return render_dialog(
        TEMPLATE, "penilaian", status, hasil=service.hasil(ctx["skp"], ctx["periode"]), **ctx
    )


@bp.route("/<int:skp_id>")
@login_required
def penilaian(skp_id: int):
    return _penilaian_dialog(_ctx(skp_id))


@bp.route("/<int:skp_id>/aspek/<int:perilaku_id>", methods=["GET", "POST"])
@login_required
def input_penilaian(skp_id: int, perilaku_id: int):
    ctx = _ctx(skp_id)
    skp, periode = ctx["skp"], ctx["periode"]
    perilaku = next((p for p in ctx["daftar"] if p.id == perilaku_id), None)
    if perilaku is None:
        abort(404)
    record = service.hasil(skp, periode).get(perilaku.id)
    form = PenilaianForm()
    if request.method == "GET":
        form.teks.data = record.teks if record else ""
        form.version.data = record.version_id if record else ""
    status, error = 200, ctx["terkunci"]
    if request.method == "POST":
        status = 422
        if form.validate_on_submit():
            try:
                service.simpan(skp, perilaku, periode, me(), form.teks.data, form.version.data)
            except service.Ditolak as e:
                status, error = e.status, e.message
                if e.message == service.STALE:
                    form.teks.errors = [*form.teks.errors, e.message]
                    error = None
            else:
                flash(f"Penilaian {aspek(perilaku.aspek).nama} tersimpan.", "success")
                if is_htmx():
                    return _penilaian_dialog(_ctx(skp_id))
                return redirect(url_for(".penilaian", skp_id=skp.id, periode=periode.kode))
    return render_dialog(
        TEMPLATE, "input", status, form=form, perilaku=perilaku, error=error, **ctx
    )
