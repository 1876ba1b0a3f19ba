"""Review SKP JPT: the Operator Pengelola Kinerja reads every SKP JPT of their unit kerja and its
sub-units, with each indicator's Manual Indikator, and leaves review notes."""

from flask import Blueprint, abort, current_app, flash, redirect, url_for
from flask_login import current_user

from webapp.domain.status_skp import STATUS_LABEL
from webapp.domain.tanggal import waktu_lokal
from webapp.forms.penetapan import CatatanReviewForm
from webapp.models import Pegawai
from webapp.services import penetapan
from webapp.services.access import roles_required
from webapp.web import is_htmx, paginate, render_blocks, render_page_or_block

bp = Blueprint("review", __name__, url_prefix="/review-skp-jpt")

TEMPLATE = "review/skp.html"


@bp.route("/")
@roles_required("operator", "admin")
def index():
    page = paginate(penetapan.review_query(current_user), search=[Pegawai.nama, Pegawai.nip])
    return render_page_or_block("review/index.html", "table", page=page, status_label=STATUS_LABEL)


def _waktu(dt):
    return waktu_lokal(dt, current_app.config["AGENCY_TIMEZONE"])


def _skp_or_404(skp_id: int):
    skp = penetapan.skp_review(skp_id, current_user)
    if skp is None:
        abort(404)
    return skp


def _ctx(skp, form, **extra):
    return {
        "skp": skp,
        "form": form,
        "view": "review",
        "status_label": STATUS_LABEL,
        "waktu": _waktu,
        **extra,
    }


@bp.route("/<int:skp_id>")
@roles_required("operator", "admin")
def skp(skp_id: int):
    skp = _skp_or_404(skp_id)
    ctx = _ctx(skp, CatatanReviewForm(formdata=None), catatan=penetapan.catatan_review(skp))
    return render_page_or_block(TEMPLATE, "plan", **ctx)


@bp.route("/<int:skp_id>/catatan", methods=["POST"])
@roles_required("operator", "admin")
def catatan(skp_id: int):
    skp = _skp_or_404(skp_id)
    form = CatatanReviewForm()
    if not form.validate():
        ctx = _ctx(skp, form, catatan=penetapan.catatan_review(skp))
        return render_page_or_block(TEMPLATE, "catatan_form", 422, **ctx)
    baru = penetapan.tambah_catatan_review(skp, current_user, form.teks.data)
    flash("Catatan review disimpan.", "success")
    if is_htmx():
        ctx = _ctx(skp, CatatanReviewForm(formdata=None), c=baru, oob=True)
        return render_blocks(TEMPLATE, ["catatan_form", "catatan_item"], **ctx)
    return redirect(url_for(".skp", skp_id=skp.id))
