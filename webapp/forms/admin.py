"""Admin: pegawai (Tambah / Ubah), unit kerja (Tambah / Ubah), import of pegawai."""

from flask_wtf.file import FileField, FileRequired
from wtforms import BooleanField, HiddenField, PasswordField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Optional

from webapp.domain.pilihan import JENIS_JABATAN, PANGKAT_GOLONGAN
from webapp.forms.fields import WAJIB, Form, NipField, aturan_password, maks, pilihan, teks, wajib
from webapp.forms.profile import PegawaiField, PilihanField, coerce_id


class PegawaiForm(Form):
    nip = NipField("NIP", validators=[wajib()])
    nama = teks("Nama (dengan gelar)", 200)
    jabatan = teks("Jabatan", 200, required=False)
    jenis_jabatan = PilihanField(
        "Jenis Jabatan", choices=pilihan(JENIS_JABATAN, kosong="—"), validators=[wajib()]
    )
    jenjang = teks("Jenjang", 50, required=False)
    pangkat_golongan = PilihanField(
        "Pangkat/Golongan",
        choices=[SelectChoice("", "—")]
        + [SelectChoice(k, f"{v}, {k}") for k, v in PANGKAT_GOLONGAN.items()],
    )
    unit_kerja = PilihanField("Unit Kerja", coerce=coerce_id)
    atasan_langsung = PegawaiField("Atasan Langsung (NIP)", validators=[maks(18)])
    is_operator = BooleanField("Operator")
    unit_kelola = PilihanField("Unit Kerja yang Dikelola", coerce=coerce_id)
    is_admin = BooleanField("Admin")


class PegawaiTambahForm(PegawaiForm):
    password = PasswordField("Password awal", validators=[InputRequired(WAJIB), aturan_password])


class PegawaiUbahForm(PegawaiForm):
    # Only an empty field means "unchanged": spaces go on to the rule and are refused.
    password = PasswordField(
        "Password baru", validators=[Optional(strip_whitespace=False), aturan_password]
    )
    version = HiddenField()


class UnitForm(Form):
    nama = teks("Nama Unit Kerja", 200)
    parent = PilihanField("Induk Unit Kerja", coerce=coerce_id)


class ImporForm(Form):
    berkas = FileField(
        "Berkas (.xlsx atau .csv)", validators=[FileRequired("Pilih berkas yang akan diimpor.")]
    )
