"""Ubah Profile, and the fields that choose pegawai by NIP (shared with the admin forms)."""

from __future__ import annotations

import re

from sqlalchemy import select
from wtforms import HiddenField, PasswordField, SelectField, SelectMultipleField, StringField
from wtforms.validators import ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from webapp.extensions import db
from webapp.forms.fields import Form, maks, teks, wajib
from webapp.models import Pegawai

_PEMISAH = re.compile(r"[\s,;]+")


def cari_pegawai_nip(nips: list[str]) -> dict[str, Pegawai]:
    """NIP → Pegawai for the NIPs that exist (one query)."""
    if not nips:
        return {}
    found = db.session.scalars(select(Pegawai).where(Pegawai.nip.in_(nips))).all()
    return {p.nip: p for p in found}


def _resolve(tokens: list[str]) -> list[Pegawai]:
    for t in tokens:
        if not (len(t) == 18 and t.isdigit()):
            raise ValidationError(
                f"“{t[:30]}” bukan NIP. Ketik 18 digit NIP atau pilih dari daftar saran."
            )
    found = cari_pegawai_nip(tokens)
    for t in tokens:
        if t not in found:
            raise ValidationError(f"Pegawai dengan NIP {t} tidak ditemukan.")
        if not found[t].active:
            raise ValidationError(f"Pegawai dengan NIP {t} tidak aktif.")
    return [found[t] for t in tokens]


class PegawaiField(StringField):
    """One pegawai typed by NIP; `.pegawai` is the Pegawai or None when left empty."""

    pegawai: Pegawai | None = None

    def pre_validate(self, form):
        self.pegawai = None
        self.data = (self.data or "").strip().replace(" ", "")
        if self.data:
            self.pegawai = _resolve([self.data])[0]


class DaftarPegawaiField(StringField):
    """Several pegawai typed by NIP, separated by commas or spaces; `.pegawai` is the list."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.pegawai: list[Pegawai] = []

    def pre_validate(self, form):
        self.pegawai = []
        tokens = [t for t in _PEMISAH.split(self.data or "") if t]
        if len(tokens) > 50:
            raise ValidationError("Paling banyak 50 NIP sekaligus.")
        if tokens:
            self.pegawai = _resolve(tokens)


class CentangField(SelectMultipleField):
    """Checkboxes of the people already chosen: unticking removes one."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()

    def pre_validate(self, form):
        allowed = {value for value, *_ in self.choices or []}
        for value in self.data or []:
            if value not in allowed:
                raise ValidationError("Pilihan tidak sah.")


class PilihanField(SelectField):
    """A select whose unknown values are refused in Indonesian."""

    def pre_validate(self, form):
        if not any(match for _, _, match, *_ in self.iter_choices()):
            raise ValidationError("Pilihan tidak sah.")


def coerce_id(value):
    if value in ("", None, "None"):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return -1  # refused by the choices check


class ProfileForm(Form):
    konfirmasi_password = PasswordField("Konfirmasi Password", validators=[wajib(), maks(200)])
    rekan_kerja = CentangField("Rekan Kerja", coerce=int)
    rekan_kerja_tambah = DaftarPegawaiField("Tambah Rekan Kerja")
    bawahan = CentangField("Bawahan", coerce=int)
    bawahan_tambah = DaftarPegawaiField("Tambah Bawahan")
    atasan_langsung = PegawaiField("Atasan Langsung")
    atasan_ii = PegawaiField("Atasan II")
    atasan_iii = PegawaiField("Atasan III")
    unit_kerja = PilihanField("Unit Kerja", coerce=coerce_id)
    jabatan = teks("Jabatan", 200, required=False)
    version = HiddenField()
