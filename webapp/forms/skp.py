"""Forms of the SKP screens: periode, rencana, indikator, Manual Indikator, Set Penilai.

The JA/JF screens reuse them; the labels are the manual's.
"""

from wtforms import DateField, HiddenField, RadioField, SelectField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import ValidationError

from webapp.domain.berakhlak import PERAN_PENILAI
from webapp.domain.pilihan import ASPEK, JENIS_IKU, PERIODE_PELAPORAN, PERSPEKTIF, SATUAN
from webapp.domain.target import range_error
from webapp.forms.fields import (
    WAJIB,
    AngkaField,
    Form,
    VersionField,
    parse_typed,
    pilihan,
    teks,
    teks_panjang,
)

PENDEKATAN = [SelectChoice("kuantitatif", "Kuantitatif"), SelectChoice("kualitatif", "Kualitatif")]
PILIHAN_TIDAK_DIKENAL = "Pilihan tidak dikenal."


class TanggalField(DateField):
    """An <input type=date> (YYYY-MM-DD); also accepts DD/MM/YYYY typed by hand."""

    def process_formdata(self, valuelist):
        if not valuelist:
            return
        self.data = None
        typed = parse_typed(
            valuelist,
            ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"),
            "Tanggal tidak sah (contoh: 01/03/2022).",
        )
        self.data = typed.date() if typed else None

    def pre_validate(self, form):
        if self.data is None and not self.process_errors:
            raise ValidationError(WAJIB)


class Pilihan(SelectField):
    """A closed list; a value not in it is refused in Indonesian."""

    def pre_validate(self, form):
        if self.data in (None, ""):
            raise ValidationError(WAJIB)
        if self.data not in {choice.value for choice in self.choices}:
            raise ValidationError(PILIHAN_TIDAK_DIKENAL)


class PilihanRadio(RadioField):
    def pre_validate(self, form):
        if self.data in (None, ""):
            raise ValidationError(WAJIB)
        if self.data not in {choice.value for choice in self.choices}:
            raise ValidationError(PILIHAN_TIDAK_DIKENAL)


class PeriodeForm(Form):
    dari = TanggalField("Dari Tanggal/Bulan/Tahun")
    sampai = TanggalField("Sampai Tanggal/Bulan/Tahun")
    pendekatan = PilihanRadio("Model SKP", choices=PENDEKATAN, default="kuantitatif")
    version = VersionField()


def _id_or_empty(value) -> str:
    return "" if value is None else str(value)


class RencanaForm(Form):
    teks = teks_panjang("Rencana Kinerja (Kinerja Utama)", 2000)  # first: it shows STALE
    # JA/JF Kinerja Utama: the leader's result it intervenes (choices: services.intervensi).
    intervensi_id = SelectField(
        "Rencana Kinerja Atasan", choices=[], validate_choice=False, coerce=_id_or_empty
    )
    sasaran_id = HiddenField()
    peran_id = HiddenField()  # JA/JF: the Matrik Peran Hasil role copied with Salin
    version = VersionField()


class IndikatorForm(Form):
    """An indicator of a Kinerja Utama (model kuantitatif)."""

    teks = teks_panjang("Indikator Kinerja", 2000)
    target = AngkaField("Target Kuantitas")
    satuan = Pilihan("Satuan Kuantitas", choices=pilihan(SATUAN), default="Dokumen")
    perspektif = Pilihan("Perspektif", choices=pilihan(PERSPEKTIF), default="Penerima Layanan")
    indikator_sasaran_id = HiddenField()
    version = VersionField()

    def validate_target(self, field):
        if field.decimal is None and not field.errors:
            raise ValidationError(WAJIB)


class IndikatorTambahanForm(IndikatorForm):
    """INDIKATOR KINERJA TAMBAHAN: an aspek, and a single target or a range."""

    # data-aspek: static/app.js renames "Target …" and "Satuan …" when the aspek changes.
    aspek = Pilihan(
        "Aspek", choices=pilihan(ASPEK), default="Kuantitas", render_kw={"data-aspek": ""}
    )
    jenis_target = PilihanRadio(
        "Jenis Target",
        choices=[SelectChoice("satuan", "Target Satuan"), SelectChoice("range", "Target Range")],
        default="satuan",
    )
    target_atas = AngkaField("Batas Atas")

    def validate_target_atas(self, field):
        if self.jenis_target.data != "range" or field.errors:
            return
        if field.decimal is None:
            raise ValidationError(WAJIB)
        error = range_error(self.target.decimal, field.decimal)
        if error:
            raise ValidationError(error)


class IndikatorKualitatifForm(Form):
    """Ukuran keberhasilan / Indikator Kinerja Individu / Target dan Perspektif (kualitatif)."""

    teks = teks_panjang("Indikator", 2000)
    version = VersionField()


class ManualIndikatorForm(Form):
    deskripsi_rencana = teks_panjang("DESKRIPSI RENCANA KERJA", 2000, required=False)
    indikator_kinerja_utama = teks_panjang("INDIKATOR KINERJA UTAMA", 2000, required=False)
    definisi = teks_panjang("Definisi", 2000, required=False)
    formula = teks_panjang("Formula", 2000, required=False)
    tujuan = teks_panjang("Tujuan", 2000, required=False)
    satuan_pengukuran = teks("SATUAN PENGUKURAN", 100, required=False)
    jenis_iku = PilihanRadio("JENIS IKU", choices=pilihan(JENIS_IKU), default=JENIS_IKU[0])
    penanggung_jawab = teks("PENANGGUNG JAWAB IKU", 200, required=False)
    penyedia_data = teks("PIHAK PENYEDIA DATA", 200, required=False)
    sumber_data = teks("SUMBER DATA", 200, required=False)
    periode_pelaporan = PilihanRadio(
        "PERIODE PELAPORAN", choices=pilihan(PERIODE_PELAPORAN), default=PERIODE_PELAPORAN[0]
    )
    version = VersionField()


class SetPenilaiForm(Form):
    """Set Penilai of one perilaku aspect; the person comes from the owner's profile."""

    peran = PilihanRadio(
        "Penilai",
        choices=[SelectChoice(k, v) for k, v in PERAN_PENILAI.items()],
    )
    bawahan_id = SelectField("Bawahan", choices=[], validate_choice=False)
    rekan_id = SelectField("Rekan Kerja", choices=[], validate_choice=False)
    version = VersionField()
