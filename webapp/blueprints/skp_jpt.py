"""Rencana SKP JPT: the owner's periods, targets (both models), Manual Indikator, Set Penilai, Ajukan.

Every route answers a page without htmx and a fragment with it; the templates in skp/ take the
endpoint prefix `ep` so the JA/JF screens can reuse them.
"""

from __future__ import annotations

from flask import (
    Blueprint,
    Response,
    abort,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_login import current_user
from jinja2_fragments.flask import render_block
from sqlalchemy import func, select
from sqlalchemy.orm import joinedload, selectinload
from wtforms.fields.choices import SelectChoice

from webapp.domain.angka import format_angka
from webapp.domain.berakhlak import PERAN_PENILAI, aspek
from webapp.domain.periode import periode_errors
from webapp.domain.status_skp import (
    STATUS_LABEL,
    RencanaRingkas,
    can_edit,
    kekurangan,
    transition,
)
from webapp.domain.tanggal import periode_pendek
from webapp.extensions import db
from webapp.forms import EmptyForm
from webapp.forms.fields import as_id
from webapp.forms.skp import (
    IndikatorForm,
    IndikatorKualitatifForm,
    IndikatorTambahanForm,
    ManualIndikatorForm,
    PeriodeForm,
    RencanaForm,
    SetPenilaiForm,
)
from webapp.models import (
    Indikator,
    IndikatorSasaran,
    ManualIndikator,
    PerilakuKerja,
    PerjanjianKinerja,
    RencanaHasilKerja,
    SasaranStrategis,
    Skp,
)
from webapp.services.access import roles_required
from webapp.services.skp import new_skp
from webapp.web import (
    confirm_page,
    error_page,
    hx_done,
    is_htmx,
    paginate,
    render_dialog,
    render_page_or_block,
)

bp = Blueprint("skp_jpt", __name__, url_prefix="/skp-jpt")

JENIS = "JPT"
LIST = "skp/periode.html"
SCREEN = "skp/rencana.html"
KUALITATIF_PREFIX = "ind"


@bp.context_processor
def _screen_globals():
    return {"ep": "skp_jpt", "judul": "JPT", "STATUS_LABEL": STATUS_LABEL, "can_edit": can_edit}


# --- loading records the current user owns (404 for anyone else's) -------------------------


def _skp_or_404(skp_id: int, full: bool = False) -> Skp:
    stmt = select(Skp).where(Skp.id == skp_id)
    if full:
        stmt = stmt.options(
            selectinload(Skp.rencana).selectinload(RencanaHasilKerja.indikator),
            selectinload(Skp.perilaku).joinedload(PerilakuKerja.penilai),
        )
    skp = db.session.scalar(stmt)
    if skp is None or skp.pegawai_id != current_user.id or skp.jenis != JENIS:
        abort(404)
    return skp


def _rencana_or_404(rencana_id: int) -> RencanaHasilKerja:
    rencana = db.session.scalar(
        select(RencanaHasilKerja)
        .where(RencanaHasilKerja.id == rencana_id)
        .options(joinedload(RencanaHasilKerja.skp), selectinload(RencanaHasilKerja.indikator))
    )
    if rencana is None or rencana.skp.pegawai_id != current_user.id or rencana.skp.jenis != JENIS:
        abort(404)
    return rencana


def _indikator_or_404(indikator_id: int) -> Indikator:
    indikator = db.session.scalar(
        select(Indikator)
        .where(Indikator.id == indikator_id)
        .options(joinedload(Indikator.rencana).joinedload(RencanaHasilKerja.skp))
    )
    if indikator is None:
        abort(404)
    skp = indikator.rencana.skp
    if skp.pegawai_id != current_user.id or skp.jenis != JENIS:
        abort(404)
    return indikator


def _perilaku_or_404(perilaku_id: int) -> PerilakuKerja:
    perilaku = db.session.scalar(
        select(PerilakuKerja)
        .where(PerilakuKerja.id == perilaku_id)
        .options(joinedload(PerilakuKerja.skp))
    )
    if perilaku is None or perilaku.skp.pegawai_id != current_user.id:
        abort(404)
    if perilaku.skp.jenis != JENIS:
        abort(404)
    return perilaku


def _require_editable(skp: Skp) -> None:
    """A submitted or approved SKP is read-only to its owner: 403 with the reason."""
    if can_edit(skp.status):
        return
    message = (
        f"SKP ini berstatus {STATUS_LABEL[skp.status]} dan tidak dapat diubah. "
        "Perubahan hanya dapat dilakukan setelah SKP dikembalikan oleh Pejabat Penilai Kinerja."
    )
    html, status = error_page(403, "SKP tidak dapat diubah", message)
    abort(Response(html, status, mimetype="text/html"))


def _status() -> int:
    """A form shown again after a POST is a refused input: 422 (htmx swaps it)."""
    return 422 if request.method == "POST" else 200


def _target_url(skp: Skp, anchor: str = "") -> str:
    return url_for(".target", skp_id=skp.id) + (f"#{anchor}" if anchor else "")


# --- Periode SKP -----------------------------------------------------------------------------


def _nomor_periode(skp: Skp) -> int:
    """The row number of an SKP in the list (ordered by creation)."""
    return db.session.scalar(
        select(func.count(Skp.id)).where(
            Skp.pegawai_id == skp.pegawai_id, Skp.jenis == JENIS, Skp.id <= skp.id
        )
    )


def _periode_valid(form: PeriodeForm, skp: Skp | None) -> bool:
    others = db.session.execute(
        select(Skp.dari, Skp.sampai).where(
            Skp.pegawai_id == current_user.id, Skp.id != (skp.id if skp else -1)
        )
    ).all()
    problems = periode_errors(form.dari.data, form.sampai.data, [tuple(p) for p in others])
    if skp is not None and form.pendekatan.data != skp.pendekatan and skp.rencana:
        problems.append(
            ("pendekatan", "Pendekatan tidak dapat diubah karena Rencana SKP sudah diisi.")
        )
    for field, message in problems:
        getattr(form, field).errors.append(message)
    return not problems


@bp.route("/")
@roles_required("jpt")
def index():
    stmt = select(Skp).where(Skp.pegawai_id == current_user.id, Skp.jenis == JENIS).order_by(Skp.id)
    return render_page_or_block(LIST, "tabel", page=paginate(stmt))


@bp.route("/tambah", methods=["GET", "POST"])
@roles_required("jpt")
def tambah():
    form = PeriodeForm()
    if form.validate_on_submit() and _periode_valid(form, None):
        skp = new_skp(
            current_user._get_current_object(),
            JENIS,
            form.pendekatan.data,
            form.dari.data,
            form.sampai.data,
        )
        db.session.add(skp)
        db.session.commit()
        flash("Periode SKP tersimpan.", "success")
        if is_htmx():
            row = render_block(LIST, "periode_row", skp=skp, no=_nomor_periode(skp), oob="insert")
            return hx_done(row)
        return redirect(url_for(".index"))
    return render_dialog(LIST, "periode_dialog", _status(), form=form, skp=None)


@bp.route("/<int:skp_id>/edit", methods=["GET", "POST"])
@roles_required("jpt")
def edit(skp_id: int):
    skp = _skp_or_404(skp_id)
    _require_editable(skp)
    form = PeriodeForm(obj=skp)
    if form.validate_on_submit() and _periode_valid(form, skp):
        skp.dari, skp.sampai = form.dari.data, form.sampai.data
        skp.tahun = skp.dari.year
        skp.pendekatan = form.pendekatan.data
        db.session.commit()
        flash("Periode SKP diubah.", "success")
        if is_htmx():
            row = render_block(LIST, "periode_row", skp=skp, no=_nomor_periode(skp), oob="replace")
            return hx_done(row)
        return redirect(url_for(".index"))
    return render_dialog(LIST, "periode_dialog", _status(), form=form, skp=skp)


@bp.route("/<int:skp_id>/hapus", methods=["GET", "POST"])
@roles_required("jpt")
def hapus(skp_id: int):
    skp = _skp_or_404(skp_id)
    _require_editable(skp)
    if request.method != "POST":
        return confirm_page(f"periode {_periode(skp)}", url_for(".index"))
    if not EmptyForm().validate_on_submit():
        abort(400)
    following = db.session.scalars(
        select(Skp.id)
        .where(Skp.pegawai_id == current_user.id, Skp.jenis == JENIS, Skp.id > skp.id)
        .order_by(Skp.id)
    ).all()
    first = _nomor_periode(skp)
    db.session.delete(skp)
    db.session.commit()
    flash("Periode SKP dihapus.", "success")
    if is_htmx():
        renumber = [(f"skp-no-{sid}", first + n) for n, sid in enumerate(following)]
        return Response(render_block(LIST, "renumber", cells=renumber), 200)
    return redirect(url_for(".index"))


def _periode(skp: Skp) -> str:
    return periode_pendek(skp.dari, skp.sampai)


# --- Target SKP: the plan --------------------------------------------------------------------


def _baris(skp: Skp) -> list[tuple]:
    """(section, None) heads and (no, rencana) rows in page order: A. UTAMA then B. TAMBAHAN."""
    rows: list[tuple] = []
    for jenis in ("utama", "tambahan"):
        rows.append((jenis, None))
        rows += list(enumerate((r for r in skp.rencana if r.jenis == jenis), start=1))
    return rows


def _nomor_rencana(rencana: RencanaHasilKerja) -> int:
    same = [r.id for r in rencana.skp.rencana if r.jenis == rencana.jenis]
    return same.index(rencana.id) + 1


@bp.route("/<int:skp_id>")
@roles_required("jpt")
def target(skp_id: int):
    skp = _skp_or_404(skp_id, full=True)
    return render_template(SCREEN, skp=skp, baris=_baris(skp), editable=can_edit(skp.status))


@bp.route("/<int:skp_id>/ajukan", methods=["POST"])
@roles_required("jpt")
def ajukan(skp_id: int):
    skp = _skp_or_404(skp_id, full=True)
    _require_editable(skp)
    if not EmptyForm().validate_on_submit():
        abort(400)
    problems = kekurangan(
        [RencanaRingkas(r.jenis, r.teks, len(r.indikator)) for r in skp.rencana],
        [aspek(p.aspek).nama for p in skp.perilaku if p.penilai_id is None],
    )
    if skp.penilai_id is None:
        problems.append(
            "Pejabat Penilai Kinerja belum ada: Atasan Langsung kosong saat SKP ini dibuat."
        )
    if problems:
        return render_dialog(SCREEN, "ajukan_dialog", 422, skp=skp, problems=problems)
    skp.status = transition(skp.status, "ajukan")
    db.session.commit()
    flash("SKP diajukan kepada Pejabat Penilai Kinerja.", "success")
    if is_htmx():
        response = Response("", 200)
        response.headers["HX-Redirect"] = _target_url(skp)
        return response
    return redirect(_target_url(skp))


# --- Rencana (Kinerja Utama / Kinerja Tambahan) ----------------------------------------------


def _pk(skp: Skp) -> PerjanjianKinerja | None:
    return db.session.scalar(
        select(PerjanjianKinerja)
        .where(PerjanjianKinerja.pegawai_id == skp.pegawai_id, PerjanjianKinerja.tahun == skp.tahun)
        .options(selectinload(PerjanjianKinerja.sasaran).selectinload(SasaranStrategis.indikator))
    )


def _sasaran_of(skp: Skp, sasaran_id) -> SasaranStrategis | None:
    """A sasaran of the owner's PK of the SKP's year, or None."""
    sid = as_id(sasaran_id)  # a hidden field: past 2^31 it is no id (PostgreSQL's integer)
    if sid is None:
        return None
    return db.session.scalar(
        select(SasaranStrategis)
        .join(PerjanjianKinerja)
        .where(
            SasaranStrategis.id == sid,
            PerjanjianKinerja.pegawai_id == skp.pegawai_id,
            PerjanjianKinerja.tahun == skp.tahun,
        )
    )


def _rencana_label(skp: Skp, jenis: str) -> str:
    if skp.pendekatan == "kualitatif":
        return (
            "Hasil Kerja (Kinerja Utama)" if jenis == "utama" else "Hasil Kerja (Kinerja Tambahan)"
        )
    return "Rencana Kinerja (Kinerja Utama)" if jenis == "utama" else "Kinerja tambahan"


def _rencana_dialog(skp, rencana, jenis, form, status=200, iform=None):
    form.teks.label.text = _rencana_label(skp, jenis)
    if iform is None and rencana is not None and skp.pendekatan == "kualitatif":
        iform = IndikatorKualitatifForm(prefix=KUALITATIF_PREFIX, formdata=None)
    return render_dialog(
        SCREEN,
        "rencana_dialog",
        status,
        skp=skp,
        r=rencana,
        jenis=jenis,
        form=form,
        iform=iform,
        pk=_pk(skp) if jenis == "utama" else None,
        editable=True,
    )


def _salin_sasaran(skp: Skp, form: RencanaForm) -> bool:
    """No-JS Salin: the button posts the sasaran id; copy its text into the form."""
    salin = request.form.get("salin")
    if request.method != "POST" or not salin:
        return False
    sasaran = _sasaran_of(skp, salin)
    if sasaran is not None:
        form.teks.data = sasaran.teks
        form.sasaran_id.data = str(sasaran.id)
    return True


def _apply_rencana(skp: Skp, form: RencanaForm, rencana: RencanaHasilKerja) -> bool:
    sasaran = None
    if form.sasaran_id.data:
        sasaran = _sasaran_of(skp, form.sasaran_id.data)
        if sasaran is None:
            form.teks.errors.append(
                f"Sasaran Strategis tidak ada pada Perjanjian Kinerja tahun {skp.tahun}."
            )
            return False
    rencana.teks = form.teks.data
    rencana.sasaran = sasaran
    return True


@bp.route("/<int:skp_id>/rencana/tambah/<jenis>", methods=["GET", "POST"])
@roles_required("jpt")
def rencana_tambah(skp_id: int, jenis: str):
    if jenis not in ("utama", "tambahan"):
        abort(404)
    skp = _skp_or_404(skp_id, full=True)
    _require_editable(skp)
    form = RencanaForm()
    if _salin_sasaran(skp, form):
        return _rencana_dialog(skp, None, jenis, form)
    if form.validate_on_submit():
        urutan = max((r.urutan for r in skp.rencana if r.jenis == jenis), default=0) + 1
        rencana = RencanaHasilKerja(jenis=jenis, urutan=urutan)
        if _apply_rencana(skp, form, rencana):
            skp.rencana.append(rencana)
            db.session.commit()
            flash("Rencana tersimpan.", "success")
            return _rencana_saved(skp, rencana, inserted=True)
    return _rencana_dialog(skp, None, jenis, form, _status())


def _rencana_saved(skp: Skp, rencana: RencanaHasilKerja, inserted: bool):
    if not is_htmx():
        if skp.pendekatan == "kualitatif" and inserted:
            return redirect(url_for(".rencana_edit", rencana_id=rencana.id))
        return redirect(_target_url(skp, f"rencana-{rencana.id}"))
    no = _nomor_rencana(rencana)
    if inserted:
        where = (
            "beforebegin:#skp-tambahan-head" if rencana.jenis == "utama" else "beforeend:#skp-hasil"
        )
        oob = render_block(
            SCREEN, "rencana_group", skp=skp, r=rencana, no=no, insert=where, editable=True
        )
    else:
        oob = render_block(
            SCREEN, "rencana_row", skp=skp, r=rencana, no=no, oob=True, editable=True
        )
    if skp.pendekatan == "kualitatif" and inserted:
        # The dialog stays open on the new hasil kerja so its indicators can be added.
        dialog, _ = _rencana_dialog(skp, rencana, rencana.jenis, RencanaForm(obj=rencana))
        return hx_done(dialog + oob, trigger="")
    return hx_done(oob)


@bp.route("/rencana/<int:rencana_id>/edit", methods=["GET", "POST"])
@roles_required("jpt")
def rencana_edit(rencana_id: int):
    rencana = _rencana_or_404(rencana_id)
    skp = rencana.skp
    _require_editable(skp)
    form = RencanaForm(obj=rencana)
    if _salin_sasaran(skp, form):
        return _rencana_dialog(skp, rencana, rencana.jenis, form)
    if form.validate_on_submit() and _apply_rencana(skp, form, rencana):
        db.session.commit()
        flash("Rencana diubah.", "success")
        return _rencana_saved(skp, rencana, inserted=False)
    return _rencana_dialog(skp, rencana, rencana.jenis, form, _status())


@bp.route("/rencana/<int:rencana_id>/hapus", methods=["GET", "POST"])
@roles_required("jpt")
def rencana_hapus(rencana_id: int):
    rencana = _rencana_or_404(rencana_id)
    skp = rencana.skp
    _require_editable(skp)
    if request.method != "POST":
        return confirm_page(f"rencana \u201c{rencana.teks}\u201d", _target_url(skp))
    if not EmptyForm().validate_on_submit():
        abort(400)
    same = [r for r in skp.rencana if r.jenis == rencana.jenis and r.id != rencana.id]
    skp.rencana.remove(rencana)
    db.session.commit()
    flash("Rencana dihapus.", "success")
    if is_htmx():
        cells = [(f"rencana-no-{r.id}", n) for n, r in enumerate(same, start=1)]
        return Response(render_block(SCREEN, "renumber", cells=cells), 200)
    return redirect(_target_url(skp))


# --- Indikator -------------------------------------------------------------------------------


def _indikator_kind(rencana: RencanaHasilKerja) -> str:
    if rencana.skp.pendekatan == "kualitatif":
        return "kualitatif"
    return rencana.jenis  # "utama" or "tambahan"


def _indikator_form(kind: str, obj: Indikator | None = None):
    if kind == "kualitatif":
        return IndikatorKualitatifForm(prefix=KUALITATIF_PREFIX, obj=obj)
    if kind == "tambahan":
        form = IndikatorTambahanForm(obj=obj)
        if obj is not None and request.method == "GET":
            form.jenis_target.data = "range" if obj.target_atas is not None else "satuan"
        return form
    return IndikatorForm(obj=obj)


def _pk_sasaran(rencana: RencanaHasilKerja) -> list[SasaranStrategis] | None:
    """The PK sasaran whose indicators the dialog offers to Salin (utama, kuantitatif)."""
    pk = _pk(rencana.skp)
    if pk is None:
        return None
    linked = [s for s in pk.sasaran if s.id == rencana.sasaran_id]
    return linked or pk.sasaran


def _salin_indikator(rencana: RencanaHasilKerja, form: IndikatorForm) -> bool:
    salin = request.form.get("salin")
    if request.method != "POST" or not salin:
        return False
    sid = as_id(salin)
    if sid is None:
        return True
    source = db.session.scalar(
        select(IndikatorSasaran)
        .join(SasaranStrategis)
        .join(PerjanjianKinerja)
        .where(
            IndikatorSasaran.id == sid,
            PerjanjianKinerja.pegawai_id == rencana.skp.pegawai_id,
            PerjanjianKinerja.tahun == rencana.skp.tahun,
        )
    )
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
    kind = _indikator_kind(rencana)
    if kind == "kualitatif" and indikator is None:
        # Kualitatif indicators are added in the hasil kerja's dialog (No, Indikator, Edit, Hapus).
        return _rencana_dialog(
            rencana.skp, rencana, rencana.jenis, RencanaForm(obj=rencana), status, iform=form
        )
    if indikator is not None and request.method == "GET" and kind != "kualitatif":
        form.target.data = _angka(indikator.target)
        if kind == "tambahan" and indikator.target_atas is not None:
            form.target_atas.data = _angka(indikator.target_atas)
    return render_dialog(
        SCREEN,
        "indikator_dialog",
        status,
        skp=rencana.skp,
        r=rencana,
        i=indikator,
        kind=kind,
        form=form,
        pk_sasaran=_pk_sasaran(rencana) if kind == "utama" else None,
    )


def _apply_indikator(kind: str, form, indikator: Indikator, skp: Skp) -> bool:
    """Copy a valid form into the indicator; False (nothing changed) when its PK link is foreign."""
    source_id = None
    if kind != "kualitatif" and form.indikator_sasaran_id.data:
        raw = str(form.indikator_sasaran_id.data).strip()
        source_id = db.session.scalar(
            select(IndikatorSasaran.id)
            .join(SasaranStrategis)
            .join(PerjanjianKinerja)
            .where(
                IndikatorSasaran.id == (as_id(raw) or -1),
                PerjanjianKinerja.pegawai_id == skp.pegawai_id,
                PerjanjianKinerja.tahun == skp.tahun,
            )
        )
        if source_id is None:
            form.teks.errors.append(
                f"Indikator tidak ada pada Perjanjian Kinerja tahun {skp.tahun}."
            )
            return False
    indikator.teks = form.teks.data
    if kind == "kualitatif":
        return True
    indikator.target = form.target.decimal
    indikator.satuan = form.satuan.data
    indikator.perspektif = form.perspektif.data
    indikator.indikator_sasaran_id = source_id
    if kind == "tambahan":
        indikator.aspek = form.aspek.data
        ranged = form.jenis_target.data == "range"
        indikator.target_atas = form.target_atas.decimal if ranged else None
    return True


def _indikator_saved(rencana: RencanaHasilKerja, indikator: Indikator, inserted: bool):
    skp = rencana.skp
    if not is_htmx():
        if skp.pendekatan == "kualitatif":
            return redirect(url_for(".rencana_edit", rencana_id=rencana.id))
        return redirect(_target_url(skp, f"indikator-{indikator.id}"))
    oob = render_block(
        SCREEN,
        "indikator_row",
        skp=skp,
        i=indikator,
        oob="insert" if inserted else "replace",
        editable=True,
    )
    if skp.pendekatan == "kualitatif":
        dialog, _ = _rencana_dialog(skp, rencana, rencana.jenis, RencanaForm(obj=rencana))
        return hx_done(dialog + oob, trigger="")
    return hx_done(oob)


@bp.route("/rencana/<int:rencana_id>/indikator/tambah", methods=["GET", "POST"])
@roles_required("jpt")
def indikator_tambah(rencana_id: int):
    rencana = _rencana_or_404(rencana_id)
    _require_editable(rencana.skp)
    kind = _indikator_kind(rencana)
    form = _indikator_form(kind)
    if kind == "utama" and _salin_indikator(rencana, form):
        return _indikator_dialog(rencana, None, form)
    if form.validate_on_submit():
        urutan = max((i.urutan for i in rencana.indikator), default=0) + 1
        indikator = Indikator(urutan=urutan)
        if _apply_indikator(kind, form, indikator, rencana.skp):
            rencana.indikator.append(indikator)
            db.session.commit()
            flash("Indikator tersimpan.", "success")
            return _indikator_saved(rencana, indikator, inserted=True)
    return _indikator_dialog(rencana, None, form, _status())


@bp.route("/indikator/<int:indikator_id>/edit", methods=["GET", "POST"])
@roles_required("jpt")
def indikator_edit(indikator_id: int):
    indikator = _indikator_or_404(indikator_id)
    rencana = indikator.rencana
    _require_editable(rencana.skp)
    kind = _indikator_kind(rencana)
    form = _indikator_form(kind, obj=indikator)
    if kind == "utama" and _salin_indikator(rencana, form):
        return _indikator_dialog(rencana, indikator, form)
    if form.validate_on_submit() and _apply_indikator(kind, form, indikator, rencana.skp):
        db.session.commit()
        flash("Indikator diubah.", "success")
        return _indikator_saved(rencana, indikator, inserted=False)
    return _indikator_dialog(rencana, indikator, form, _status())


@bp.route("/indikator/<int:indikator_id>/hapus", methods=["GET", "POST"])
@roles_required("jpt")
def indikator_hapus(indikator_id: int):
    indikator = _indikator_or_404(indikator_id)
    rencana = indikator.rencana
    skp = rencana.skp
    _require_editable(skp)
    if request.method != "POST":
        back = (
            url_for(".rencana_edit", rencana_id=rencana.id)
            if skp.pendekatan == "kualitatif"
            else _target_url(skp)
        )
        return confirm_page(f"indikator \u201c{indikator.teks}\u201d", back)
    if not EmptyForm().validate_on_submit():
        abort(400)
    indikator_id = indikator.id
    rest = [i for i in rencana.indikator if i.id != indikator_id]
    rencana.indikator.remove(indikator)
    db.session.commit()
    flash("Indikator dihapus.", "success")
    if not is_htmx():
        if skp.pendekatan == "kualitatif":
            return redirect(url_for(".rencana_edit", rencana_id=rencana.id))
        return redirect(_target_url(skp, f"rencana-{rencana.id}"))
    if skp.pendekatan == "kualitatif":
        # Deleted from the hasil kerja's dialog: the page's row goes too, the list renumbers.
        cells = [(f"dlg-no-{i.id}", n) for n, i in enumerate(rest, start=1)]
        body = render_block(SCREEN, "renumber", cells=cells, gone=[f"indikator-{indikator_id}"])
        return Response(body, 200)
    return Response("", 200)


# --- Manual Indikator ------------------------------------------------------------------------


@bp.route("/indikator/<int:indikator_id>/manual")
@roles_required("jpt")
def manual(indikator_id: int):
    indikator = _indikator_or_404(indikator_id)
    skp = indikator.rencana.skp
    return render_dialog(
        SCREEN,
        "manual_view",
        skp=skp,
        i=indikator,
        m=indikator.manual or ManualIndikator(),
        editable=can_edit(skp.status),
    )


@bp.route("/indikator/<int:indikator_id>/manual/edit", methods=["GET", "POST"])
@roles_required("jpt")
def manual_edit(indikator_id: int):
    indikator = _indikator_or_404(indikator_id)
    skp = indikator.rencana.skp
    _require_editable(skp)
    form = ManualIndikatorForm(obj=indikator.manual)
    if form.validate_on_submit():
        if indikator.manual is None:
            indikator.manual = ManualIndikator()
        form.populate_obj(indikator.manual)
        db.session.commit()
        flash("Manual Indikator tersimpan.", "success")
        if is_htmx():
            return hx_done()
        return redirect(url_for(".manual", indikator_id=indikator.id))
    return render_dialog(SCREEN, "manual_dialog", _status(), skp=skp, i=indikator, form=form)


# --- Set Penilai -----------------------------------------------------------------------------


def _calon(peran: str) -> list:
    """Who the owner's profile offers for a peran."""
    user = current_user._get_current_object()
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


@bp.route("/perilaku/<int:perilaku_id>/penilai", methods=["GET", "POST"])
@roles_required("jpt")
def penilai(perilaku_id: int):
    perilaku = _perilaku_or_404(perilaku_id)
    skp = perilaku.skp
    _require_editable(skp)
    calon = {peran: _calon(peran) for peran in ("atasan", "bawahan", "rekan")}
    form = SetPenilaiForm()
    form.bawahan_id.choices = [SelectChoice(str(p.id), p.nama) for p in calon["bawahan"]]
    form.rekan_id.choices = [SelectChoice(str(p.id), p.nama) for p in calon["rekan"]]
    if request.method == "GET":
        form.peran.data = perilaku.penilai_peran
        if perilaku.penilai_peran == "bawahan":
            form.bawahan_id.data = str(perilaku.penilai_id)
        elif perilaku.penilai_peran == "rekan":
            form.rekan_id.data = str(perilaku.penilai_id)
    if form.validate_on_submit():
        peran = form.peran.data
        chosen = None
        if not calon[peran]:
            form.peran.errors.append(KOSONG[peran])
        elif peran == "atasan" or len(calon[peran]) == 1:
            chosen = calon[peran][0]
        else:
            field = form.bawahan_id if peran == "bawahan" else form.rekan_id
            chosen = next((p for p in calon[peran] if str(p.id) == field.data), None)
            if chosen is None:
                field.errors.append(f"Pilih salah satu {PERAN_PENILAI[peran]}.")
        if chosen is not None:
            perilaku.penilai_peran = peran
            perilaku.penilai = chosen
            db.session.commit()
            flash(f"Penilai aspek {aspek(perilaku.aspek).nama} tersimpan.", "success")
            if is_htmx():
                return hx_done(
                    render_block(
                        SCREEN, "perilaku_row", skp=skp, p=perilaku, oob=True, editable=True
                    )
                )
            return redirect(_target_url(skp, f"perilaku-{perilaku.id}"))
    return render_dialog(
        SCREEN,
        "penilai_dialog",
        _status(),
        skp=skp,
        p=perilaku,
        form=form,
        calon=calon,
        kosong=KOSONG,
    )
