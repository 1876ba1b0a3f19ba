"""Predikat Kinerja Pegawai (rules.md §1): every cell of the matrix, the empty ratings, and the
Rating Hasil Kerja proposed to a unit leader from their unit's capaian."""

import pytest

from webapp.domain.predikat import (
    CAPAIAN_LABEL,
    MATRIKS,
    PREDIKAT_LABEL,
    PREDIKAT_LABEL_KURVA,
    RATING_LABEL,
    predikat,
    usulan_rating_hasil,
)

# rules.md §1 as printed: rows Rating Hasil Kerja, columns Rating Perilaku Kerja.
TABEL = {
    "DI ATAS EKSPEKTASI": ("KURANG", "BAIK", "SANGAT BAIK"),
    "SESUAI EKSPEKTASI": ("KURANG", "BAIK", "BAIK"),
    "DI BAWAH EKSPEKTASI": ("SANGAT KURANG", "BUTUH PERBAIKAN", "BUTUH PERBAIKAN"),
}
KOLOM = ("DI BAWAH EKSPEKTASI", "SESUAI EKSPEKTASI", "DI ATAS EKSPEKTASI")
KODE = {label: kode for kode, label in RATING_LABEL.items()}
CELLS = [
    (KODE[hasil], KODE[perilaku], TABEL[hasil][i])
    for hasil in TABEL
    for i, perilaku in enumerate(KOLOM)
]


@pytest.mark.parametrize(("hasil", "perilaku", "label"), CELLS)
def test_every_cell_of_the_matrix(hasil, perilaku, label):
    assert PREDIKAT_LABEL[predikat(hasil, perilaku)] == label


def test_the_matrix_has_exactly_the_nine_cells():
    assert len(CELLS) == 9
    assert set(MATRIKS) == {(h, p) for h, p, _ in CELLS}


@pytest.mark.parametrize(
    ("hasil", "perilaku"),
    [(None, None), ("sesuai", None), (None, "diatas"), ("", "sesuai"), ("dibawah", "")],
)
def test_no_predikat_until_both_ratings_are_set(hasil, perilaku):
    assert predikat(hasil, perilaku) is None


def test_kurang_is_printed_as_misconduct_in_the_curve_views():
    assert PREDIKAT_LABEL["kurang"] == "KURANG"
    assert PREDIKAT_LABEL_KURVA["kurang"] == "KURANG/MISCONDUCT"
    assert {k: v for k, v in PREDIKAT_LABEL_KURVA.items() if k != "kurang"} == {
        k: v for k, v in PREDIKAT_LABEL.items() if k != "kurang"
    }


@pytest.mark.parametrize(
    ("capaian", "rating"),
    [
        ("istimewa", "diatas"),
        ("baik", "sesuai"),
        ("butuh_perbaikan", "dibawah"),
        ("kurang", "dibawah"),
        ("sangat_kurang", "dibawah"),
        (None, None),
        ("", None),
    ],
)
def test_usulan_rating_hasil_from_the_units_capaian(capaian, rating):
    assert usulan_rating_hasil(capaian) == rating


def test_every_capaian_has_a_proposal():
    assert all(usulan_rating_hasil(c) in RATING_LABEL for c in CAPAIAN_LABEL)
