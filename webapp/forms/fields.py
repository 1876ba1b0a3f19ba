"""Fields and validators shared by the forms, with Indonesian messages."""

from datetime import datetime
from decimal import Decimal

from flask_wtf import FlaskForm
from wtforms import HiddenField, PasswordField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, ValidationError

from webapp.domain.angka import parse_angka
from webapp.domain.nip import nip_error
from webapp.domain.password import password_error

WAJIB = "Wajib diisi."
NUL = "\x00"
ADA_NUL = "Berisi karakter tak terlihat (NUL) yang tidak dapat disimpan; ketik ulang isian ini."
ID_MAKS = 2**31 - 1  # PostgreSQL's integer: a larger id cannot exist and must not reach a query


class Form(FlaskForm):
    """The base of every form: a NUL character in any field is refused by that field.

    PostgreSQL cannot store (or even compare) a NUL in text, SQLite stores it silently: so the
    form refuses it on both. The NULs are dropped before the other validators run (some query
    the database with the value), the field shows the message, and the form is not valid.
    """

    def validate(self, extra_validators=None) -> bool:
        tainted = []
        for field in self:
            if isinstance(field.data, str) and NUL in field.data:
                field.data = field.data.replace(NUL, "")
                tainted.append(field)
            elif isinstance(field.data, list) and any(NUL in str(v) for v in field.data):
                field.data = [v for v in field.data if NUL not in str(v)]
                tainted.append(field)
        valid = super().validate(extra_validators)
        for field in tainted:
            field.errors = [*field.errors, ADA_NUL]
        return valid and not tainted


def as_id(value) -> int | None:
    """An id sent in a form or query ("12"): the int, or None when it cannot be a row's id."""
    text = str(value).strip() if value is not None else ""
    if not (text.isascii() and text.isdigit() and len(text) <= 10):
        return None
    number = int(text)
    return number if 0 < number <= ID_MAKS else None


def wajib():
    return DataRequired(message=WAJIB)


class Maks(Length):
    """At most n characters, refused with the limit named — never cut.

    The browser's maxlength attribute is not rendered: it cuts a pasted text silently (5,000
    characters pasted became 1,000). The limit shows beside the field instead (ui.field).
    """

    def __init__(self, n: int):
        super().__init__(max=n)
        self.field_flags = {}

    def __call__(self, form, field):
        length = len(field.data or "")
        if length > self.max:
            raise ValidationError(
                f"Paling banyak {self.max} karakter. Isian ini {length} karakter."
            )


def maks(n: int):
    return Maks(n)


def batas_karakter(field) -> int | None:
    """The character limit of a text field (its Maks validator), for the hint beside it."""
    if isinstance(field, PasswordField) or not isinstance(field, StringField):
        return None
    limits = [v.max for v in field.validators if isinstance(v, Maks)]
    return min(limits) if limits else None


class AngkaField(StringField):
    """A number typed the Indonesian way ("4,3" or "1.250.000"); data is a Decimal.

    Bounded to what a Numeric(20, places) column holds: at most 15 digits before the decimal
    mark and `places` after it (4 for targets, 2 for Rupiah), refused with a message rather
    than rounded or overflowing in the database.
    """

    def __init__(self, *args, minimum: Decimal | None = Decimal(0), places: int = 4, **kwargs):
        super().__init__(*args, **kwargs)
        self.minimum = minimum
        self.places = places
        self.decimal: Decimal | None = None

    def pre_validate(self, form):
        self.decimal = None
        if self.data is None or not str(self.data).strip():
            return
        value = parse_angka(str(self.data))
        if value is None:
            raise ValidationError("Harus berupa angka, misalnya 4,3 atau 86.")
        # copy_abs, not abs(): abs() rounds to the context and 1e999999999999999999 overflows.
        if value.copy_abs() >= Decimal("1e15"):
            raise ValidationError("Angka terlalu besar: paling banyak 15 digit sebelum koma.")
        if self.minimum is not None and value < self.minimum:
            raise ValidationError(f"Tidak boleh kurang dari {self.minimum}.")
        rounded = value.quantize(Decimal(1).scaleb(-self.places))
        if rounded != value:
            raise ValidationError(f"Paling banyak {self.places} angka di belakang koma.")
        self.decimal = rounded


class VersionField(HiddenField):
    """The edited row's version_id, sent back on save (see webapp.services.concurrency.stale)."""


class NipField(StringField):
    def pre_validate(self, form):
        if self.data:
            self.data = self.data.strip().replace(" ", "")
            error = nip_error(self.data)
            if error:
                raise ValidationError(error)


def aturan_password(form, field) -> None:
    """A new password: required, 8–200 characters, not only spaces (domain/password.py)."""
    if not field.data:
        raise ValidationError(WAJIB)
    error = password_error(field.data)
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


def parse_typed(valuelist, formats: tuple[str, ...], message: str) -> datetime | None:
    """What a date or time box holds, read by the first of `formats` that fits; None when
    empty; ValueError(message) when none fits (WTForms shows it on the field)."""
    text = " ".join(valuelist).strip()
    if not text:
        return None
    for fmt in formats:
        try:
            return datetime.strptime(text, fmt)
        except ValueError:
            continue
    raise ValueError(message)
