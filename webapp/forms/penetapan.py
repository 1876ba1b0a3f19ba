"""Forms of the superior's approval (SKP Bawahan) and of the operator's review."""

from webapp.forms.fields import Form, teks_panjang


class SetujuiForm(Form):
    """The Setujui button: nothing but its CSRF token."""


class KembalikanForm(Form):
    catatan = teks_panjang("Catatan Pengembalian", 2000)


class EkspektasiForm(Form):
    ekspektasi = teks_panjang("Ekspektasi Khusus Pimpinan", 2000, required=False)


class CatatanReviewForm(Form):
    teks = teks_panjang("Catatan Review", 2000)
