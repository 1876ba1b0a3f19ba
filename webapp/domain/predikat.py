"""Predikat Kinerja Pegawai from the two ratings (rules.md §1): a pure function, never typed.

The stored codes are the model's (webapp.models.evaluasi); the labels are what users read.
"""

RATING_LABEL = {
    "diatas": "DI ATAS EKSPEKTASI",
    "sesuai": "SESUAI EKSPEKTASI",
    "dibawah": "DI BAWAH EKSPEKTASI",
}

PREDIKAT_LABEL = {
    "sangat_baik": "SANGAT BAIK",
    "baik": "BAIK",
    "butuh_perbaikan": "BUTUH PERBAIKAN",
    "kurang": "KURANG",
    "sangat_kurang": "SANGAT KURANG",
}

# Printed in the quadrant and the curve views (rules.md §1).
PREDIKAT_LABEL_KURVA = {**PREDIKAT_LABEL, "kurang": "KURANG/MISCONDUCT"}

CAPAIAN_LABEL = {
    "istimewa": "ISTIMEWA",
    "baik": "BAIK",
    "butuh_perbaikan": "BUTUH PERBAIKAN",
    "kurang": "KURANG",
    "sangat_kurang": "SANGAT KURANG",
}

# Rows: Rating Hasil Kerja; columns: Rating Perilaku Kerja.
MATRIKS = {
    ("diatas", "dibawah"): "kurang",
    ("diatas", "sesuai"): "baik",
    ("diatas", "diatas"): "sangat_baik",
    ("sesuai", "dibawah"): "kurang",
    ("sesuai", "sesuai"): "baik",
    ("sesuai", "diatas"): "baik",
    ("dibawah", "dibawah"): "sangat_kurang",
    ("dibawah", "sesuai"): "butuh_perbaikan",
    ("dibawah", "diatas"): "butuh_perbaikan",
}


def predikat(rating_hasil: str | None, rating_perilaku: str | None) -> str | None:
    """The predikat of the two ratings; None while either is not set."""
    if not rating_hasil or not rating_perilaku:
        return None
    return MATRIKS[(rating_hasil, rating_perilaku)]


def usulan_rating_hasil(capaian: str | None) -> str | None:
    """The Rating Hasil Kerja proposed for a leader of a unit from the unit's capaian."""
    if not capaian:
        return None
    return {"istimewa": "diatas", "baik": "sesuai"}.get(capaian, "dibawah")
