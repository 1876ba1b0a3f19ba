"""Rencana SKP: Kinerja Utama / Tambahan with Salin, and the helpers skp_periode.py and
skp_indikator.py share. The
views serve every JenisSkp: `jenis()` is the kind of the blueprint answering (see skp.py).

Every route answers a page without htmx and a fragment with it.
"""

from __future__ import annotations

from flask import Response, abort, flash, redirect, request, url_for
from flask_login import current_user
from jinja2_fragments.flask import render_block
from sqlalchemy.exc import IntegrityError

from webapp.domain.jenis_skp import BAGIAN, BY_ENDPOINT, JenisSkp
from webapp.domain.status_skp import STATUS_LABEL, can_edit
from webapp.extensions import db
from webapp.forms import EmptyForm
from webapp.forms.skp import IndikatorKualitatifForm, RencanaForm
from webapp.models import RencanaHasilKerja, Skp
from webapp.services import in_use, intervensi
from webapp.services import skp as service
from webapp.services.concurrency import lock_pegawai, stale
from webapp.web import (
    confirm_page,
    error_page,
    hx_done,
    is_htmx,
    oob_insert,
    oob_renumber,
    oob_replace,
    render_dialog,
)

LIST = "skp/periode.html"
SCREEN = "skp/target.html"  # Target SKP: the owner's screen and its dialogs
PLAN = "skp/plan.html"  # the plan's rows, shared with SKP Bawahan and Review
KUALITATIF_PREFIX = "ind"


def jenis() -> JenisSkp:
    """The JenisSkp of the blueprint serving this request."""
    return BY_ENDPOINT[request.blueprint]


def me():
    return current_user._get_current_object()


def require_editable(skp: Skp) -> None:
    """A submitted or approved SKP is read-only to its owner: 403 with the reason."""
    if can_edit(skp.status):
        return
    message = (
        f"SKP ini berstatus {STATUS_LABEL[skp.status]} dan tidak dapat diubah. "
        "Perubahan hanya dapat dilakukan setelah SKP dikembalikan oleh Pejabat Penilai Kinerja."
    )
    html, status = error_page(403, "SKP tidak dapat diubah", message)
    abort(Response(html, status, mimetype="text/html"))


def lock_editable(skp: Skp) -> None:
    """First in a write: take the owner's lock, then check under it that the SKP is still
    editable (an Ajukan from another tab that committed first wins)."""
    lock_pegawai(skp.pegawai_id)
    require_editable(skp)


def submitted(form, skp: Skp, record=None) -> bool:
    """A valid POST of an SKP's form, taken under the owner's lock while the SKP is still
    editable, made on the current version of `record` (a stale save is refused on the form)."""
    if not form.validate_on_submit():
        return False
    lock_editable(skp)
    return record is None or not stale(form, record)


def deleted(message: str, renumbered, prefix: str, back: str):
    """After a Hapus: htmx renumbers the rows that follow (the row itself goes by its swap)."""
    flash(message, "success")
    if is_htmx():
        return Response(oob_renumber((f"{prefix}-{i}", n) for i, n in renumbered), 200)
    return redirect(back)


def versioned(form, record):
    """An edit form opened on `record` carries its version (a stale save is refused)."""
    if request.method == "GET" and record is not None:
        form.version.data = record.version_id
    return form


def form_status() -> int:
    """A form shown again after a POST is a refused input: 422 (htmx swaps it)."""
    return 422 if request.method == "POST" else 200


def target_url(skp: Skp, anchor: str = "") -> str:
    return url_for(".target", skp_id=skp.id) + (f"#{anchor}" if anchor else "")


def confirmed() -> None:
    """A POST of a button-only form: its CSRF token is checked."""
    if not EmptyForm().validate_on_submit():
        abort(400)


# --- Shared by the Hapus of a period and of a rencana --------------------------------------


def tetap(alasan: str):
    """A Hapus refused because another record points here: 409 with the reason; the row stays."""
    db.session.rollback()
    html, status = error_page(409, "Tidak dapat dihapus", alasan)
    response = Response(html, status, mimetype="text/html")
    response.headers["HX-Reswap"] = "none"
    return response


def hapus_kecuali_dipakai(rencana_ids: list[int], subjek: str, hapus):
    """Run `hapus()` unless another SKP intervenes, or the Matrik Peran Hasil divides, one of
    the results (checked in the delete's transaction; RESTRICT is the database's backstop)."""
    alasan = in_use.alasan_rencana_tetap(rencana_ids, subjek)
    if alasan:
        return tetap(alasan)
    try:
        return hapus()
    except IntegrityError:
        db.session.rollback()
        return tetap(in_use.alasan_rencana_tetap(rencana_ids, subjek) or f"{subjek} dipakai.")


# --- Rencana (Kinerja Utama / Kinerja Tambahan) ----------------------------------------------


def _rencana_label(skp: Skp, bagian: str) -> str:
    if skp.pendekatan == "kualitatif":
        return (
            "Hasil Kerja (Kinerja Utama)" if bagian == "utama" else "Hasil Kerja (Kinerja Tambahan)"
        )
    return "Rencana Kinerja (Kinerja Utama)" if bagian == "utama" else "Kinerja tambahan"


def _salin_from(bagian: str) -> str | None:
    """Where this section's Salin copies from: "pk", "mph" (Kinerja Utama only) or None."""
    return jenis().salin_utama if bagian == "utama" else None


def rencana_dialog(skp, rencana, bagian, form, status=200, iform=None):
    form.teks.label.text = _rencana_label(skp, bagian)
    if iform is None and rencana is not None and skp.pendekatan == "kualitatif":
        iform = IndikatorKualitatifForm(prefix=KUALITATIF_PREFIX, formdata=None)
    salin = _salin_from(bagian)
    if salin == "mph":
        form.intervensi_id.choices = intervensi.pilihan_atasan(skp)
    return render_dialog(
        SCREEN,
        "rencana_dialog",
        status,
        skp=skp,
        r=rencana,
        bagian=bagian,
        form=form,
        iform=iform,
        pk=service.pk_of(skp) if salin == "pk" else None,
        peran=intervensi.peran_skp(skp) if salin == "mph" else None,
        editable=True,
    )


def _salin(skp: Skp, bagian: str, form: RencanaForm) -> int | None:
    """Salin: the button posts the sasaran's (JPT) or the role's (JA/JF) id; its text goes into
    the form, shown again (nothing is saved). The dialog's status, or None for no Salin."""
    salin = request.form.get("salin")
    if request.method != "POST" or not salin:
        return None
    if _salin_from(bagian) == "mph":
        peran = intervensi.peran_of(skp, salin)
        if peran is None:
            form.teks.errors = [intervensi.PERAN_TIDAK_DITEMUKAN]  # not validated: a tuple
            return 422
        form.teks.data = peran.teks
        form.intervensi_id.data = str(peran.rencana.id)
        form.peran_id.data = str(peran.peran_id)
        return 200
    sasaran = service.sasaran_of(skp, salin)
    if sasaran is not None:
        form.teks.data = sasaran.teks
        form.sasaran_id.data = str(sasaran.id)
    return 200


def _apply_intervensi(skp: Skp, form: RencanaForm, rencana: RencanaHasilKerja) -> bool:
    """JA/JF Kinerja Utama: the chosen leader's result, refused unless the atasan's; the role
    it was copied from, refused unless given to the owner."""
    leader = peran = None
    if form.intervensi_id.data:
        leader = intervensi.intervensi_of(skp, form.intervensi_id.data)
        if leader is None:
            form.intervensi_id.errors.append(intervensi.TIDAK_DITEMUKAN)
    if form.peran_id.data:
        peran = intervensi.peran_of(skp, form.peran_id.data)
        if peran is None:
            form.teks.errors.append(intervensi.PERAN_TIDAK_DITEMUKAN)
    if form.intervensi_id.errors or form.teks.errors:
        return False
    rencana.intervensi = leader
    rencana.peran_id = peran.peran_id if peran else None
    return True


def _apply_rencana(skp: Skp, form: RencanaForm, rencana: RencanaHasilKerja) -> bool:
    if _salin_from(rencana.bagian) == "mph" and not _apply_intervensi(skp, form, rencana):
        return False
    sasaran = None
    if form.sasaran_id.data:
        sasaran = service.sasaran_of(skp, form.sasaran_id.data)
        if sasaran is None:
            form.teks.errors.append(
                f"Sasaran Strategis tidak ada pada Perjanjian Kinerja tahun {skp.tahun}."
            )
            return False
    rencana.teks = form.teks.data
    rencana.sasaran = sasaran
    return True


def rencana_tambah(skp_id: int, bagian: str):
    if bagian not in BAGIAN:
        abort(404)
    skp = service.own_skp(jenis(), skp_id, me(), full=True)
    require_editable(skp)
    form = RencanaForm()
    salin = _salin(skp, bagian, form)
    if salin:
        return rencana_dialog(skp, None, bagian, form, salin)
    if submitted(form, skp):  # numbering under the lock, and no change after Ajukan
        rencana = service.tambah_rencana(skp, bagian)
        if _apply_rencana(skp, form, rencana):
            skp.rencana.append(rencana)
            db.session.commit()
            flash("Rencana tersimpan.", "success")
            return _rencana_saved(skp, rencana, inserted=True)
    return rencana_dialog(skp, None, bagian, form, form_status())


def plan_block(block: str, skp: Skp, **context) -> str:
    """A block of the plan as the owner sees it."""
    return render_block(PLAN, block, skp=skp, view="owner", editable=True, **context)


def _rencana_saved(skp: Skp, rencana: RencanaHasilKerja, inserted: bool):
    if not is_htmx():
        if skp.pendekatan == "kualitatif" and inserted:
            return redirect(url_for(".rencana_edit", rencana_id=rencana.id))
        return redirect(target_url(skp, f"rencana-{rencana.id}"))
    no = service.nomor_rencana(rencana)
    if inserted:
        where = (
            "beforebegin:#skp-tambahan-head"
            if rencana.bagian == "utama"
            else "beforeend:#skp-hasil"
        )
        oob = oob_insert(plan_block("rencana_group", skp, r=rencana, no=no), where, "table")
    else:
        oob = oob_replace(plan_block("rencana_row", skp, r=rencana, no=no, oob=True))
    if skp.pendekatan == "kualitatif" and inserted:
        # The dialog stays open on the new hasil kerja so its indicators can be added.
        dialog, _ = rencana_dialog(skp, rencana, rencana.bagian, RencanaForm(obj=rencana))
        return hx_done(dialog + oob, trigger="")
    return hx_done(oob)


def rencana_edit(rencana_id: int):
    rencana = service.own_rencana(jenis(), rencana_id, me())
    skp = rencana.skp
    require_editable(skp)
    form = versioned(RencanaForm(obj=rencana), rencana)
    salin = _salin(skp, rencana.bagian, form)
    if salin:
        return rencana_dialog(skp, rencana, rencana.bagian, form, salin)
    if submitted(form, skp, rencana) and _apply_rencana(skp, form, rencana):
        db.session.commit()
        flash("Rencana diubah.", "success")
        return _rencana_saved(skp, rencana, inserted=False)
    return rencana_dialog(skp, rencana, rencana.bagian, form, form_status())


def rencana_hapus(rencana_id: int):
    rencana = service.own_rencana(jenis(), rencana_id, me())
    skp = rencana.skp
    require_editable(skp)
    if request.method != "POST":
        alasan = in_use.alasan_rencana_tetap([rencana.id])
        if alasan:  # the page without JS says so at once instead of asking
            return tetap(alasan)
        return confirm_page(f"rencana \u201c{rencana.teks}\u201d", target_url(skp))
    confirmed()
    lock_editable(skp)

    def go():
        renumbered = service.hapus_rencana(rencana)
        return deleted("Rencana dihapus.", renumbered, "rencana-no", target_url(skp))

    return hapus_kecuali_dipakai([rencana.id], "Rencana ini", go)


GET_POST = ["GET", "POST"]
ROUTES = [
    ("/<int:skp_id>/rencana/tambah/<bagian>", rencana_tambah, GET_POST),
    ("/rencana/<int:rencana_id>/edit", rencana_edit, GET_POST),
    ("/rencana/<int:rencana_id>/hapus", rencana_hapus, GET_POST),
]
