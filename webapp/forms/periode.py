"""Forms of the admin's Periode Penilaian screen: Frekuensi Evaluasi, Batas Pengisian, Buka
Kembali. A moment is typed as a date and a time in the agency's zone (stored in UTC)."""

from __future__ import annotations

from datetime import time

from wtforms import StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import ValidationError
from wtforms.widgets import TimeInput

from webapp.forms.fields import Form, VersionField, parse_typed, wajib
from webapp.forms.profile import PegawaiField
from webapp.forms.skp import Pilihan, PilihanRadio, TanggalField

FREKUENSI = [SelectChoice("triwulan", "Triwulan"), SelectChoice("bulanan", "Bulanan")]


class TanggalBolehKosong(TanggalField):
    """A date that may be left empty (Batas Pengisian may be cleared)."""

    def pre_validate(self, form):
        return None


class JamField(StringField):
    """An <input type=time> ("23:59"); data is a datetime.time or None when empty."""

    widget = TimeInput()

    def process_formdata(self, valuelist):
        if not valuelist:
            return
        self.data = None
        typed = parse_typed(
            valuelist, ("%H:%M", "%H:%M:%S", "%H.%M"), "Jam tidak sah (contoh: 23:59)."
        )
        self.data = typed.time() if typed else None

    def _value(self):
        return self.data.strftime("%H:%M") if isinstance(self.data, time) else (self.data or "")


class FrekuensiForm(Form):
    frekuensi = PilihanRadio("Frekuensi Evaluasi", choices=FREKUENSI)
    version = VersionField()


class BatasForm(Form):
    """Batas Pengisian of a period: both empty clears it; a date alone means 23:59 that day."""

    tanggal = TanggalBolehKosong("Tanggal Batas Pengisian")
    jam = JamField("Jam")
    version = VersionField()

    def validate_tanggal(self, field):
        if field.data is None and self.jam.data is not None and not field.errors:
            raise ValidationError("Isi tanggal, atau kosongkan jam untuk menghapus batas.")


class SampaiForm(Form):
    """Buka Kembali: until when the pegawai may write again."""

    tanggal = TanggalField("Sampai Tanggal")
    jam = JamField("Jam")
    version = VersionField()


class BukaKembaliForm(SampaiForm):
    periode = Pilihan("Periode")
    pegawai = PegawaiField("Pegawai", validators=[wajib()])
