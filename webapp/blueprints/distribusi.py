"""Distribusi Predikat (issue 10 §4): a leader's check of the predikat they gave in a period
against the curve of the Capaian Kinerja Organisasi they chose (rules.md §2).

Reached from SKP Bawahan. Scoped to the logged-in user: it shows only the SKPs whose Pejabat
Penilai they are, so a pegawai who rates nobody sees the empty state, never others' data.
The period is chosen by a GET form (Tahun, Periode, Tampilkan) that works without JavaScript;
its answer redirects to the period's own URL, so paging the bawahan list keeps the period.
"""

from __future__ import annotations

from flask import Blueprint, abort, redirect, request, url_for
from flask_login import current_user, login_required

from webapp.domain import kurva
from webapp.domain import periode_penilaian as periode_dom
from webapp.domain.predikat import CAPAIAN_LABEL, PREDIKAT_LABEL, PREDIKAT_LABEL_KURVA
from webapp.services import distribusi as svc
from webapp.services import periode_penilaian as periode_svc
from webapp.services.penetapan import tahun_skp_bawahan
from webapp.services.periode_penilaian import hari_ini
from webapp.web import paginate, render_page_or_block

bp = Blueprint("distribusi", __name__, url_prefix="/skp-bawahan/distribusi")

TEMPLATE = "distribusi/index.html"
TAHUN_MIN, TAHUN_MAKS = 2000, 2100


@bp.record_once
def _globals(state) -> None:
    """The curve macro (templates/partials/kurva.html) is used by other screens' templates too."""
    state.app.jinja_env.globals.update(
        kurva_svg=kurva.kurva_svg,
        kurva_judul=kurva.judul,
        label_capaian=lambda c: CAPAIAN_LABEL.get(c or "", ""),
    )


def _tahun(value) -> int | None:
    text = str(value or "").strip()
    if not (text.isascii() and text.isdigit() and len(text) == 4):
        return None
    tahun = int(text)
    return tahun if TAHUN_MIN <= tahun <= TAHUN_MAKS else None


def _render(tahun: int, kode: str | None):
    if not TAHUN_MIN <= tahun <= TAHUN_MAKS:
        abort(404)
    daftar = periode_svc.periode_tahun(tahun)
    if kode is None:
        kini = periode_dom.periode_kini([p.defn for p in daftar], hari_ini())
        periode = next(p for p in daftar if p.defn == kini)
    else:
        periode = next((p for p in daftar if p.kode == kode), None)
        if periode is None:
            abort(404)
    cek = svc.cek(current_user.id, tahun, periode.kode)
    page = paginate(
        svc.skp_bawahan_periode(current_user.id, tahun, periode.dari, periode.sampai),
        search=[svc.Pegawai.nama, svc.Pegawai.nip],
    )
    predikat = svc.predikat_skp([s.id for s in page.items], tahun, periode.kode)
    daftar_tahun = sorted({*tahun_skp_bawahan(current_user), hari_ini().year, tahun}, reverse=True)
    return render_page_or_block(
        TEMPLATE,
        "bawahan",
        tahun=tahun,
        periode=periode,
        daftar=daftar,
        daftar_tahun=daftar_tahun,
        cek=cek,
        page=page,
        predikat=predikat,
        PREDIKAT_LABEL=PREDIKAT_LABEL,
        PREDIKAT_LABEL_KURVA=PREDIKAT_LABEL_KURVA,
    )


@bp.route("/")
@login_required
def index():
    """The current period; with ?tahun=…&periode=… (the form) the chosen one's URL."""
    if "tahun" in request.args or "periode" in request.args:
        tahun = _tahun(request.args.get("tahun"))
        kode = (request.args.get("periode") or "").strip()
        if tahun is None or periode_dom.dari_kode(kode) is None:
            abort(404)
        return redirect(url_for(".periode", tahun=tahun, kode=kode))
    # This year, or the latest year the user rates anyone in when this year has no SKP yet.
    tahun = hari_ini().year
    daftar = tahun_skp_bawahan(current_user)
    if daftar and tahun not in daftar:
        tahun = daftar[0]
    return _render(tahun, None)


@bp.route("/<int:tahun>/<kode>")
@login_required
def periode(tahun: int, kode: str):
    return _render(tahun, kode)
