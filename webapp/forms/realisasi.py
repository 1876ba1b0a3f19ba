"""Forms of the realisasi screens: Input Realisasi (kuantitatif: a number in the indicator's
satuan, or a text), a kualitatif entry, bukti dukung (links and files) and Input Umpan Balik."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import request
from wtforms import MultipleFileField, TextAreaField
from wtforms.validators import ValidationError

from webapp.domain.berkas import TIPE, periksa
from webapp.forms.fields import AngkaField, Form, VersionField, maks, teks_panjang, wajib
from webapp.services.bukti_dukung import maks_byte
from webapp.services.realisasi import Berkas

MAKS_TAUTAN = 10
MAKS_BERKAS = 10


def _strip(value):
    return value.strip() if isinstance(value, str) else value


def _tautan_valid(form, field) -> None:
    lines = [x.strip() for x in (field.data or "").splitlines() if x.strip()]
    if len(lines) > MAKS_TAUTAN:
        raise ValidationError(f"Paling banyak {MAKS_TAUTAN} tautan sekaligus.")
    for url in lines:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc or " " in url:
            raise ValidationError(
                f"Tautan tidak sah: {url[:80]}. Tulis alamat lengkap yang diawali http:// atau "
                "https://, satu tautan per baris."
            )
        if len(url) > 2000:
            raise ValidationError("Tautan terlalu panjang: paling banyak 2000 karakter.")


def _tautan():
    return TextAreaField(
        "Tautan bukti dukung", validators=[maks(20000), _tautan_valid], filters=[_strip]
    )


ACCEPT = ",".join(f".{ext}" for ext in TIPE)


def _berkas():
    # `accept` only narrows the browser's file picker; the content is what is checked.
    return MultipleFileField("Berkas bukti dukung", render_kw={"accept": ACCEPT})


class BuktiForm(Form):
    """Bukti dukung: links (one per line) and/or files (fields `tautan` and `berkas`, declared
    after each form's own fields); files are checked by content on validate."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.berkas_ok: list[Berkas] = []

    def validate_berkas(self, field) -> None:
        self.berkas_ok = []
        files = [f for f in request.files.getlist(field.name) if f and f.filename]
        if len(files) > MAKS_BERKAS:
            raise ValidationError(f"Paling banyak {MAKS_BERKAS} berkas sekaligus.")
        limit = maks_byte()
        problems = []
        for f in files:
            data = f.stream.read(limit + 1)
            # The name as shown and offered on download: no NUL, no folder part.
            nama = (f.filename or "berkas").replace("\x00", "").replace("\\", "/")
            nama = nama.rsplit("/", 1)[-1].strip()[-255:] or "berkas"
            tipe, problem = periksa(nama, data, limit)
            if problem:
                problems.append(problem)
            else:
                self.berkas_ok.append(Berkas(nama=nama, tipe=tipe, data=data))
        if problems:
            self.berkas_ok = []
            field.errors = [*field.errors, *problems]
            raise ValidationError("Tidak ada berkas yang disimpan; pilih berkas lagi.")

    def daftar_tautan(self) -> list[str]:
        return [x.strip() for x in (self.tautan.data or "").splitlines() if x.strip()]

    def ada_bukti(self) -> bool:
        return bool(self.daftar_tautan() or self.berkas_ok)


class RealisasiAngkaForm(BuktiForm):
    nilai = AngkaField("Realisasi", validators=[wajib()])
    keterangan = teks_panjang("Keterangan Tambahan", 2000, required=False)
    tautan = _tautan()
    berkas = _berkas()
    version = VersionField()


class RealisasiTeksForm(BuktiForm):
    teks = teks_panjang("Realisasi", 2000)
    keterangan = teks_panjang("Keterangan Tambahan", 2000, required=False)
    tautan = _tautan()
    berkas = _berkas()
    version = VersionField()


class EntriForm(BuktiForm):
    """One kualitatif realisasi entry of a hasil kerja."""

    teks = teks_panjang("Realisasi", 2000)
    tautan = _tautan()
    berkas = _berkas()
    version = VersionField()


class UmpanBalikForm(Form):
    teks = teks_panjang("Umpan Balik Berkelanjutan Berdasarkan Bukti Dukung", 2000)
    version = VersionField()
