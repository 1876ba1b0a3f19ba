"""Dashboard: the pegawai's start page."""

from flask import Blueprint, render_template
from flask_login import current_user, login_required

from webapp.services import atasan as atasan_svc

bp = Blueprint("dashboard", __name__)


@bp.route("/")
@login_required
def index():
    return render_template(
        "dashboard/index.html",
        user=current_user,
        menunggu=atasan_svc.menunggu(current_user),
        ada_persetujuan=atasan_svc.ada_untuk_diputuskan(current_user),
    )
