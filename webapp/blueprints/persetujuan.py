"""Persetujuan Atasan: the named atasan (or an operator of the pegawai's unit tree) confirms or
refuses a pegawai's own change of Atasan Langsung / II / III (ADR 0012)."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from jinja2_fragments.flask import render_block

from webapp.models import Pegawai
from webapp.services import atasan as atasan_svc
from webapp.web import is_htmx, paginate, render_page_or_block

bp = Blueprint("persetujuan", __name__, url_prefix="/persetujuan-atasan")

TEMPLATE = "persetujuan/index.html"
AKSI = {
    "setujui": ("Setujui", "disetujui"),
    "tolak": ("Tolak", "ditolak"),
}


@bp.route("/")
@login_required
def index():
    page = paginate(atasan_svc.untuk_diputuskan(current_user), search=[Pegawai.nama, Pegawai.nip])
    return render_page_or_block(TEMPLATE, "table", page=page, tingkat=atasan_svc.TINGKAT)


def _permintaan_or_404(permintaan_id: int, lock: bool = False):
    permintaan = atasan_svc.permintaan_untuk(permintaan_id, current_user, lock=lock)
    if permintaan is None:
        abort(404)
    return permintaan


def _putuskan(permintaan_id: int, aksi: str):
    """GET (and HEAD) ask on a confirmation page; only a POST with its token decides."""
    label, hasil = AKSI[aksi]
    if request.method != "POST":
        permintaan = _permintaan_or_404(permintaan_id)
        return render_template(
            "persetujuan/konfirmasi.html",
            r=permintaan,
            aksi=label,
            tingkat=atasan_svc.TINGKAT,
        )
    permintaan = _permintaan_or_404(permintaan_id, lock=True)
    pegawai, tingkat_label = permintaan.pegawai, atasan_svc.TINGKAT[permintaan.tingkat][0]
    try:
        if aksi == "setujui":
            atasan_svc.setujui(permintaan, current_user)
        else:
            atasan_svc.tolak(permintaan, current_user)
    except atasan_svc.PermintaanError as e:
        flash(str(e), "error")
        if is_htmx():
            row = render_block(TEMPLATE, "row", r=permintaan, no="", tingkat=atasan_svc.TINGKAT)
            return row
        return redirect(url_for(".index"))
    flash(
        f"{tingkat_label} {pegawai.nama}: {permintaan.atasan.nama} {hasil}.",
        "success",
    )
    return "" if is_htmx() else redirect(url_for(".index"))


@bp.route("/<int:permintaan_id>/setujui", methods=["GET", "POST"])
@login_required
def setujui(permintaan_id: int):
    return _putuskan(permintaan_id, "setujui")


@bp.route("/<int:permintaan_id>/tolak", methods=["GET", "POST"])
@login_required
def tolak(permintaan_id: int):
    return _putuskan(permintaan_id, "tolak")
