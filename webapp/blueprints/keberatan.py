"""Keberatan (issue 10 §6): the owner objects to a predikat; the Atasan Pejabat Penilai decides.

/keberatan/                          the objections this pegawai decides (menu "Keberatan", shown
                                     while there is any)
/keberatan/ajukan/<evaluasi>         the owner's dialog (from the evaluation summary): Alasan,
                                     Ajukan; afterwards it shows the objection and its decision
/keberatan/<keberatan>/putuskan      the decision: Predikat tetap / diubah (Predikat Baru),
                                     Penjelasan, Simpan
"""

from urllib.parse import urlsplit

from flask import (
    Blueprint,
    Response,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_login import current_user, login_required
from jinja2_fragments.flask import render_block

from webapp.domain.predikat import PREDIKAT_LABEL
from webapp.domain.tanggal import waktu_lokal
from webapp.forms.perilaku import KeberatanForm, KeputusanForm
from webapp.models import Keberatan, Skp
from webapp.services import keberatan as service
from webapp.services.concurrency import STALE
from webapp.services.penilaian_perilaku import Ditolak
from webapp.web import hx_done, is_htmx, oob_replace, paginate, render_dialog, render_page_or_block

bp = Blueprint("keberatan", __name__, url_prefix="/keberatan")

TEMPLATE = "keberatan/index.html"
RINGKAS = "skp/_evaluasi_ringkas.html"


def me():
    return current_user._get_current_object()


@bp.app_template_global()
def ringkasan_evaluasi(skp, periode, evaluasi):
    """For skp/_evaluasi_ringkas.html, whoever's page includes it."""
    return service.ringkasan(skp, periode, evaluasi)


@bp.app_template_filter("waktu_lokal")
def waktu_lokal_filter(dt):
    """A stored timestamp in the agency's zone: "24 Nov 2026 09:26 WIB"."""
    return waktu_lokal(dt, current_app.config["AGENCY_TIMEZONE"]) if dt else ""


@bp.route("/")
@login_required
def index():
    page = paginate(service.daftar_query(me()), search=[Skp.pegawai_nama, Keberatan.alasan])
    return render_page_or_block(
        TEMPLATE, "table", page=page, PREDIKAT_LABEL=PREDIKAT_LABEL, periode_of=service.periode_of
    )


def _local(url: str | None) -> str | None:
    """A "next" URL only if it stays on this site."""
    if url and url.startswith("/") and not url.startswith("//") and "\\" not in url:
        return url
    return None


def _on_this_page() -> bool:
    """An htmx POST from this dialog's own page (its URL opened directly, with JS on): the
    summary it would update is not there, so the page reloads instead."""
    return urlsplit(request.headers.get("HX-Current-URL", "")).path == request.path


@bp.route("/ajukan/<int:evaluasi_id>", methods=["GET", "POST"])
@login_required
def ajukan(evaluasi_id: int):
    evaluasi = service.evaluasi_milik(evaluasi_id, me())
    periode = service.periode_of(evaluasi)
    back = _local(request.args.get("next"))
    form = KeberatanForm()
    status, error = 200, None
    if request.method == "POST":
        status = 422
        if form.validate_on_submit():
            try:
                service.ajukan(evaluasi, form.alasan.data)
            except Ditolak as e:
                status, error = e.status, e.message
            else:
                flash("Keberatan diajukan kepada Atasan Pejabat Penilai.", "success")
                here = url_for(".ajukan", evaluasi_id=evaluasi.id, next=back)
                if is_htmx() and _on_this_page():  # opened as a page, not as a dialog
                    return Response("", 200, headers={"HX-Redirect": here})
                if is_htmx():
                    ringkas = render_template(
                        RINGKAS, skp=evaluasi.skp, periode=periode, evaluasi=evaluasi, oob=True
                    )
                    return hx_done(oob_replace(ringkas))
                return redirect(here)
    if error is None and evaluasi.keberatan is None:
        error = service.boleh_ajukan(evaluasi)
    return render_dialog(
        TEMPLATE,
        "ajukan",
        status,
        form=form,
        evaluasi=evaluasi,
        periode=periode,
        error=error,
        back=back,
        PREDIKAT_LABEL=PREDIKAT_LABEL,
    )


@bp.route("/<int:keberatan_id>/putuskan", methods=["GET", "POST"])
@login_required
def putuskan(keberatan_id: int):
    keberatan = service.keberatan_pemutus(keberatan_id, me())
    evaluasi = keberatan.evaluasi
    form = KeputusanForm(semula=keberatan.predikat_semula)
    if request.method == "GET":
        form.version.data = keberatan.version_id
    status, error = 200, service.SUDAH_DIPUTUS if keberatan.keputusan else None
    if request.method == "POST":
        status = 422
        if form.validate_on_submit():
            try:
                service.putuskan(
                    keberatan,
                    me(),
                    form.keputusan.data,
                    form.predikat_baru.data or None,
                    form.penjelasan.data,
                    form.version.data,
                )
            except Ditolak as e:
                status, error = e.status, e.message
                if e.message == STALE:
                    form.penjelasan.errors = [*form.penjelasan.errors, STALE]
                    error = None
            else:
                flash("Keputusan keberatan disimpan.", "success")
                if is_htmx():
                    cells = render_block(
                        TEMPLATE,
                        "keputusan_cells",
                        k=keberatan,
                        oob=True,
                        PREDIKAT_LABEL=PREDIKAT_LABEL,
                    )
                    return hx_done(oob_replace(cells))
                return redirect(url_for(".index"))
    return render_dialog(
        TEMPLATE,
        "putuskan",
        status,
        form=form,
        k=keberatan,
        evaluasi=evaluasi,
        periode=service.periode_of(evaluasi),
        error=error,
        PREDIKAT_LABEL=PREDIKAT_LABEL,
    )
