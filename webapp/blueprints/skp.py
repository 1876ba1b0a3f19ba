"""Rencana SKP: one blueprint per JenisSkp on one engine. `skp_blueprint(JPT)` serves
/skp-jpt, `skp_blueprint(JAJF)` /skp-jajf; the role that owns the kind is checked for every
route at registration. The views are in skp_periode.py, skp_rencana.py and skp_indikator.py, the rules in
webapp.services.skp, the plan in templates/skp/plan.html.
"""

from __future__ import annotations

from flask import Blueprint

from webapp.blueprints import skp_indikator, skp_periode, skp_rencana
from webapp.domain.jenis_skp import JenisSkp
from webapp.domain.status_skp import STATUS_LABEL, can_edit
from webapp.services.access import require_role


def skp_blueprint(jenis: JenisSkp) -> Blueprint:
    """The owner's Rencana SKP screens of one kind."""
    bp = Blueprint(jenis.endpoint, __name__, url_prefix=jenis.url_prefix)
    bp.before_request(require_role(jenis.role))
    for rule, view, methods in skp_periode.ROUTES + skp_rencana.ROUTES + skp_indikator.ROUTES:
        bp.add_url_rule(rule, view_func=view, methods=methods)

    @bp.context_processor
    def _screen_globals():
        return {
            "ep": jenis.endpoint,
            "judul": jenis.judul,
            "J": jenis,
            "STATUS_LABEL": STATUS_LABEL,
            "can_edit": can_edit,
            "AJUKAN_TANYA": skp_periode.AJUKAN_TANYA,
        }

    return bp
