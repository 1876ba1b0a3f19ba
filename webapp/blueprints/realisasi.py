"""Realisasi SKP: the owner's realisasi of an approved SKP per evaluation period, for every
JenisSkp and both models (one blueprint factory, registered once per kind like skp_blueprint):
/skp-jpt/<id>/realisasi, /skp-jajf/<id>/realisasi. Kuantitatif: Input Realisasi per indicator;
kualitatif: a list of entries per hasil kerja (No, Indikator, Edit, Hapus); bukti dukung on both.
The rules are in webapp.services.realisasi, the table in templates/skp/realisasi_tabel.html.
"""

from __future__ import annotations

from flask import Blueprint, Response, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from jinja2_fragments.flask import render_block
from sqlalchemy.exc import IntegrityError

from webapp.domain.angka import format_angka
from webapp.domain.jenis_skp import BY_ENDPOINT, JenisSkp
from webapp.extensions import db
from webapp.forms import EmptyForm
from webapp.forms.realisasi import EntriForm, RealisasiAngkaForm, RealisasiTeksForm
from webapp.models import Realisasi, Skp
from webapp.services import bukti_dukung as storage
from webapp.services import periode_penilaian as periode_service
from webapp.services import realisasi as service
from webapp.services import skp as skp_service
from webapp.services.access import require_role
from webapp.services.concurrency import STALE, lock_pegawai, stale
from webapp.web import (
    confirm_page,
    error_page,
    hx_done,
    is_htmx,
    oob_renumber,
    oob_replace,
    render_dialog,
)

PAGE = "skp/realisasi.html"  # the owner's page and its dialogs
PLAN = "skp/plan.html"
SUFFIX = "_realisasi"
GET_POST = ["GET", "POST"]
UBAH = "ubah"  # the prefix of the entry's Edit form


def jenis() -> JenisSkp:
    return BY_ENDPOINT[request.blueprint.removesuffix(SUFFIX)]


def me():
    return current_user._get_current_object()


def _own(skp_id: int) -> Skp:
    return skp_service.own_skp(jenis(), skp_id, me(), full=True)


def _ditolak(message: str, status: int = 409):
    """A write refused for a rule (not approved, period closed): the reason, nothing changed."""
    db.session.rollback()
    html, status = error_page(status, "Realisasi tidak dapat disimpan", message)
    response = Response(html, status, mimetype="text/html")
    response.headers["HX-Reswap"] = "none"
    return response


def _require_disetujui(skp: Skp) -> None:
    if skp.status != "disetujui":
        abort(_ditolak(service.BELUM_DISETUJUI))


def _kunci(skp: Skp, periode) -> str | None:
    """First in a write: the owner's lock, then (under it) the SKP is still approved and the
    period still open for them. The period's row is created here when this is its first write."""
    lock_pegawai(skp.pegawai_id)
    if skp.status != "disetujui":
        return service.BELUM_DISETUJUI
    periode_service.baris(periode)
    return periode_service.alasan_terkunci(periode, skp.pegawai_id)


def _form_status() -> int:
    return 422 if request.method == "POST" else 200


def _page_url(skp: Skp, periode, anchor: str = "") -> str:
    url = url_for(".index", skp_id=skp.id, periode=periode.kode)
    return url + (f"#{anchor}" if anchor else "")


def _row(skp: Skp, periode, daftar, block: str, **ctx) -> str:
    """A row of the table, again, out of band (the data reloaded in constant queries)."""
    data = service.muat(skp, periode, daftar)
    html = render_block(
        PLAN, block, skp=skp, view="realisasi", data=data, aksi="owner", oob=True, **ctx
    )
    return oob_replace(html)


def _refuse_on_form(form, message: str) -> None:
    first = next(f for f in form if f.type not in ("HiddenField", "CSRFTokenField", "VersionField"))
    first.errors = [*first.errors, message]


# --- the page ------------------------------------------------------------------------------


def index(skp_id: int):
    skp = _own(skp_id)
    if skp.status != "disetujui":
        return render_template(PAGE, skp=skp, data=None, belum=service.BELUM_DISETUJUI)
    periode, daftar = periode_service.pilih(skp, request.args.get("periode"))
    data = service.muat(skp, periode, daftar)
    return render_template(
        PAGE, skp=skp, data=data, aksi="owner", periode=periode, evaluasi=data.evaluasi
    )


# --- kuantitatif: Input Realisasi per indicator ------------------------------------------------


def _realisasi_form(indikator, r: Realisasi | None):
    cls = RealisasiAngkaForm if indikator.target is not None else RealisasiTeksForm
    form = cls(obj=r) if request.method == "GET" else cls()
    if request.method == "GET" and r is not None:
        form.version.data = r.version_id
        if indikator.target is not None and r.nilai is not None:
            form.nilai.data = format_angka(r.nilai).replace(".", ",")
    return form


def indikator(skp_id: int, periode: str, indikator_id: int):
    skp = _own(skp_id)
    if skp.pendekatan != "kuantitatif":
        abort(404)
    i = service.indikator_of(skp, indikator_id)
    p, daftar = periode_service.pilih(skp, periode)
    _require_disetujui(skp)
    r = service.realisasi_indikator(skp, p, i)
    form = _realisasi_form(i, r)
    terkunci = periode_service.alasan_terkunci(p, skp.pegawai_id)
    if request.method == "POST" and form.validate_on_submit():
        alasan = _kunci(skp, p)
        r = service.realisasi_indikator(skp, p, i)  # as committed, under the lock
        if alasan:
            return _ditolak(alasan)
        if r is None and (form.version.data or "").strip():
            _refuse_on_form(form, STALE)  # opened on a realisasi that was deleted meanwhile
        elif r is None or not stale(form, r):
            return _simpan_indikator(skp, p, daftar, i, r, form)
    return render_dialog(
        PAGE,
        "realisasi_dialog",
        _form_status(),
        skp=skp,
        i=i,
        r=r,
        form=form,
        periode=p,
        terkunci=terkunci,
    )


def _simpan_indikator(skp, p, daftar, i, r, form):
    baru = r is None
    if baru:
        r = Realisasi(skp_id=skp.id, periode_id=p.id, indikator_id=i.id)
        db.session.add(r)
    if i.target is not None:
        r.nilai, r.teks = form.nilai.decimal, ""
    else:
        r.nilai, r.teks = None, form.teks.data
    r.keterangan = form.keterangan.data or ""
    keys = service.tambah_bukti(r, form.daftar_tautan(), form.berkas_ok, me())
    try:
        service.commit_atau_bersihkan(keys)
    except IntegrityError:  # a first save from another tab won the unique key
        return _ditolak(STALE)
    flash("Realisasi tersimpan.", "success")
    if is_htmx():
        return hx_done(_row(skp, p, daftar, "indikator_row", i=i))
    return redirect(_page_url(skp, p, f"indikator-{i.id}"))


# --- kualitatif: the entries of a hasil kerja ---------------------------------------------------


def _rencana_dialog(skp, p, rencana, form, status=200, terkunci=None):
    entri = service.entri_rencana(p, rencana)
    return render_dialog(
        PAGE,
        "rencana_dialog",
        status,
        skp=skp,
        r=rencana,
        entri=entri,
        form=form,
        periode=p,
        terkunci=terkunci,
    )


def rencana(skp_id: int, periode: str, rencana_id: int):
    skp = _own(skp_id)
    if skp.pendekatan != "kualitatif":
        abort(404)
    rr = service.rencana_of(skp, rencana_id)
    p, daftar = periode_service.pilih(skp, periode)
    _require_disetujui(skp)
    form = EntriForm()
    terkunci = periode_service.alasan_terkunci(p, skp.pegawai_id)
    if request.method == "POST" and form.validate_on_submit():
        alasan = _kunci(skp, p)
        if alasan:
            return _ditolak(alasan)
        urutan = max((e.urutan for e in service.entri_rencana(p, rr)), default=0) + 1
        e = Realisasi(skp_id=skp.id, periode_id=p.id, rencana_id=rr.id, teks=form.teks.data)
        e.urutan = urutan
        db.session.add(e)
        keys = service.tambah_bukti(e, form.daftar_tautan(), form.berkas_ok, me())
        service.commit_atau_bersihkan(keys)
        flash("Realisasi tersimpan.", "success")
        return _entri_saved(skp, p, daftar, rr)
    return _rencana_dialog(skp, p, rr, form, _form_status(), terkunci)


def _entri_saved(skp, p, daftar, rr):
    """After an entry is added or changed: the hasil kerja's dialog again (to add more), and
    its row on the page out of band."""
    if not is_htmx():
        return redirect(url_for(".rencana", skp_id=skp.id, periode=p.kode, rencana_id=rr.id))
    dialog, _ = _rencana_dialog(skp, p, rr, EntriForm(formdata=None))
    return hx_done(dialog + _row(skp, p, daftar, "rencana_row", r=rr, no=_nomor(skp, rr)), "")


def _nomor(skp: Skp, rr) -> int:
    return skp_service.nomor_rencana(rr)


def _entri(realisasi_id: int):
    """A kualitatif entry of the owner's own SKP of this kind, with its period (404 otherwise)."""
    e = service.entri_milik(realisasi_id, me(), jenis().kode)
    if e.rencana_id is None:
        abort(404)
    skp = _own(e.skp_id)
    p, daftar = service.periode_dari_baris(skp, e.periode_id)
    return e, skp, p, daftar, service.rencana_of(skp, e.rencana_id)


def entri_edit(realisasi_id: int):
    e, skp, p, daftar, rr = _entri(realisasi_id)
    _require_disetujui(skp)
    # The edit opens over the hasil kerja's dialog (its add form): ids of its own.
    form = EntriForm(obj=e, prefix=UBAH) if request.method == "GET" else EntriForm(prefix=UBAH)
    if request.method == "GET":
        form.version.data = e.version_id
    terkunci = periode_service.alasan_terkunci(p, skp.pegawai_id)
    if request.method == "POST" and form.validate_on_submit():
        alasan = _kunci(skp, p)
        if alasan:
            return _ditolak(alasan)
        e = db.session.get(Realisasi, realisasi_id)
        if e is None:
            _refuse_on_form(form, STALE)
        elif not stale(form, e):
            e.teks = form.teks.data
            keys = service.tambah_bukti(e, form.daftar_tautan(), form.berkas_ok, me())
            service.commit_atau_bersihkan(keys)
            flash("Realisasi diubah.", "success")
            return _entri_saved(skp, p, daftar, rr)
    return render_dialog(
        PAGE,
        "entri_dialog",
        _form_status(),
        skp=skp,
        e=e,
        r=rr,
        form=form,
        periode=p,
        terkunci=terkunci,
    )


def _confirmed() -> None:
    if not EmptyForm().validate_on_submit():
        abort(400)


def entri_hapus(realisasi_id: int):
    e, skp, p, daftar, rr = _entri(realisasi_id)
    back = url_for(".rencana", skp_id=skp.id, periode=p.kode, rencana_id=rr.id)
    if request.method != "POST":
        return confirm_page(f"realisasi \u201c{e.teks[:60]}\u201d", back)
    _confirmed()
    alasan = _kunci(skp, p)
    if alasan:
        return _ditolak(alasan)
    e = db.session.get(Realisasi, realisasi_id)
    if e is not None:
        service.hapus_realisasi(e)
    flash("Realisasi dihapus.", "success")
    if not is_htmx():
        return redirect(back)
    rest = service.entri_rencana(p, rr)
    cells = oob_renumber((f"entri-no-{x.id}", n) for n, x in enumerate(rest, start=1))
    return Response(cells + _row(skp, p, daftar, "rencana_row", r=rr, no=_nomor(skp, rr)), 200)


# --- bukti dukung: Hapus ----------------------------------------------------------------------


def bukti_hapus(bukti_id: int):
    b = service.bukti_milik(bukti_id, me(), jenis().kode)
    e = b.realisasi
    skp = _own(e.skp_id)
    p, daftar = service.periode_dari_baris(skp, e.periode_id)
    if e.indikator_id is not None:
        back = url_for(".indikator", skp_id=skp.id, periode=p.kode, indikator_id=e.indikator_id)
    else:
        back = url_for(".entri_edit", realisasi_id=e.id)
    if request.method != "POST":
        return confirm_page(f"bukti dukung \u201c{b.nama or b.url[:60]}\u201d", back)
    _confirmed()
    alasan = _kunci(skp, p)
    if alasan:
        return _ditolak(alasan)
    b = db.session.get(type(b), bukti_id)
    if b is not None:
        service.hapus_bukti(b)
    flash("Bukti dukung dihapus.", "success")
    if not is_htmx():
        return redirect(back)
    if e.indikator_id is not None:
        i = service.indikator_of(skp, e.indikator_id)
        return Response(_row(skp, p, daftar, "indikator_row", i=i), 200)
    rr = service.rencana_of(skp, e.rencana_id)
    return Response(_row(skp, p, daftar, "rencana_row", r=rr, no=_nomor(skp, rr)), 200)


def terlalu_besar(e):
    """A request over MAX_CONTENT_LENGTH: the bukti dukung limit named, not the import's."""
    db.session.rollback()
    mb = f"{storage.maks_byte() / (1024 * 1024):g}".replace(".", ",")
    html, status = error_page(
        413,
        "Berkas terlalu besar",
        f"Berkas bukti dukung terlalu besar: paling besar {mb} MB per berkas. "
        "Tidak ada yang disimpan; pilih berkas yang lebih kecil.",
    )
    response = Response(html, status, mimetype="text/html")
    response.headers["HX-Reswap"] = "none"
    return response


ROUTES = [
    ("/<int:skp_id>/realisasi", index, ["GET"]),
    ("/<int:skp_id>/realisasi/<periode>/indikator/<int:indikator_id>", indikator, GET_POST),
    ("/<int:skp_id>/realisasi/<periode>/rencana/<int:rencana_id>", rencana, GET_POST),
    ("/realisasi/<int:realisasi_id>/edit", entri_edit, GET_POST),
    ("/realisasi/<int:realisasi_id>/hapus", entri_hapus, GET_POST),
    ("/bukti-dukung/<int:bukti_id>/hapus", bukti_hapus, GET_POST),
]


def realisasi_blueprint(jenis_skp: JenisSkp) -> Blueprint:
    """The owner's realisasi screens of one kind, beside its Rencana SKP (same URL prefix)."""
    bp = Blueprint(jenis_skp.endpoint + SUFFIX, __name__, url_prefix=jenis_skp.url_prefix)
    bp.before_request(require_role(jenis_skp.role))
    for rule, view, methods in ROUTES:
        bp.add_url_rule(rule, view_func=view, methods=methods)
    bp.register_error_handler(413, terlalu_besar)

    @bp.context_processor
    def _screen_globals():
        return {"ep": jenis_skp.endpoint, "rep": bp.name, "judul": jenis_skp.judul}

    return bp
