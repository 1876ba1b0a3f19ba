"""Forms of the superior's approval (SKP Bawahan) and of the operator's review."""

from flask_wtf import FlaskForm

from webapp.forms.fields import teks_panjang


class SetujuiForm(FlaskForm):
    """The Setujui button: nothing but its CSRF token."""


class KembalikanForm(FlaskForm):
    catatan = teks_panjang("Catatan Pengembalian", 2000)


class EkspektasiForm(FlaskForm):
    ekspektasi = teks_panjang("Ekspektasi Khusus Pimpinan", 2000, required=False)


class CatatanReviewForm(FlaskForm):
    teks = teks_panjang("Catatan Review", 2000)
