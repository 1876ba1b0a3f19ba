"""Input Data-Data Realisasi (SKP Bawahan): the Pejabat Penilai's capaian and ratings."""

from wtforms.fields.choices import SelectChoice

from webapp.domain.predikat import CAPAIAN_LABEL, RATING_LABEL
from webapp.forms.fields import Form, VersionField, wajib
from webapp.forms.profile import PilihanField

# The manual's order: DI ATAS, SESUAI, DI BAWAH EKSPEKTASI.
RATING_URUT = ("diatas", "sesuai", "dibawah")


def _pilihan(labels: dict, kosong: str) -> list[SelectChoice]:
    return [SelectChoice("", kosong)] + [SelectChoice(k, v) for k, v in labels.items()]


class DataRealisasiForm(Form):
    capaian = PilihanField(
        "Capaian Kinerja Organisasi",
        choices=_pilihan(CAPAIAN_LABEL, "Pilih Capaian Kinerja Organisasi"),
        validators=[wajib()],
    )
    # Either rating may stay empty (or be cleared): the predikat then stays empty.
    rating_hasil = PilihanField(
        "Rating Hasil Kerja",
        choices=_pilihan({k: RATING_LABEL[k] for k in RATING_URUT}, "Belum dinilai"),
    )
    rating_perilaku = PilihanField(
        "Rating Perilaku Kerja",
        choices=_pilihan({k: RATING_LABEL[k] for k in RATING_URUT}, "Belum dinilai"),
    )
    version = VersionField()  # the Evaluasi's version_id ("" before the first save)
    versi_capaian = VersionField()  # the leader's CapaianOrganisasi's version_id
