"""Forms of Matrik Peran Hasil (Input Jumlah Kolom, Input Data Matrik) and Uraian Jabatan."""

from wtforms import HiddenField, RadioField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, ValidationError

from webapp.domain import mph as rules
from webapp.forms.fields import WAJIB, Form
from webapp.forms.profile import PegawaiField


def _bersih(value):
    """Strip, and drop NUL characters (PostgreSQL refuses them in text)."""
    return value.replace("\x00", "").strip() if isinstance(value, str) else value


class _Maks(Length):
    """Paling banyak n karakter, refused by the server: no `maxlength` attribute, which would
    let the browser cut a pasted text silently."""

    def __init__(self, n: int):
        super().__init__(max=n, message=f"Paling banyak {n} karakter.")
        self.field_flags = {}


def _teks(label: str, n: int):
    return TextAreaField(
        label, validators=[DataRequired(message=WAJIB), _Maks(n)], filters=[_bersih]
    )


class KolomField(StringField):
    """Jumlah Kolom: a whole number 1 … 20 (domain.mph); `.jumlah` is the int."""

    jumlah: int | None = None

    def pre_validate(self, form):
        self.jumlah = None
        error = rules.jumlah_kolom_error(self.data)
        if error:
            raise ValidationError(error)
        self.jumlah = int(str(self.data).strip())


class KolomForm(Form):
    jumlah_kolom = KolomField("Jumlah Kolom", filters=[_bersih])
    version = HiddenField()
    # Set after the user has seen what shrinking removes.
    konfirmasi = HiddenField()


class _Pilihan(SelectField):
    def pre_validate(self, form):
        if self.data in (None, ""):
            raise ValidationError(WAJIB)
        if not any(match for _, _, match, *_ in self.iter_choices()):
            raise ValidationError("Pilihan tidak sah.")


class _Radio(RadioField):
    def pre_validate(self, form):
        if self.data in (None, ""):
            raise ValidationError(WAJIB)
        if not any(match for _, _, match, *_ in self.iter_choices()):
            raise ValidationError("Pilihan tidak sah.")


class PeranForm(Form):
    """Input Data Matrik; on Edit the Nama Pegawai is fixed (the field is left out)."""

    pegawai = PegawaiField("Nama Pegawai")
    jabatan_tim = _Radio("Jabatan Tim Kerja")
    kolom = _Pilihan("Produk", coerce=lambda v: int(v) if str(v).isdigit() else v)
    peran = _teks("Peran", rules.PERAN_MAKS)
    version = HiddenField()

    def set_choices(self, jumlah_kolom: int, tingkat: int) -> None:
        self.jabatan_tim.choices = [(j, j) for j in rules.jabatan_pilihan(tingkat)]
        if len(self.jabatan_tim.choices) == 1 and not self.jabatan_tim.data:
            self.jabatan_tim.data = self.jabatan_tim.choices[0][0]
        self.kolom.choices = [("", "Pilih Produk")] + [
            (k, rules.label_kolom(k)) for k in range(1, jumlah_kolom + 1)
        ]


class UraianForm(Form):
    teks = _teks("Uraian Jabatan", 1000)
    version = HiddenField()
