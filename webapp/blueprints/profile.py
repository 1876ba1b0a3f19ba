"""Ubah Profile (who assesses whom: atasan, rekan kerja, bawahan) and the pegawai search."""

from __future__ import annotations

import re

from flask import Blueprint, flash, redirect, request, url_for
from flask_login import current_user, login_required
from sqlalchemy import select
from sqlalchemy.orm import joinedload, selectinload
from sqlalchemy.orm.attributes import flag_modified
from sqlalchemy.orm.exc import StaleDataError
from wtforms.fields.choices import SelectChoice

from webapp.domain.pohon import urut_pohon
from webapp.extensions import db
from webapp.forms.profile import ProfileForm
from webapp.models import Pegawai, UnitKerja
from webapp.services import atasan as atasan_svc
from webapp.services.atasan import atasan_membentuk_siklus

__all__ = ["atasan_membentuk_siklus", "bp", "pilihan_unit"]
from webapp.web import hx_done, is_htmx, render_page_or_block

bp = Blueprint("profile", __name__)

MAKS_SARAN = 10


def pilihan_unit(
    termasuk: int | None = None,
    kecuali: set[int] | None = None,
    hanya: set[int] | None = None,
) -> list[SelectChoice]:
    """Active unit kerja in tree order for a select ("—" first); `termasuk` is kept even if
    inactive (the record's current unit), `kecuali` are left out; with `hanya` (an operator's
    managed units) only those, and "—" only when it is the record's current value."""
    units = db.session.scalars(select(UnitKerja)).all()
    ordered = urut_pohon(
        units, key=lambda u: u.id, parent=lambda u: u.parent_id, nama=lambda u: u.nama
    )
    choices = [SelectChoice("", "—")] if hanya is None or termasuk is None else []
    for u, depth in ordered:
        if hanya is not None and u.id not in hanya and u.id != termasuk:
            continue
        if (u.active or u.id == termasuk) and u.id not in (kecuali or set()):
            # Tree order shows the hierarchy; a child is marked, never indented with spaces.
            label = ("└ " if depth else "") + u.nama + ("" if u.active else " (nonaktif)")
            choices.append(SelectChoice(u.id, label))
    return choices


def _bawahan_langsung(user: Pegawai) -> list[Pegawai]:
    return db.session.scalars(
        select(Pegawai)
        .where(Pegawai.atasan_langsung_id == user.id, Pegawai.active.is_(True))
        .order_by(Pegawai.nama)
    ).all()


@bp.route("/profil", methods=["GET", "POST"])
@login_required
def edit():
    user = db.session.scalar(
        select(Pegawai)
        .where(Pegawai.id == current_user.id)
        .options(
            selectinload(Pegawai.rekan),
            selectinload(Pegawai.bawahan_lain),
            joinedload(Pegawai.atasan_langsung),
            joinedload(Pegawai.atasan_ii),
            joinedload(Pegawai.atasan_iii),
        )
    )
    langsung = _bawahan_langsung(user)
    menunggu = atasan_svc.menunggu(user)

    def nip_atasan(tingkat: str, current: Pegawai | None) -> str:
        """The field shows what the pegawai asked for: the pending request, else the current."""
        chosen = menunggu[tingkat].atasan if tingkat in menunggu else current
        return chosen.nip if chosen else ""

    form = ProfileForm(
        data={
            "rekan_kerja": [p.id for p in user.rekan],
            "bawahan": [p.id for p in user.bawahan_lain],
            "atasan_langsung": nip_atasan("langsung", user.atasan_langsung),
            "atasan_ii": nip_atasan("ii", user.atasan_ii),
            "atasan_iii": nip_atasan("iii", user.atasan_iii),
            "unit_kerja": user.unit_kerja_id,
            "jabatan": user.jabatan,
            "version": user.version_id,
        }
    )
    form.rekan_kerja.choices = [SelectChoice(p.id, f"{p.nama} ({p.nip})") for p in user.rekan]
    form.bawahan.choices = [SelectChoice(p.id, f"{p.nama} ({p.nip})") for p in user.bawahan_lain]
    form.unit_kerja.choices = pilihan_unit(termasuk=user.unit_kerja_id)

    if form.is_submitted() and _semua_sah(form, user, langsung):
        if str(form.version.data) != str(user.version_id):
            raise StaleDataError("profile changed since the form was opened")
        pilih = {p.id: p for p in user.rekan + user.bawahan_lain}
        user.rekan = [pilih[i] for i in form.rekan_kerja.data] + form.rekan_kerja_tambah.pegawai
        user.bawahan_lain = [pilih[i] for i in form.bawahan.data] + form.bawahan_tambah.pegawai
        diminta = []
        for tingkat, field in (
            ("langsung", form.atasan_langsung),
            ("ii", form.atasan_ii),
            ("iii", form.atasan_iii),
        ):
            if atasan_svc.ubah_sendiri(user, tingkat, field.pegawai) is not None:
                diminta.append(f"{field.label.text} ({field.pegawai.nama})")
        user.unit_kerja_id = form.unit_kerja.data
        user.jabatan = form.jabatan.data or ""
        flag_modified(user, "jabatan")  # relation-only changes bump the version too
        db.session.commit()
        flash("Profil disimpan.", "success")
        if diminta:
            flash(
                "Perubahan " + ", ".join(diminta) + " menunggu persetujuan atasan yang dipilih.",
                "info",
            )
        if is_htmx():
            return hx_done()
        return redirect(url_for("profile.edit"))

    status = 422 if request.method == "POST" else 200
    return render_page_or_block(
        "profile/edit.html",
        "dialog",
        status,
        form=form,
        user=user,
        langsung=langsung,
        menunggu=menunggu,
    )


def _semua_sah(form: ProfileForm, user: Pegawai, langsung: list[Pegawai]) -> bool:
    """The fields, the password (always checked, so every message shows at once), then the
    relations: yourself, the same person twice, a loop of atasan. Errors go by the field."""
    fields_ok = form.validate()
    password_ok = True
    if form.konfirmasi_password.data and not user.check_password(form.konfirmasi_password.data):
        form.konfirmasi_password.errors.append("Password salah.")
        password_ok = False
    return fields_ok and _periksa(form, user, langsung) and password_ok


def _periksa(form: ProfileForm, user: Pegawai, langsung: list[Pegawai]) -> bool:
    ok = True
    kept = {p.id: p for p in user.rekan + user.bawahan_lain}
    fields = [
        (form.atasan_langsung, [form.atasan_langsung.pegawai]),
        (form.atasan_ii, [form.atasan_ii.pegawai]),
        (form.atasan_iii, [form.atasan_iii.pegawai]),
        (form.rekan_kerja, [kept[i] for i in form.rekan_kerja.data]),
        (form.rekan_kerja_tambah, form.rekan_kerja_tambah.pegawai),
        (form.bawahan, [kept[i] for i in form.bawahan.data]),
        (form.bawahan_tambah, form.bawahan_tambah.pegawai),
    ]
    langsung_ids = {p.id for p in langsung}
    # A bawahan langsung may also be a Rekan Kerja (the manual's own example: FITRIANI), but
    # cannot be one's atasan, and needs no second listing as Bawahan.
    no_langsung = {form.atasan_langsung, form.atasan_ii, form.atasan_iii, form.bawahan_tambah}
    seen: dict[int, str] = {}
    for field, people in fields:
        label = field.label.text.replace("Tambah ", "")
        for p in people:
            if p is None:
                continue
            if p.id == user.id:
                field.errors.append(f"Anda tidak dapat memilih diri sendiri sebagai {label}.")
            elif p.id in seen:
                field.errors.append(f"{p.nama} sudah dipilih sebagai {seen[p.id]}.")
            elif p.id in langsung_ids and field in no_langsung:
                field.errors.append(
                    f"{p.nama} sudah menjadi Bawahan Anda (menyebut Anda sebagai Atasan Langsung)."
                )
            else:
                seen[p.id] = label
                continue
            ok = False
    atasan = form.atasan_langsung.pegawai
    if ok and atasan is not None and atasan_membentuk_siklus(user.id, atasan.id):
        form.atasan_langsung.errors.append(
            f"{atasan.nama} berada di bawah Anda dalam rantai atasan: pilih atasan lain."
        )
        ok = False
    return ok


@bp.route("/pegawai/cari")
@login_required
def cari():
    """Suggestions by NIP prefix or name: a small list for htmx, a table page without JS."""
    untuk = request.args.get("untuk", "")
    if not re.fullmatch(r"[a-z_]{1,40}", untuk):
        untuk = ""
    raw = request.args.get("q")
    if raw is None and untuk:
        raw = request.args.get(untuk, "")
    raw = (raw or "")[:200]
    banyak = request.args.get("banyak") == "1"
    prefix, q = "", raw.strip()
    if banyak:  # several NIPs separated by commas: search the last one, keep the others
        head, _, tail = raw.rpartition(",")
        kept = [t.strip() for t in re.split(r"[,;]", head) if t.strip()]
        prefix = "".join(t + ", " for t in kept)
        q = tail.strip()
    hasil = []
    if len(q) >= 2:
        stmt = (
            select(Pegawai).where(Pegawai.active.is_(True)).options(joinedload(Pegawai.unit_kerja))
        )
        if q.isdigit():
            stmt = stmt.where(Pegawai.nip.startswith(q))
        else:
            pattern = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            stmt = stmt.where(Pegawai.nama.ilike(pattern, escape="\\"))
        hasil = db.session.scalars(stmt.order_by(Pegawai.nama).limit(MAKS_SARAN)).all()
    return render_page_or_block(
        "profile/cari.html",
        "saran",
        hasil=hasil,
        q=q,
        untuk=untuk,
        prefix=prefix,
        banyak=banyak,
    )
