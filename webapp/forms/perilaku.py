"""Forms of Perilaku SKP (Input Penilaian) and Keberatan (the owner's objection, the Atasan
Pejabat Penilai's decision)."""

from wtforms import SelectField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import ValidationError

from webapp.domain.predikat import PREDIKAT_LABEL
from webapp.forms.fields import WAJIB, Form, VersionField, teks_panjang
from webapp.forms.skp import PilihanRadio

KEPUTUSAN = [
    SelectChoice("tetap", "Predikat tetap"),
    SelectChoice("diubah", "Predikat diubah"),
]


class PenilaianForm(Form):
    teks = teks_panjang("Input Penilaian", 2000)
    version = VersionField()


class KeberatanForm(Form):
    alasan = teks_panjang("Alasan Keberatan", 2000)


class KeputusanForm(Form):
    keputusan = PilihanRadio("Keputusan", choices=KEPUTUSAN)
    predikat_baru = SelectField(
        "Predikat Baru",
        choices=[SelectChoice("", "Pilih Predikat")]
        + [SelectChoice(k, v) for k, v in PREDIKAT_LABEL.items()],
        validate_choice=False,
    )
    penjelasan = teks_panjang("Penjelasan", 2000)
    version = VersionField()

    def __init__(self, *args, semula: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.semula = semula

    def validate_predikat_baru(self, field):
        if self.keputusan.data != "diubah":
            field.data = ""
            return
        if not field.data:
            raise ValidationError(WAJIB)
        if field.data not in PREDIKAT_LABEL:
            raise ValidationError("Pilihan tidak dikenal.")
        if field.data == self.semula:
            raise ValidationError(
                "Predikat baru sama dengan predikat semula; pilih Predikat tetap bila tidak diubah."
            )
