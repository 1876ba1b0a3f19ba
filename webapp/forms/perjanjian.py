"""Forms of the Perjanjian Kinerja screens."""

from flask_wtf import FlaskForm
from wtforms import SelectField, StringField
from wtforms.validators import AnyOf, ValidationError

from webapp.domain.pilihan import SATUAN
from webapp.forms.fields import AngkaField, VersionField, pilihan, teks, teks_panjang, wajib


class TahunForm(FlaskForm):
    tahun = StringField("Tahun", validators=[wajib()])

    def validate_tahun(self, field):
        value = (field.data or "").strip()
        if not (value.isdigit() and len(value) == 4 and 2000 <= int(value) <= 2100):
            raise ValidationError("Tahun harus 4 digit angka antara 2000 dan 2100.")
        field.data = value


class SasaranForm(FlaskForm):
    teks = teks_panjang("Sasaran Strategis", 1000)
    version = VersionField()


class IndikatorSasaranForm(FlaskForm):
    indikator = teks("Indikator", 500)
    target = AngkaField("Target", validators=[wajib()])
    satuan = SelectField(
        "Pilih Satuan",
        choices=pilihan(SATUAN, kosong="Pilih Satuan"),
        validate_choice=False,
        validators=[wajib(), AnyOf(SATUAN, message="Satuan tidak dikenal.")],
    )
    version = VersionField()


class ProgramForm(FlaskForm):
    nama = teks_panjang("Program", 1000)
    anggaran = AngkaField("Anggaran (Rupiah)", validators=[wajib()])
    version = VersionField()
