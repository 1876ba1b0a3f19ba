"""The rules of the Matrik Peran Hasil (webapp/domain/mph.py)."""

from types import SimpleNamespace as P

import pytest

from webapp.domain import mph


@pytest.mark.parametrize("nilai", ["1", "20", " 3 ", 7])
def test_jumlah_kolom_from_1_to_20(nilai):
    assert mph.jumlah_kolom_error(nilai) is None


@pytest.mark.parametrize(
    "nilai, pesan",
    [
        ("0", "paling sedikit 1"),
        ("21", "paling banyak 20"),
        ("-2", "bilangan bulat"),
        ("2,5", "bilangan bulat"),
        ("dua", "bilangan bulat"),
        ("", "Wajib diisi."),
        (None, "Wajib diisi."),
        ("9" * 40, "paling banyak 20"),
    ],
)
def test_jumlah_kolom_refused_with_a_reason(nilai, pesan):
    assert pesan in mph.jumlah_kolom_error(nilai)


def test_shrinking_removes_the_roles_beyond_the_new_count():
    roles = [P(kolom=1), P(kolom=2), P(kolom=3), P(kolom=3)]
    assert mph.kolom_terhapus(roles, 2) == roles[2:]
    assert mph.kolom_terhapus(roles, 3) == []
    assert mph.kolom_terhapus(roles, 1) == roles[1:]


def test_jabatan_tim_per_level():
    assert mph.jabatan_pilihan(1) == ("Ketua Tim", "Anggota Tim")
    assert mph.jabatan_pilihan(2) == ("Anggota Tim",)


def test_who_may_be_given_a_role():
    # Level 1: the leader's bawahan only, never the leader.
    assert mph.calon_ids(1, {2, 3, 1}, {9}, pemilik=1) == {2, 3}
    # Level 2: the Ketua Tim's bawahan and the Anggota Tim of the same result.
    assert mph.calon_ids(2, {4}, {3, 5, 7}, pemilik=7) == {3, 4, 5}


def test_one_role_per_pegawai_and_column():
    roles = [P(id=1, pegawai_id=5, kolom=1), P(id=2, pegawai_id=5, kolom=2)]
    assert mph.sel_terisi(roles, 5, 1)
    assert not mph.sel_terisi(roles, 5, 3)
    assert not mph.sel_terisi(roles, 6, 1)
    assert not mph.sel_terisi(roles, 5, 1, kecuali=1)  # editing the role itself


def test_matrix_rows_ketua_first_then_by_name():
    def role(pid, nama, jabatan, kolom):
        return P(pegawai_id=pid, pegawai=P(nama=nama), jabatan_tim=jabatan, kolom=kolom)

    roles = [
        role(2, "ZAHARA", "Anggota Tim", 1),
        role(3, "IRDIAN", "Anggota Tim", 2),
        role(3, "IRDIAN", "Anggota Tim", 1),
        role(1, "FITRIANI", "Ketua Tim", 3),
        role(3, "IRDIAN", "Ketua Tim", 3),
        role(2, "ZAHARA", "Anggota Tim", 5),  # beyond the columns: not drawn
    ]
    rows = mph.baris_matrik(roles, 3)
    assert [(b.jabatan_tim, b.nama) for b in rows] == [
        ("Ketua Tim", "FITRIANI"),
        ("Ketua Tim", "IRDIAN"),
        ("Anggota Tim", "IRDIAN"),
        ("Anggota Tim", "ZAHARA"),
    ]
    irdian = rows[2]
    assert irdian.kunci == "a-3"
    assert [len(sel) for sel in irdian.sel] == [1, 1, 0]
    assert rows[3].sel == [[roles[0]], [], []]
    assert mph.label_kolom(2) == "Peran 2"
