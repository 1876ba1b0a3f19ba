"""Input Umpan Balik (the SKP's Pejabat Penilai, per indicator or per hasil kerja and period:
"Pimpinan : …"; the penilai's page is SKP Bawahan's Realisasi), the Atasan Pejabat Penilai's
read of a bawahan's realisasi, and the bukti dukung download —
served only to the owner, the Pejabat Penilai and the Atasan Pejabat Penilai (404 for anyone
else). The table is the owner's (templates/skp/realisasi_tabel.html); SKP Bawahan includes it too.
"""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, send_file, url_for
from flask_login import current_user, login_required
from jinja2_fragments.flask import render_block

from webapp.extensions import db
from webapp.forms.realisasi import UmpanBalikForm
from webapp.models import UmpanBalik
from webapp.services import bukti_dukung as storage
from webapp.services import periode_penilaian as periode_service
from webapp.services import realisasi as service
from webapp.services.concurrency import STALE, lock_pegawai, stale
from webapp.web import error_page, hx_done, is_htmx, oob_replace, render_dialog

bp = Blueprint("umpan_balik", __name__, cli_group="bukti-dukung")

PAGE = "skp/umpan_balik.html"
PLAN = "skp/plan.html"


def me():
    return current_user._get_current_object()


def _aksi(skp) -> str | None:
    return "penilai" if skp.penilai_id == current_user.id else None


@bp.route("/realisasi-skp/<int:skp_id>")
@login_required
def index(skp_id: int):
    """A bawahan's realisasi for the Atasan Pejabat Penilai (read only); the owner and the
    Pejabat Penilai are sent to their own pages."""
    skp = service.skp_dilihat(skp_id, me())
    if skp.pegawai_id == current_user.id:  # the owner has their own page
        return redirect(url_for(f"{skp_jenis(skp)}_realisasi.index", skp_id=skp.id, **request.args))
    if skp.penilai_id == current_user.id:  # the Pejabat Penilai evaluates in SKP Bawahan
        return redirect(url_for("skp_bawahan.realisasi", skp_id=skp.id, **request.args))
    if skp.status != "disetujui":
        return render_template(PAGE, skp=skp, data=None, belum=service.BELUM_DISETUJUI)
    periode, daftar = periode_service.pilih(skp, request.args.get("periode"))
    data = service.muat(skp, periode, daftar)
    return render_template(PAGE, skp=skp, data=data, aksi=_aksi(skp), periode=periode)


def skp_jenis(skp) -> str:
    from webapp.domain.jenis_skp import jenis_skp

    return jenis_skp(skp.jenis).endpoint


@bp.route(
    "/realisasi-skp/<int:skp_id>/<periode>/umpan-balik/<any(indikator, rencana):target>/"
    "<int:target_id>",
    methods=["GET", "POST"],
)
@login_required
def input(skp_id: int, periode: str, target: str, target_id: int):
    skp = service.skp_dinilai(skp_id, me())
    if target == "indikator":
        if skp.pendekatan != "kuantitatif":
            abort(404)
        obj = service.indikator_of(skp, target_id)
    else:
        if skp.pendekatan != "kualitatif":
            abort(404)
        obj = service.rencana_of(skp, target_id)
    p, daftar = periode_service.pilih(skp, periode)
    if skp.status != "disetujui":
        return _ditolak(service.BELUM_DISETUJUI)
    u = service.umpan_balik(p, target, target_id)
    form = UmpanBalikForm(obj=u) if request.method == "GET" else UmpanBalikForm()
    if request.method == "GET" and u is not None:
        form.version.data = u.version_id
    terkunci = periode_service.alasan_terkunci(p, skp.pegawai_id)
    if request.method == "POST" and form.validate_on_submit():
        lock_pegawai(skp.pegawai_id)
        periode_service.baris(p)
        alasan = periode_service.alasan_terkunci(p, skp.pegawai_id)
        if alasan:
            return _ditolak(alasan)
        u = service.umpan_balik(p, target, target_id)
        if u is None and (form.version.data or "").strip():
            form.teks.errors.append(STALE)
        elif u is None or not stale(form, u):
            if u is None:
                u = UmpanBalik(skp_id=skp.id, periode_id=p.id, **{f"{target}_id": target_id})
                db.session.add(u)
            u.teks, u.oleh_id, u.oleh_nama = form.teks.data, current_user.id, current_user.nama
            db.session.commit()
            flash("Umpan balik tersimpan.", "success")
            return _saved(skp, p, daftar, target, obj)
    return render_dialog(
        PAGE,
        "umpan_dialog",
        422 if request.method == "POST" else 200,
        skp=skp,
        target=target,
        obj=obj,
        form=form,
        periode=p,
        terkunci=terkunci,
        kembali=_kembali(skp, p),
    )


def _kembali_arg() -> str | None:
    """The `kembali` of the request when it is a path of this site (never another host)."""
    nxt = request.args.get("kembali", "")
    if nxt.startswith("/") and not nxt.startswith("//") and "\\" not in nxt:
        return nxt
    return None


def _kembali(skp, p) -> str:
    """Where the dialog returns without JS: the page that included the table (its
    `data.kembali`), else the Pejabat Penilai's Realisasi page in SKP Bawahan."""
    return _kembali_arg() or url_for("skp_bawahan.realisasi", skp_id=skp.id, periode=p.kode)


def _saved(skp, p, daftar, target, obj):
    if not is_htmx():
        return redirect(
            _kembali(skp, p)
            + f"#{'indikator' if target == 'indikator' else 'rencana-row'}-{obj.id}"
        )
    data = service.muat(skp, p, daftar)
    data.kembali = _kembali_arg()
    ctx = dict(skp=skp, view="realisasi", data=data, aksi="penilai", oob=True)
    if target == "indikator":
        html = render_block(PLAN, "indikator_row", i=obj, **ctx)
    else:
        from webapp.services.skp import nomor_rencana

        html = render_block(PLAN, "rencana_row", r=obj, no=nomor_rencana(obj), **ctx)
    return hx_done(oob_replace(html))


def _ditolak(message: str):
    from flask import Response

    db.session.rollback()
    html, status = error_page(409, "Umpan balik tidak dapat disimpan", message)
    response = Response(html, status, mimetype="text/html")
    response.headers["HX-Reswap"] = "none"
    return response


@bp.route("/bukti-dukung/<int:bukti_id>")
@login_required
def unduh(bukti_id: int):
    """The stored file, as an attachment with its stored type, to those who may see the SKP."""
    b = service.bukti_dilihat(bukti_id, me())
    try:
        path = storage.path(b.kunci)
    except ValueError:
        abort(404)
    if not path.is_file():
        abort(404)
    response = send_file(
        path, mimetype=b.tipe, as_attachment=True, download_name=b.nama or "bukti", max_age=0
    )
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Cache-Control"] = "private, no-store"
    return response


@bp.cli.command("sapu")
def sapu_command():
    """Remove bukti dukung files no row refers to any more (older than an hour)."""
    import click
    from sqlalchemy import select

    from webapp.models import BuktiDukung

    dipakai = set(db.session.scalars(select(BuktiDukung.kunci).where(BuktiDukung.kunci != "")))
    removed = storage.sapu(dipakai)
    click.echo(f"{len(removed)} berkas tanpa data dihapus dari {storage.direktori()}.")
