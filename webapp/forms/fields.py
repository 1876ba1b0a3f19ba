"""Fields and validators shared by the forms, with Indonesian messages."""

from decimal import Decimal

from wtforms import HiddenField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, ValidationError

from webapp.domain.angka import parse_angka
from webapp.domain.nip import nip_error

WAJIB = "Wajib diisi."


def wajib():
    return DataRequired(message=WAJIB)


def maks(n: int):
    return Length(max=n, message=f"Paling banyak {n} karakter.")


class AngkaField(StringField):
    """A number typed the Indonesian way ("4,3" or "1.250.000"); data is a Decimal."""

    def __init__(self, *args, minimum: Decimal | None = Decimal(0), **kwargs):
        super().__init__(*args, **kwargs)
        self.minimum = minimum
        self.decimal: Decimal | None = None

    def pre_validate(self, form):
        self.decimal = None
        if self.data is None or not str(self.data).strip():
            return
        value = parse_angka(str(self.data))
        if value is None:
            raise ValidationError("Harus berupa angka, misalnya 4,3 atau 86.")
        if abs(value) >= Decimal("1e15"):
            raise ValidationError("Angka terlalu besar.")
        if self.minimum is not None and value < self.minimum:
            raise ValidationError(f"Tidak boleh kurang dari {self.minimum}.")
        self.decimal = value


class VersionField(HiddenField):
    """The edited row's version_id, sent back on save (see webapp.services.concurrency.stale)."""


class NipField(StringField):
    def pre_validate(self, form):
        if self.data:
            self.data = self.data.strip().replace(" ", "")
            error = nip_error(self.data)
            if error:
                raise ValidationError(error)


def teks(label: str, n: int = 500, required: bool = True):
    validators = [wajib(), maks(n)] if required else [maks(n)]
    return StringField(label, validators=validators, filters=[_strip])


def teks_panjang(label: str, n: int = 2000, required: bool = True):
    validators = [wajib(), maks(n)] if required else [maks(n)]
    return TextAreaField(label, validators=validators, filters=[_strip])


def _strip(value):
    return value.strip() if isinstance(value, str) else value


def pilihan(values, kosong: str | None = None) -> list[SelectChoice]:
    """Select options from a closed list, with an optional empty first option ("Pilih Satuan")."""
    choices = [SelectChoice("", kosong)] if kosong else []
    return choices + [SelectChoice(v, v) for v in values]
