"""Rencana SKP, second half: indicators (both models), Manual Indikator and Set Penilai.

Registered into each kind's blueprint by skp.skp_blueprint; which fields an indicator has
follows the JenisSkp (perspektif; aspek with Target Range) and the model, not the kind's name.
"""

from __future__ import annotations

from flask import Response, flash, redirect, request, url_for
from wtforms.fields.choices import SelectChoice

from webapp.blueprints.skp_rencana import (
    GET_POST,
    KUALITATIF_PREFIX,
    SCREEN,
    confirmed,
    form_status,
    jenis,
    lock_editable,
    me,
    plan_block,
    rencana_dialog,
    require_editable,
    submitted,
    target_url,
    versioned,
)
from webapp.domain.angka import format_angka
from webapp.domain.berakhlak import PERAN_PENILAI, aspek
from webapp.domain.intervensi import label_target
from webapp.domain.status_skp import can_edit
from webapp.extensions import db
from webapp.forms.skp import (
    IndikatorForm,
    IndikatorKualitatifForm,
    IndikatorTambahanForm,
    ManualIndikatorForm,
    RencanaForm,
    SetPenilaiForm,
)
from webapp.models import Indikator, ManualIndikator, RencanaHasilKerja, Skp
from webapp.services import skp as service
from webapp.web import (
    confirm_page,
    hx_done,
    is_htmx,
    oob_delete,
    oob_insert,
    oob_renumber,
    oob_replace,
    render_dialog,
)

# --- Indikator -------------------------------------------------------------------------------


def _kualitatif(rencana: RencanaHasilKerja) -> bool:
    return rencana.skp.pendekatan == "kualitatif"


def _aspek(rencana: RencanaHasilKerja) -> bool:
    """Whether the indicator has an aspek and may have a Target Range (never in the kualitatif
    model, whose indicators are ukuran keberhasilan without a number)."""
    return not _kualitatif(rencana) and jenis().aspek_on(rencana.bagian)


def _salin_pk(rencana: RencanaHasilKerja) -> bool:
    """Whether the dialog offers the PK's indicators to Salin (JPT Kinerja Utama)."""
    return jenis().salin_utama == "pk" and rencana.bagian == "utama"


def _indikator_form(rencana: RencanaHasilKerja, obj: Indikator | None = None):
    if _kualitatif(rencana):
        # Editing opens over the hasil kerja's own Tambah form: its ids must differ from it.
        prefix = KUALITATIF_PREFIX if obj is None else f"ubah-{KUALITATIF_PREFIX}"
        return versioned(IndikatorKualitatifForm(prefix=prefix, obj=obj), obj)
    if _aspek(rencana):
        form = IndikatorTambahanForm(obj=obj)
        if obj is not None and request.method == "GET":
            form.jenis_target.data = "range" if obj.target_atas is not None else "satuan"
        form.target.label.text, form.satuan.label.text = label_target(form.aspek.data)
    else:
        form = IndikatorForm(obj=obj)
    if not jenis().perspektif:
        del form.perspektif
    return versioned(form, obj)


def _salin_indikator(rencana: RencanaHasilKerja, form: IndikatorForm) -> bool:
    salin = request.form.get("salin")
    if request.method != "POST" or not salin:
        return False
    source = service.indikator_sasaran_of(rencana.skp, salin)
    if source is not None:
        form.teks.data = source.teks
        form.target.data = _angka(source.target)
        if source.satuan in {c.value for c in form.satuan.choices}:
            form.satuan.data = source.satuan
        form.indikator_sasaran_id.data = str(source.id)
    return True


def _angka(value) -> str:
    return format_angka(value).replace(".", ",")


def _indikator_dialog(rencana, indikator, form, status=200):
    if _kualitatif(rencana) and indikator is None:
        # Kualitatif indicators are added in the hasil kerja's dialog (No, Indikator, Edit, Hapus).
        return rencana_dialog(
            rencana.skp, rencana, rencana.bagian, RencanaForm(obj=rencana), status, iform=form
        )
    if indikator is not None and request.method == "GET" and not _kualitatif(rencana):
        form.target.data = _angka(indikator.target)
        if _aspek(rencana) and indikator.target_atas is not None:
            form.target_atas.data = _angka(indikator.target_atas)
    return render_dialog(
        SCREEN,
        "indikator_dialog",
        status,
        skp=rencana.skp,
        r=rencana,
        i=indikator,
        kualitatif=_kualitatif(rencana),
        aspek=_aspek(rencana),
        form=form,
        pk_sasaran=service.pk_sasaran(rencana) if _salin_pk(rencana) else None,
    )


def _apply_indikator(rencana: RencanaHasilKerja, form, indikator: Indikator) -> bool:
    """Copy a valid form into the indicator; False (nothing changed) when its PK link is foreign."""
    skp = rencana.skp
    source = None
    if not _kualitatif(rencana) and form.indikator_sasaran_id.data:
        source = service.indikator_sasaran_of(skp, form.indikator_sasaran_id.data)
        if source is None:
            form.teks.errors.append(
                f"Indikator tidak ada pada Perjanjian Kinerja tahun {skp.tahun}."
            )
            return False
    indikator.teks = form.teks.data
    if _kualitatif(rencana):
        return True
    indikator.target = form.target.decimal
    indikator.satuan = form.satuan.data
    if form.perspektif:
        indikator.perspektif = form.perspektif.data
    indikator.indikator_sasaran_id = source.id if source else None
    if _aspek(rencana):
        indikator.aspek = form.aspek.data
        ranged = form.jenis_target.data == "range"
        indikator.target_atas = form.target_atas.decimal if ranged else None
    return True


def _indikator_saved(rencana: RencanaHasilKerja, indikator: Indikator, inserted: bool):
    skp = rencana.skp
    if not is_htmx():
        if _kualitatif(rencana):
            return redirect(url_for(".rencana_edit", rencana_id=rencana.id))
        return redirect(target_url(skp, f"indikator-{indikator.id}"))
    if inserted:
        row = plan_block("indikator_row", skp, i=indikator)
        oob = oob_insert(row, f"beforeend:#rencana-{rencana.id}")
    else:
        oob = oob_replace(plan_block("indikator_row", skp, i=indikator, oob=True))
    if _kualitatif(rencana):
        dialog, _ = rencana_dialog(skp, rencana, rencana.bagian, RencanaForm(obj=rencana))
        return hx_done(dialog + oob, trigger="")
    return hx_done(oob)


def indikator_tambah(rencana_id: int):
    rencana = service.own_rencana(jenis(), rencana_id, me())
    require_editable(rencana.skp)
    form = _indikator_form(rencana)
    if _salin_pk(rencana) and not _kualitatif(rencana) and _salin_indikator(rencana, form):
        return _indikator_dialog(rencana, None, form)
    if submitted(form, rencana.skp):  # numbering under the lock, and no change after Ajukan
        urutan = max((i.urutan for i in rencana.indikator), default=0) + 1
        indikator = Indikator(urutan=urutan)
        if _apply_indikator(rencana, form, indikator):
            rencana.indikator.append(indikator)
            db.session.commit()
            flash("Indikator tersimpan.", "success")
            return _indikator_saved(rencana, indikator, inserted=True)
    return _indikator_dialog(rencana, None, form, form_status())


def indikator_edit(indikator_id: int):
    indikator = service.own_indikator(jenis(), indikator_id, me())
    rencana = indikator.rencana
    require_editable(rencana.skp)
    form = _indikator_form(rencana, obj=indikator)
    if _salin_pk(rencana) and not _kualitatif(rencana) and _salin_indikator(rencana, form):
        return _indikator_dialog(rencana, indikator, form)
    if submitted(form, rencana.skp, indikator) and _apply_indikator(rencana, form, indikator):
        db.session.commit()
        flash("Indikator diubah.", "success")
        return _indikator_saved(rencana, indikator, inserted=False)
    return _indikator_dialog(rencana, indikator, form, form_status())


def indikator_hapus(indikator_id: int):
    indikator = service.own_indikator(jenis(), indikator_id, me())
    rencana = indikator.rencana
    skp = rencana.skp
    require_editable(skp)
    kualitatif = _kualitatif(rencana)
    back = url_for(".rencana_edit", rencana_id=rencana.id) if kualitatif else target_url(skp)
    if request.method != "POST":
        return confirm_page(f"indikator \u201c{indikator.teks}\u201d", back)
    confirmed()
    lock_editable(skp)
    indikator_id = indikator.id
    renumbered = service.hapus_indikator(indikator)
    flash("Indikator dihapus.", "success")
    if not is_htmx():
        return redirect(back if kualitatif else target_url(skp, f"rencana-{rencana.id}"))
    if kualitatif:
        # Deleted from the hasil kerja's dialog: the page's row goes too, the list renumbers.
        cells = oob_renumber((f"dlg-no-{iid}", n) for iid, n in renumbered)
        return Response(cells + oob_delete([f"indikator-{indikator_id}"]), 200)
    return Response("", 200)


# --- Manual Indikator ------------------------------------------------------------------------


def manual(indikator_id: int):
    indikator = service.own_indikator(jenis(), indikator_id, me())
    skp = indikator.rencana.skp
    return render_dialog(
        SCREEN,
        "manual_view",
        skp=skp,
        i=indikator,
        m=indikator.manual or ManualIndikator(),
        editable=can_edit(skp.status),
    )


def manual_edit(indikator_id: int):
    indikator = service.own_indikator(jenis(), indikator_id, me())
    skp = indikator.rencana.skp
    require_editable(skp)
    form = versioned(ManualIndikatorForm(obj=indikator.manual), indikator.manual)
    if submitted(form, skp, indikator.manual):
        if indikator.manual is None:
            indikator.manual = ManualIndikator()
        form.populate_obj(indikator.manual)
        db.session.commit()
        flash("Manual Indikator tersimpan.", "success")
        if is_htmx():
            return hx_done()
        return redirect(url_for(".manual", indikator_id=indikator.id))
    return render_dialog(SCREEN, "manual_dialog", form_status(), skp=skp, i=indikator, form=form)


# --- Set Penilai -----------------------------------------------------------------------------


def _calon(peran: str) -> list:
    """Who the owner's profile offers for a peran."""
    user = me()
    if peran == "atasan":
        return [user.atasan_langsung] if user.atasan_langsung else []
    if peran == "bawahan":
        return user.bawahan()
    return list(user.rekan)


KOSONG = {
    "atasan": "Atasan Langsung belum diisi. Lengkapi di menu Ubah Profile.",
    "bawahan": "Belum ada Bawahan pada profil Anda. Lengkapi di menu Ubah Profile.",
    "rekan": "Belum ada Rekan Kerja pada profil Anda. Lengkapi di menu Ubah Profile.",
}


def _chosen(form: SetPenilaiForm, calon: dict):
    peran = form.peran.data
    if not calon[peran]:
        form.peran.errors.append(KOSONG[peran])
        return None
    if peran == "atasan" or len(calon[peran]) == 1:
        return calon[peran][0]
    field = form.bawahan_id if peran == "bawahan" else form.rekan_id
    chosen = next((p for p in calon[peran] if str(p.id) == field.data), None)
    if chosen is None:
        field.errors.append(f"Pilih salah satu {PERAN_PENILAI[peran]}.")
    return chosen


def penilai(perilaku_id: int):
    perilaku = service.own_perilaku(jenis(), perilaku_id, me())
    skp: Skp = perilaku.skp
    require_editable(skp)
    calon = {peran: _calon(peran) for peran in ("atasan", "bawahan", "rekan")}
    form = versioned(SetPenilaiForm(), perilaku)
    form.bawahan_id.choices = [SelectChoice(str(p.id), p.nama) for p in calon["bawahan"]]
    form.rekan_id.choices = [SelectChoice(str(p.id), p.nama) for p in calon["rekan"]]
    if request.method == "GET":
        form.peran.data = perilaku.penilai_peran
        if perilaku.penilai_peran == "bawahan":
            form.bawahan_id.data = str(perilaku.penilai_id)
        elif perilaku.penilai_peran == "rekan":
            form.rekan_id.data = str(perilaku.penilai_id)
    chosen = _chosen(form, calon) if submitted(form, skp, perilaku) else None
    if chosen is not None:
        perilaku.penilai_peran = form.peran.data
        perilaku.penilai = chosen
        db.session.commit()
        flash(f"Penilai aspek {aspek(perilaku.aspek).nama} tersimpan.", "success")
        if is_htmx():
            return hx_done(oob_replace(plan_block("perilaku_row", skp, p=perilaku, oob=True)))
        return redirect(target_url(skp, f"perilaku-{perilaku.id}"))
    return render_dialog(
        SCREEN,
        "penilai_dialog",
        form_status(),
        skp=skp,
        p=perilaku,
        form=form,
        calon=calon,
        kosong=KOSONG,
    )


ROUTES = [
    ("/rencana/<int:rencana_id>/indikator/tambah", indikator_tambah, GET_POST),
    ("/indikator/<int:indikator_id>/edit", indikator_edit, GET_POST),
    ("/indikator/<int:indikator_id>/hapus", indikator_hapus, GET_POST),
    ("/indikator/<int:indikator_id>/manual", manual, ["GET"]),
    ("/indikator/<int:indikator_id>/manual/edit", manual_edit, GET_POST),
    ("/perilaku/<int:perilaku_id>/penilai", penilai, GET_POST),
]
