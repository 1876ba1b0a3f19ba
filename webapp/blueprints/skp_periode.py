"""Rencana SKP: the owner's periods (list, Tambah, Edit, Hapus), Target SKP and Ajukan. The
views serve every JenisSkp (see skp.py); the helpers are in skp_rencana.py.
"""

from __future__ import annotations

from flask import Response, current_app, flash, redirect, render_template, request, url_for
from jinja2_fragments.flask import render_block

from webapp.blueprints.skp_rencana import (
    LIST,
    SCREEN,
    confirmed,
    deleted,
    form_status,
    hapus_kecuali_dipakai,
    jenis,
    lock_editable,
    me,
    require_editable,
    submitted,
    target_url,
    tetap,
    versioned,
)
from webapp.domain.status_skp import can_edit
from webapp.domain.tanggal import periode_pendek, waktu_lokal
from webapp.extensions import db
from webapp.forms.skp import PeriodeForm
from webapp.models import Skp
from webapp.services import in_use, penetapan
from webapp.services import skp as service
from webapp.services.concurrency import lock_pegawai
from webapp.web import (
    confirm_page,
    hx_done,
    is_htmx,
    oob_delete,
    oob_insert,
    oob_renumber,
    oob_replace,
    paginate,
    render_dialog,
    render_page_or_block,
)

# --- Periode SKP -----------------------------------------------------------------------------


def _periode_valid(form: PeriodeForm, skp: Skp | None) -> bool:
    problems = service.periode_problems(
        me(), form.dari.data, form.sampai.data, form.pendekatan.data, skp
    )
    for field, message in problems:
        getattr(form, field).errors.append(message)
    return not problems


def index():
    return render_page_or_block(LIST, "tabel", page=paginate(service.periode_query(jenis(), me())))


def tambah():
    form = PeriodeForm()
    valid = form.validate_on_submit()
    if valid:
        lock_pegawai(me().id)  # the overlap rule holds for simultaneous Tambah too
    if valid and _periode_valid(form, None):
        p = form
        skp = service.new_skp(me(), jenis().kode, p.pendekatan.data, p.dari.data, p.sampai.data)
        db.session.add(skp)
        db.session.commit()
        flash("Periode SKP tersimpan.", "success")
        if is_htmx():
            return hx_done(_periode_placed(skp))
        return redirect(url_for(".index"))
    return render_dialog(LIST, "periode_dialog", form_status(), form=form, skp=None)


def _periode_placed(skp: Skp, all_rows: bool = False) -> str:
    """The SKP's row inserted out of band at its place by Dari; the rows after it renumbered
    (every row when `all_rows`: it moved)."""
    no, following, renumbered = service.posisi_periode(skp)
    where = f"beforebegin:#skp-{following}" if following else "beforeend:#periode-rows"
    row = oob_insert(render_block(LIST, "periode_row", skp=skp, no=no), where)
    if all_rows:
        renumbered = [(sid, n) for sid, n in service.posisi_periode_semua(skp) if sid != skp.id]
    return row + oob_renumber((f"skp-no-{sid}", n) for sid, n in renumbered)


def edit(skp_id: int):
    skp = service.own_skp(jenis(), skp_id, me())
    require_editable(skp)
    form = versioned(PeriodeForm(obj=skp), skp)
    if submitted(form, skp, skp) and _periode_valid(form, skp):
        before = service.nomor_periode(skp)
        skp.dari, skp.sampai = form.dari.data, form.sampai.data
        skp.tahun = skp.dari.year
        skp.pendekatan = form.pendekatan.data
        db.session.commit()
        flash("Periode SKP diubah.", "success")
        if is_htmx():
            no = service.nomor_periode(skp)
            if no == before:
                row = render_block(LIST, "periode_row", skp=skp, no=no, oob=True)
                return hx_done(oob_replace(row))
            # A new Dari moves the row: out of its old place, into the new, all renumbered.
            return hx_done(oob_delete([f"skp-{skp.id}"]) + _periode_placed(skp, all_rows=True))
        return redirect(url_for(".index"))
    return render_dialog(LIST, "periode_dialog", form_status(), form=form, skp=skp)


def hapus(skp_id: int):
    skp = service.own_skp(jenis(), skp_id, me())
    require_editable(skp)
    ids = [r.id for r in skp.rencana]
    subjek = f"Rencana SKP periode {periode_pendek(skp.dari, skp.sampai)}"
    if request.method != "POST":
        alasan = in_use.alasan_rencana_tetap(ids, subjek)
        if alasan:  # the page without JS says so at once instead of asking
            return tetap(alasan)
        return confirm_page(f"periode {periode_pendek(skp.dari, skp.sampai)}", url_for(".index"))
    confirmed()
    lock_editable(skp)

    def go():
        renumbered = service.hapus_periode(skp)
        return deleted("Periode SKP dihapus.", renumbered, "skp-no", url_for(".index"))

    return hapus_kecuali_dipakai(ids, subjek, go)


# --- Target SKP and Ajukan ---------------------------------------------------------------------


def target(skp_id: int):
    skp = service.own_skp(jenis(), skp_id, me(), full=True)
    return render_template(
        SCREEN,
        skp=skp,
        editable=can_edit(skp.status),
        catatan=penetapan.catatan_review(skp),  # the operator's Catatan Review, read-only
        waktu=lambda dt: waktu_lokal(dt, current_app.config["AGENCY_TIMEZONE"]),
    )


AJUKAN_TANYA = (
    "Ajukan SKP ini kepada Pejabat Penilai Kinerja? Setelah diajukan, SKP tidak dapat diubah "
    "sampai dikembalikan oleh Pejabat Penilai Kinerja."
)


def ajukan(skp_id: int):
    """POST submits; GET (and HEAD) only asks: the page without JS (htmx asks by hx-confirm)."""
    skp = service.own_skp(jenis(), skp_id, me(), full=True)
    require_editable(skp)
    if request.method != "POST":
        return confirm_page("SKP", target_url(skp), aksi="Ajukan", pertanyaan=AJUKAN_TANYA)
    confirmed()
    lock_editable(skp)
    problems = service.ajukan(skp, me())
    if problems:
        return render_dialog(SCREEN, "ajukan_dialog", 422, skp=skp, problems=problems)
    flash("SKP diajukan kepada Pejabat Penilai Kinerja.", "success")
    if is_htmx():
        response = Response("", 200)
        response.headers["HX-Redirect"] = target_url(skp)
        return response
    return redirect(target_url(skp))


GET_POST = ["GET", "POST"]
ROUTES = [
    ("/", index, ["GET"]),
    ("/tambah", tambah, GET_POST),
    ("/<int:skp_id>/edit", edit, GET_POST),
    ("/<int:skp_id>/hapus", hapus, GET_POST),
    ("/<int:skp_id>", target, ["GET"]),
    ("/<int:skp_id>/ajukan", ajukan, GET_POST),
]
