"""Matrik Peran Hasil: the leader's periods and results, Input Jumlah Kolom, Input Data Matrik,
Edit and Hapus of a role, the Ketua Tim's split, and what each pegawai may see."""

from datetime import date
from types import SimpleNamespace

import pytest
from sqlalchemy import select

from tests import factories
from webapp.extensions import db
from webapp.models import MatrikPeranHasil, PeranHasil

M = "/matrik-peran-hasil"
STALE = "Data ini telah diubah oleh pengguna lain; muat ulang."


@pytest.fixture
def tim():
    """A JPT leader with an SKP, two bawahan (one with Uraian Jabatan), and an outsider."""
    leader = factories.make_pegawai("PIMPINAN", jenis="JPT")
    skp = factories.make_skp(leader, indikator=2)
    ketua = factories.make_pegawai("KETUA", jenis="JA", atasan=leader)
    anggota = factories.make_pegawai("ANGGOTA", jenis="JF", atasan=leader)
    luar = factories.make_pegawai("LUAR", jenis="JF")
    uraian = factories.make_uraian(anggota, "Memelihara aplikasi kinerja")
    factories.make_uraian(anggota, "Menyusun laporan data", urutan=2)
    db.session.commit()
    return SimpleNamespace(
        leader=leader,
        skp=skp,
        rencana=skp.rencana[0],
        ketua=ketua,
        anggota=anggota,
        luar=luar,
        uraian=uraian,
    )


def _matrik(tim, kolom=3):
    matrik = factories.make_matrik(tim.rencana, kolom)
    db.session.commit()
    return matrik


def _url(tim, tail=""):
    return f"{M}/rencana/{tim.rencana.id}{tail}"


def _peran_form(pegawai, kolom=1, jabatan="Anggota Tim", peran="Menyiapkan data", **extra):
    return {"pegawai": pegawai.nip, "jabatan_tim": jabatan, "kolom": kolom, "peran": peran, **extra}


# --- periods and results ---------------------------------------------------------------------


def test_index_lists_the_leaders_periods(tim, login):
    body = login(tim.leader).get(f"{M}/").get_data(as_text=True)
    assert '<th scope="col">Periode SKP</th>' in body and "Pendekatan" in body
    assert "01 Mar 2022 - 31 Mar 2022" in body and "Kuantitatif" in body
    assert f"{M}/skp/{tim.skp.id}" in body


def test_index_as_fragment(tim, login):
    r = login(tim.leader).hx_get(f"{M}/")
    body = r.get_data(as_text=True)
    assert r.status_code == 200 and "<html" not in body and 'id="mph-isi"' in body


def test_a_pegawai_without_bawahan_sees_only_the_roles_given_to_them(tim, login):
    matrik = _matrik(tim)
    factories.make_peran(matrik, tim.anggota, 2, teks="Peran untuk anggota")
    factories.make_peran(matrik, tim.ketua, 1, "Ketua Tim", teks="Peran untuk ketua")
    db.session.commit()
    body = login(tim.anggota).get(f"{M}/").get_data(as_text=True)
    assert "Periode SKP" not in body
    assert "Peran 2: Peran untuk anggota" in body and "PIMPINAN" in body
    assert "Peran untuk ketua" not in body


def test_results_view_shows_the_manuals_header_and_sections(tim, login):
    factories.make_skp(tim.leader, dari=date(2022, 2, 1), sampai=date(2022, 2, 28))
    body = login(tim.leader).get(f"{M}/skp/{tim.skp.id}").get_data(as_text=True)
    header = f"RENCANA SKP JPT PIMPINAN / {tim.leader.nip} PERIODE 01 Maret 2022 - 31 Maret 2022"
    assert header in body
    assert "C. UTAMA" in body and "D. TAMBAHAN" in body
    assert "Indikator 1.1" in body and "Indikator 1.2" in body and "2 Dokumen" in body
    assert f'href="{_url(tim)}">Matrik Peran Hasil</a>' in body


def test_results_view_as_fragment_and_kualitatif(tim, login):
    kual = factories.make_skp(
        tim.leader, pendekatan="kualitatif", dari=date(2022, 2, 1), sampai=date(2022, 2, 28)
    )
    r = login(tim.leader).hx_get(f"{M}/skp/{kual.id}")
    body = r.get_data(as_text=True)
    assert r.status_code == 200 and "<html" not in body
    assert "Ukuran keberhasilan / Indikator Kinerja Individu / Target dan Perspektif" in body


def test_results_of_someone_elses_skp_are_404(tim, login):
    assert login(tim.ketua).get(f"{M}/skp/{tim.skp.id}").status_code == 404
    assert login(tim.ketua).get(_url(tim)).status_code == 404


# --- Input Jumlah Kolom -----------------------------------------------------------------------


def test_matrix_without_columns_asks_for_jumlah_kolom(tim, login):
    body = login(tim.leader).get(_url(tim)).get_data(as_text=True)
    assert "Input Jumlah Kolom" in body and "Input Data Matrik" not in body


@pytest.mark.parametrize("nilai", ["0", "21", "-1", "abc", "", "2.5"])
def test_jumlah_kolom_out_of_range_is_refused(tim, login, nilai):
    r = login(tim.leader).post(_url(tim, "/kolom"), data={"jumlah_kolom": nilai})
    body = r.get_data(as_text=True)
    assert r.status_code == 422
    assert "Jumlah Kolom" in body and 'class="error"' in body
    assert f'value="{nilai}"' in body or nilai == ""
    assert db.session.scalar(select(MatrikPeranHasil)) is None


def test_jumlah_kolom_creates_the_matrix(tim, login):
    actor = login(tim.leader)
    assert "Input Jumlah Kolom" in actor.get(_url(tim, "/kolom")).get_data(as_text=True)
    r = actor.post(_url(tim, "/kolom"), data={"jumlah_kolom": "3"})
    assert r.status_code == 302 and r.headers["Location"].endswith(_url(tim))
    body = actor.get(_url(tim)).get_data(as_text=True)
    assert "PRODUK DAN LAYANAN TIM KERJA" in body
    assert "Peran 1" in body and "Peran 3" in body and "Peran 4" not in body
    assert "Input Data Matrik" in body


def test_jumlah_kolom_with_htmx_swaps_the_matrix(tim, login):
    r = login(tim.leader).hx_post(_url(tim, "/kolom"), data={"jumlah_kolom": "2"})
    body = r.get_data(as_text=True)
    assert r.status_code == 200 and r.headers["HX-Trigger"] == "closeModal"
    assert 'id="mph-matrik" class="card" hx-swap-oob="true"' in body and "Peran 2" in body


def test_jumlah_kolom_with_htmx_draws_the_rows_in_place(tim, login):
    matrik = _matrik(tim, 2)
    factories.make_peran(matrik, tim.anggota, 1, teks="Tetap")
    db.session.commit()
    data = {"jumlah_kolom": "4", "version": str(matrik.version_id)}
    body = login(tim.leader).hx_post(_url(tim, "/kolom"), data=data).get_data(as_text=True)
    assert f'<tr id="mph-{matrik.id}-a-{tim.anggota.id}">' in body and "Tetap" in body
    assert "<template>" not in body  # the rows are inside the swapped section, not out of band


def test_shrinking_over_roles_asks_first_and_names_what_goes(tim, login):
    matrik = _matrik(tim)
    factories.make_peran(matrik, tim.anggota, 3, teks="Peran ketiga")
    factories.make_peran(matrik, tim.anggota, 1, teks="Peran pertama")
    db.session.commit()
    actor = login(tim.leader)
    data = {"jumlah_kolom": "2", "version": str(matrik.version_id)}
    r = actor.post(_url(tim, "/kolom"), data=data)
    body = r.get_data(as_text=True)
    assert r.status_code == 200
    assert "akan menghapus 1 peran" in body and "Peran 3 — ANGGOTA: Peran ketiga" in body
    assert db.session.get(MatrikPeranHasil, matrik.id).jumlah_kolom == 3
    r = actor.post(_url(tim, "/kolom"), data={**data, "konfirmasi": "2"})
    assert r.status_code == 302
    assert db.session.get(MatrikPeranHasil, matrik.id).jumlah_kolom == 2
    assert [p.teks for p in db.session.scalars(select(PeranHasil))] == ["Peran pertama"]


def test_growing_needs_no_confirmation(tim, login):
    matrik = _matrik(tim, 1)
    factories.make_peran(matrik, tim.anggota, 1)
    db.session.commit()
    data = {"jumlah_kolom": "5", "version": str(matrik.version_id)}
    assert login(tim.leader).post(_url(tim, "/kolom"), data=data).status_code == 302
    assert db.session.get(MatrikPeranHasil, matrik.id).jumlah_kolom == 5


def test_a_stale_jumlah_kolom_is_refused(tim, login):
    matrik = _matrik(tim)
    data = {"jumlah_kolom": "4", "version": str(matrik.version_id + 1)}
    r = login(tim.leader).post(_url(tim, "/kolom"), data=data)
    assert r.status_code == 409 and STALE in r.get_data(as_text=True)
    assert db.session.get(MatrikPeranHasil, matrik.id).jumlah_kolom == 3


def test_head_on_kolom_changes_nothing(tim, login):
    login(tim.leader).client.head(_url(tim, "/kolom"))
    assert db.session.scalar(select(MatrikPeranHasil)) is None


# --- Input Data Matrik ------------------------------------------------------------------------


def test_input_data_matrik_dialog_has_the_manuals_fields(tim, login):
    _matrik(tim)
    r = login(tim.leader).hx_get(_url(tim, "/tambah"))
    body = r.get_data(as_text=True)
    assert r.status_code == 200 and "<dialog" in body and "Input Data Matrik" in body
    for label in ("Nama Pegawai", "Jabatan Tim Kerja", "Produk", "Peran", "Uraian Jabatan"):
        assert label in body
    assert "Ketua Tim" in body and "Anggota Tim" in body
    assert "/pegawai/cari?untuk=pegawai" in body  # the profile's suggestion picker
    assert tim.anggota.nip in body and tim.luar.nip not in body  # bawahan offered
    assert "maxlength" not in body  # a long paste is refused with the limit, never cut


def test_input_data_matrik_without_js_is_a_page(tim, login):
    _matrik(tim)
    body = login(tim.leader).get(_url(tim, "/tambah")).get_data(as_text=True)
    assert "<html" in body and '<h1 id="modal-title">Input Data Matrik</h1>' in body


def test_input_data_matrik_saves_a_role(tim, login):
    _matrik(tim)
    r = login(tim.leader).post(_url(tim, "/tambah"), data=_peran_form(tim.anggota, 2))
    assert r.status_code == 302
    peran = db.session.scalar(select(PeranHasil))
    assert (peran.pegawai_id, peran.kolom, peran.jabatan_tim, peran.teks) == (
        tim.anggota.id,
        2,
        "Anggota Tim",
        "Menyiapkan data",
    )
    body = login(tim.leader).get(_url(tim)).get_data(as_text=True)
    assert "Menyiapkan data" in body and tim.anggota.nip in body and "Anggota Tim" in body


def test_input_data_matrik_with_htmx_appends_then_replaces_the_row(tim, login):
    matrik = _matrik(tim)
    actor = login(tim.leader)
    r = actor.hx_post(_url(tim, "/tambah"), data=_peran_form(tim.anggota, 1, peran="Satu"))
    body = r.get_data(as_text=True)
    row_id = f"mph-{matrik.id}-a-{tim.anggota.id}"
    assert r.headers["HX-Trigger"] == "closeModal"
    assert '<template><tbody hx-swap-oob="beforeend:#mph-rows">' in body and row_id in body
    r = actor.hx_post(_url(tim, "/tambah"), data=_peran_form(tim.anggota, 2, peran="Dua"))
    body = r.get_data(as_text=True)
    assert f'<template><tr id="{row_id}" hx-swap-oob="true">' in body
    assert "Satu" in body and "Dua" in body and "beforeend" not in body


def test_a_nip_that_is_not_a_bawahan_is_refused(tim, login):
    _matrik(tim)
    data = _peran_form(tim.luar, peran="Peran tamu")
    r = login(tim.leader).post(_url(tim, "/tambah"), data=data)
    body = r.get_data(as_text=True)
    assert r.status_code == 422
    assert f"LUAR ({tim.luar.nip}) bukan bawahan Anda." in body
    assert "Peran tamu" in body  # the input is kept
    assert db.session.scalar(select(PeranHasil)) is None


@pytest.mark.parametrize(
    "change, field_message",
    [
        ({"peran": "   "}, "Wajib diisi."),
        ({"pegawai": ""}, "Wajib diisi."),
        ({"pegawai": "12345"}, "bukan NIP"),
        ({"jabatan_tim": "Ketua Besar"}, "Pilihan tidak sah."),
        ({"kolom": "4"}, "Pilihan tidak sah."),
        ({"peran": "x" * 2001}, "Paling banyak 2000 karakter."),
    ],
)
def test_bad_input_data_matrik_is_refused_by_the_field(tim, login, change, field_message):
    _matrik(tim)
    data = {**_peran_form(tim.anggota), **change}
    r = login(tim.leader).post(_url(tim, "/tambah"), data=data)
    assert r.status_code == 422 and field_message in r.get_data(as_text=True)
    assert db.session.scalar(select(PeranHasil)) is None


def test_one_role_per_pegawai_and_column(tim, login):
    matrik = _matrik(tim)
    factories.make_peran(matrik, tim.anggota, 1)
    db.session.commit()
    r = login(tim.leader).post(_url(tim, "/tambah"), data=_peran_form(tim.anggota, 1))
    assert r.status_code == 422 and "sudah mempunyai peran pada Peran 1" in r.get_data(as_text=True)


def test_nul_characters_are_dropped(tim, login):
    _matrik(tim)
    data = _peran_form(tim.anggota, peran="Peran\x00 bersih")
    assert login(tim.leader).post(_url(tim, "/tambah"), data=data).status_code == 302
    assert db.session.scalar(select(PeranHasil)).teks == "Peran bersih"


def test_lihat_shows_the_chosen_bawahans_uraian_jabatan(tim, login):
    _matrik(tim)
    data = {"pegawai": tim.anggota.nip, "lihat": "1", "peran": "draf"}
    r = login(tim.leader).post(_url(tim, "/tambah"), data=data)
    body = r.get_data(as_text=True)
    assert r.status_code == 200
    assert "Memelihara aplikasi kinerja" in body and "Menyusun laporan data" in body
    assert f'name="salin" value="{tim.uraian.id}"' in body
    assert "draf" in body and db.session.scalar(select(PeranHasil)) is None


def test_salin_copies_an_uraian_jabatan_into_peran(tim, login):
    _matrik(tim)
    data = {"pegawai": tim.anggota.nip, "kolom": "2", "salin": str(tim.uraian.id)}
    for send in ("post", "hx_post"):
        r = getattr(login(tim.leader), send)(_url(tim, "/tambah"), data=data)
        body = r.get_data(as_text=True)
        assert r.status_code == 200
        assert "\nMemelihara aplikasi kinerja</textarea>" in body
        assert '<option selected value="2">' in body
    assert db.session.scalar(select(PeranHasil)) is None


def test_salin_of_another_pegawais_uraian_is_refused(tim, login):
    _matrik(tim)
    other = factories.make_uraian(tim.ketua, "Rahasia ketua")
    db.session.commit()
    data = {"pegawai": tim.anggota.nip, "salin": str(other.id)}
    r = login(tim.leader).post(_url(tim, "/tambah"), data=data)
    body = r.get_data(as_text=True)
    assert r.status_code == 422 and "Uraian Jabatan tidak ditemukan." in body
    assert "Rahasia ketua" not in body


def test_uraian_fragment_for_a_bawahan(tim, login):
    actor = login(tim.leader)
    r = actor.hx_get(_url(tim, f"/uraian?pegawai={tim.anggota.nip}"))
    body = r.get_data(as_text=True)
    assert r.status_code == 200 and "<html" not in body and "Memelihara aplikasi kinerja" in body
    for typed in ("", "IRDI", "1980"):  # nothing chosen yet: no error while typing
        r = actor.hx_get(_url(tim, f"/uraian?pegawai={typed}"))
        assert r.status_code == 200 and "Pilih Nama Pegawai" in r.get_data(as_text=True)
    factories.make_uraian(tim.luar, "Tugas orang luar")
    db.session.commit()
    r = actor.hx_get(_url(tim, f"/uraian?pegawai={tim.luar.nip}"))
    body = r.get_data(as_text=True)
    assert r.status_code == 422 and "bukan bawahan Anda" in body
    assert "Tugas orang luar" not in body


# --- Edit and Hapus --------------------------------------------------------------------------


@pytest.fixture
def peran(tim):
    matrik = _matrik(tim)
    peran = factories.make_peran(matrik, tim.anggota, 1, teks="Peran lama")
    factories.make_peran(matrik, tim.anggota, 2, teks="Peran kedua")
    db.session.commit()
    return peran


def _edit(p, **change):
    data = {
        "jabatan_tim": p.jabatan_tim,
        "kolom": p.kolom,
        "peran": p.teks,
        "version": p.version_id,
    }
    return {**data, **change}


def test_edit_dialog_and_save(tim, peran, login):
    actor = login(tim.leader)
    body = actor.hx_get(f"{M}/peran/{peran.id}/edit").get_data(as_text=True)
    assert "Edit Data Matrik" in body and "Peran lama" in body and tim.anggota.nip in body
    r = actor.post(f"{M}/peran/{peran.id}/edit", data=_edit(peran, peran="Peran baru"))
    assert r.status_code == 302
    assert db.session.get(PeranHasil, peran.id).teks == "Peran baru"


def test_edit_with_htmx_replaces_the_row(tim, peran, login):
    r = login(tim.leader).hx_post(
        f"{M}/peran/{peran.id}/edit", data=_edit(peran, peran="Peran baru")
    )
    body = r.get_data(as_text=True)
    row = f"mph-{peran.matrik_id}-a-{tim.anggota.id}"
    assert f'<template><tr id="{row}" hx-swap-oob="true">' in body and "Peran baru" in body


def test_edit_to_ketua_tim_moves_the_role_to_a_new_row(tim, peran, login):
    data = _edit(peran, jabatan_tim="Ketua Tim", kolom="3")
    body = login(tim.leader).hx_post(f"{M}/peran/{peran.id}/edit", data=data).get_data(as_text=True)
    old, new = (
        f"mph-{peran.matrik_id}-a-{tim.anggota.id}",
        f"mph-{peran.matrik_id}-k-{tim.anggota.id}",
    )
    assert f'<template><tr id="{old}" hx-swap-oob="true">' in body  # still holds Peran kedua
    assert 'hx-swap-oob="beforeend:#mph-rows"' in body and new in body


def test_edit_that_empties_a_row_deletes_it(tim, login):
    matrik = _matrik(tim)
    peran = factories.make_peran(matrik, tim.anggota, 1)
    db.session.commit()
    body = (
        login(tim.leader)
        .hx_post(f"{M}/peran/{peran.id}/edit", data=_edit(peran, jabatan_tim="Ketua Tim"))
        .get_data(as_text=True)
    )
    old = f"mph-{matrik.id}-a-{tim.anggota.id}"
    assert f'<tr id="{old}" hx-swap-oob="delete">' in body


def test_a_stale_edit_is_refused(tim, peran, login):
    data = _edit(peran, peran="Tertimpa", version=peran.version_id + 1)
    r = login(tim.leader).post(f"{M}/peran/{peran.id}/edit", data=data)
    body = r.get_data(as_text=True)
    assert r.status_code == 409 and STALE in body and "Tertimpa" in body
    assert db.session.get(PeranHasil, peran.id).teks == "Peran lama"


def test_edit_empty_peran_is_422(tim, peran, login):
    r = login(tim.leader).post(f"{M}/peran/{peran.id}/edit", data=_edit(peran, peran=""))
    assert r.status_code == 422 and "Wajib diisi." in r.get_data(as_text=True)


def test_edit_into_an_occupied_column_is_422(tim, peran, login):
    r = login(tim.leader).post(f"{M}/peran/{peran.id}/edit", data=_edit(peran, kolom="2"))
    assert r.status_code == 422 and "sudah mempunyai peran pada Peran 2" in r.get_data(as_text=True)


def test_salin_in_edit(tim, peran, login):
    data = _edit(peran, salin=str(tim.uraian.id))
    r = login(tim.leader).post(f"{M}/peran/{peran.id}/edit", data=data)
    assert r.status_code == 200 and "\nMemelihara aplikasi kinerja</textarea>" in r.get_data(
        as_text=True
    )
    assert db.session.get(PeranHasil, peran.id).teks == "Peran lama"


def test_hapus_asks_without_js_then_deletes(tim, peran, login):
    actor, peran_id = login(tim.leader), peran.id
    body = actor.get(f"{M}/peran/{peran_id}/hapus").get_data(as_text=True)
    assert "Konfirmasi Hapus" in body and "Peran lama" in body
    actor.client.head(f"{M}/peran/{peran_id}/hapus")
    assert db.session.get(PeranHasil, peran_id) is not None
    assert actor.post(f"{M}/peran/{peran_id}/hapus").status_code == 302
    assert db.session.get(PeranHasil, peran_id) is None


def test_hapus_with_htmx_answers_the_row_left(tim, peran, login):
    actor = login(tim.leader)
    body = actor.hx_post(f"{M}/peran/{peran.id}/hapus").get_data(as_text=True)
    assert (
        "Peran kedua" in body
        and "Peran lama" not in body
        and "hx-swap-oob" not in body.split('<div id="flash"')[0]
    )
    kedua = db.session.scalar(select(PeranHasil))
    body = actor.hx_post(f"{M}/peran/{kedua.id}/hapus").get_data(as_text=True)
    assert "<tr" not in body  # the row is gone


def test_the_role_holder_cannot_edit_it(tim, peran, login):
    assert login(tim.anggota).get(f"{M}/peran/{peran.id}/edit").status_code == 404
    assert login(tim.anggota).post(f"{M}/peran/{peran.id}/hapus").status_code == 404


# --- level 2: a Ketua Tim splits their role -----------------------------------------------------


@pytest.fixture
def ketua_peran(tim):
    matrik = _matrik(tim)
    induk = factories.make_peran(matrik, tim.ketua, 1, "Ketua Tim", teks="Koordinasi data")
    factories.make_peran(matrik, tim.anggota, 2, teks="Anggota di kolom 2")
    db.session.commit()
    return induk


def test_ketua_tim_opens_the_split_and_gives_an_anggota_a_role(tim, ketua_peran, login):
    actor = login(tim.ketua)
    url = f"{M}/peran/{ketua_peran.id}/bagi"
    assert "Input Jumlah Kolom" in actor.get(url).get_data(as_text=True)
    assert actor.post(f"{url}/kolom", data={"jumlah_kolom": "2"}).status_code == 302
    dialog = actor.hx_get(f"{url}/tambah").get_data(as_text=True)
    assert "Anggota Tim" in dialog and 'value="Ketua Tim"' not in dialog
    assert tim.anggota.nip in dialog  # an Anggota Tim of the leader's result
    r = actor.post(f"{url}/tambah", data=_peran_form(tim.anggota, 2, peran="Sub peran"))
    assert r.status_code == 302
    sub = db.session.scalar(select(PeranHasil).where(PeranHasil.teks == "Sub peran"))
    assert sub.matrik.induk_id == ketua_peran.id
    body = actor.get(url).get_data(as_text=True)
    assert "Koordinasi data" in body and "Sub peran" in body
    assert login(tim.ketua).get(f"{M}/").get_data(as_text=True).count(url) == 1


def test_ketua_tim_cannot_name_someone_outside_the_team(tim, ketua_peran, login):
    actor = login(tim.ketua)
    url = f"{M}/peran/{ketua_peran.id}/bagi"
    actor.post(f"{url}/kolom", data={"jumlah_kolom": "1"})
    r = actor.post(f"{url}/tambah", data=_peran_form(tim.luar))
    assert r.status_code == 422 and "bukan bawahan atau Anggota Tim Anda" in r.get_data(
        as_text=True
    )
    r = actor.post(f"{url}/tambah", data=_peran_form(tim.anggota, jabatan="Ketua Tim"))
    assert r.status_code == 422 and "Pilihan tidak sah." in r.get_data(as_text=True)


def test_only_the_ketua_tim_opens_the_split(tim, ketua_peran, login):
    url = f"{M}/peran/{ketua_peran.id}/bagi"
    assert login(tim.leader).get(url).status_code == 404
    assert login(tim.anggota).get(url).status_code == 404
    anggota_role = db.session.scalar(
        select(PeranHasil).where(PeranHasil.jabatan_tim == "Anggota Tim")
    )
    assert login(tim.anggota).get(f"{M}/peran/{anggota_role.id}/bagi").status_code == 404


def test_deleting_a_ketua_role_names_and_removes_its_split(tim, ketua_peran, login):
    sub_matrik = MatrikPeranHasil(induk=ketua_peran, jumlah_kolom=1)
    db.session.add(sub_matrik)
    db.session.flush()
    factories.make_peran(sub_matrik, tim.anggota, 1, teks="Sub")
    db.session.commit()
    sub_id, actor = sub_matrik.id, login(tim.leader)
    body = actor.get(f"{M}/peran/{ketua_peran.id}/hapus").get_data(as_text=True)
    assert "beserta 1 peran Anggota Tim yang dibagi darinya" in body
    assert 'Koordinasi data</span> <small class="muted">(dibagi kepada 1 peran Anggota Tim)' in (
        actor.get(f"{M}/rencana/{tim.rencana.id}").get_data(as_text=True)
    )
    r = actor.post(
        f"{M}/peran/{ketua_peran.id}/edit", data=_edit(ketua_peran, jabatan_tim="Anggota Tim")
    )
    assert r.status_code == 422 and "sudah dibagi kepada Anggota Tim" in r.get_data(as_text=True)
    assert actor.post(f"{M}/peran/{ketua_peran.id}/hapus").status_code == 302
    db.session.expunge_all()  # the objects this test made are gone from the database
    assert db.session.scalar(select(PeranHasil).where(PeranHasil.teks == "Sub")) is None
    assert db.session.get(MatrikPeranHasil, sub_id) is None


# --- menu -------------------------------------------------------------------------------------


def _menu(login, pegawai) -> str:
    body = login(pegawai).get("/").get_data(as_text=True)
    return body[body.index('<nav class="menu"') : body.index("</nav>")]


def test_menu_shows_matrik_to_jpt_atasan_and_ketua_tim_only(tim, login):
    assert "Matrik Peran Hasil" in _menu(login, tim.leader)
    atasan_ja = factories.make_pegawai("ADMINISTRATOR", jenis="JA")
    factories.make_pegawai("STAF", jenis="JF", atasan=atasan_ja)
    db.session.commit()
    assert "Matrik Peran Hasil" in _menu(login, atasan_ja)
    assert "Matrik Peran Hasil" not in _menu(login, tim.ketua)
    factories.make_peran(_matrik(tim), tim.ketua, 1, "Ketua Tim")
    db.session.commit()
    assert "Matrik Peran Hasil" in _menu(login, tim.ketua)
    assert "Uraian Jabatan" in _menu(login, tim.anggota)


# --- budgets ----------------------------------------------------------------------------------


def test_matrix_page_queries_do_not_grow_with_roles(tim, login, count_queries):
    matrik = _matrik(tim, 3)
    factories.make_peran(matrik, tim.anggota, 1)
    db.session.commit()
    actor = login(tim.leader)
    actor.get(_url(tim))
    with count_queries() as few:
        actor.get(_url(tim))
    for i in range(30):
        p = factories.make_pegawai(f"STAF {i:02d}", atasan=tim.leader)
        for k in (1, 2, 3):
            factories.make_peran(matrik, p, k, "Ketua Tim" if i % 5 == 0 else "Anggota Tim")
    db.session.commit()
    with count_queries() as many:
        body = actor.get(_url(tim)).get_data(as_text=True)
    assert body.count('<tr id="mph-') == 31
    assert len(many) == len(few)


def test_edit_and_hapus_fragments_are_small(tim, peran, login):
    import gzip

    actor = login(tim.leader)
    r = actor.hx_post(f"{M}/peran/{peran.id}/edit", data=_edit(peran, peran="Peran baru"))
    assert len(gzip.compress(r.get_data())) < 2048
    r = actor.hx_post(f"{M}/peran/{peran.id}/hapus")
    assert len(gzip.compress(r.get_data())) < 2048


def test_a_ja_atasan_divides_their_own_skp_ja_jf(login):
    administrator = factories.make_pegawai("ADMINISTRATOR", jenis="JA")
    staf = factories.make_pegawai("STAF", jenis="JF", atasan=administrator)
    skp = factories.make_skp(administrator, jenis="JAJF")
    db.session.commit()
    actor = login(administrator)
    assert f"{M}/skp/{skp.id}" in actor.get(f"{M}/").get_data(as_text=True)
    body = actor.get(f"{M}/skp/{skp.id}").get_data(as_text=True)
    assert f"RENCANA SKP JF/JA ADMINISTRATOR / {administrator.nip} PERIODE" in body
    assert "A. UTAMA" in body and "B. KINERJA TAMBAHAN" in body and "ASPEK" in body
    url = f"{M}/rencana/{skp.rencana[0].id}"
    assert actor.post(f"{url}/kolom", data={"jumlah_kolom": "1"}).status_code == 302
    data = _peran_form(staf, 1, peran="Peran staf")
    assert actor.post(f"{url}/tambah", data=data).status_code == 302
    assert "Peran staf" in actor.get(url).get_data(as_text=True)
