"""Uraian Jabatan: each pegawai's list of duties, kept by the pegawai or an admin/operator."""

from sqlalchemy import select

from tests import factories
from webapp.extensions import db
from webapp.models import UraianJabatan

U = "/uraian-jabatan"
STALE = "Data ini telah diubah oleh pengguna lain; muat ulang."


def _pegawai():
    p = factories.make_pegawai("IRDIAN", jenis="JF")
    db.session.commit()
    return p


def test_own_list_page_and_fragment(login):
    p = _pegawai()
    factories.make_uraian(p, "Memelihara aplikasi")
    db.session.commit()
    actor = login(p)
    body = actor.get(f"{U}/").get_data(as_text=True)
    assert "<h1>Uraian Jabatan</h1>" in body and "Memelihara aplikasi" in body
    assert "pegawai lain" not in body  # the NIP form is for admin/operator
    r = actor.hx_get(f"{U}/")
    assert r.status_code == 200 and "<html" not in r.get_data(as_text=True)


def test_tambah_with_and_without_js(login):
    p = _pegawai()
    actor = login(p)
    assert "Tambah Uraian Jabatan" in actor.hx_get(f"{U}/pegawai/{p.id}/tambah").get_data(
        as_text=True
    )
    r = actor.post(f"{U}/pegawai/{p.id}/tambah", data={"teks": "Tugas satu"})
    assert r.status_code == 302 and r.headers["Location"].endswith(f"{U}/")
    r = actor.hx_post(f"{U}/pegawai/{p.id}/tambah", data={"teks": "Tugas dua"})
    body = r.get_data(as_text=True)
    assert r.headers["HX-Trigger"] == "closeModal"
    assert '<template><tbody hx-swap-oob="beforeend:#uraian-rows">' in body
    assert '<td id="uraian-no-' in body and ">2</td>" in body
    assert [u.urutan for u in db.session.scalars(select(UraianJabatan))] == [1, 2]


def test_empty_and_too_long_are_refused(login):
    p = _pegawai()
    actor = login(p)
    r = actor.post(f"{U}/pegawai/{p.id}/tambah", data={"teks": "  "})
    assert r.status_code == 422 and "Wajib diisi." in r.get_data(as_text=True)
    r = actor.post(f"{U}/pegawai/{p.id}/tambah", data={"teks": "x" * 1001})
    assert r.status_code == 422 and "Paling banyak 1000 karakter." in r.get_data(as_text=True)
    assert db.session.scalar(select(UraianJabatan)) is None


def test_edit_and_stale_edit(login):
    p = _pegawai()
    u = factories.make_uraian(p, "Lama")
    db.session.commit()
    actor = login(p)
    assert "Lama" in actor.get(f"{U}/{u.id}/edit").get_data(as_text=True)
    stale = {"teks": "Tertimpa", "version": str(u.version_id + 1)}
    r = actor.post(f"{U}/{u.id}/edit", data=stale)
    assert r.status_code == 409 and STALE in r.get_data(as_text=True)
    r = actor.hx_post(f"{U}/{u.id}/edit?no=1", data={"teks": "Baru", "version": u.version_id})
    body = r.get_data(as_text=True)
    assert f'<template><tr id="uraian-{u.id}" hx-swap-oob="true">' in body and "Baru" in body
    assert db.session.get(UraianJabatan, u.id).teks == "Baru"


def test_hapus_renumbers_the_rows_below(login):
    p = _pegawai()
    first = factories.make_uraian(p, "Satu", 1)
    second = factories.make_uraian(p, "Dua", 2)
    db.session.commit()
    first_id, actor = first.id, login(p)
    assert "Konfirmasi Hapus" in actor.get(f"{U}/{first_id}/hapus").get_data(as_text=True)
    body = actor.hx_post(f"{U}/{first_id}/hapus").get_data(as_text=True)
    assert f'<template><td id="uraian-no-{second.id}" hx-swap-oob="true">1</td></template>' in body
    assert db.session.get(UraianJabatan, first_id) is None


def test_admin_keeps_anothers_list_others_get_404(login):
    p = _pegawai()
    u = factories.make_uraian(p, "Tugas")
    admin = factories.make_pegawai("ADMIN", is_admin=True)
    other = factories.make_pegawai("LAIN")
    db.session.commit()
    r = login(admin).get(f"{U}/?nip={p.nip}")
    assert r.status_code == 302 and r.headers["Location"].endswith(f"{U}/pegawai/{p.id}")
    assert "Tugas" in login(admin).get(f"{U}/pegawai/{p.id}").get_data(as_text=True)
    r = login(admin).post(f"{U}/pegawai/{p.id}/tambah", data={"teks": "Dari admin"})
    assert r.status_code == 302 and r.headers["Location"].endswith(f"{U}/pegawai/{p.id}")
    r = login(admin).get(f"{U}/?nip=199999999999999999")
    assert r.status_code == 422 and "tidak ditemukan" in r.get_data(as_text=True)
    assert login(other).get(f"{U}/pegawai/{p.id}").status_code == 404
    assert login(other).post(f"{U}/{u.id}/edit", data={"teks": "x"}).status_code == 404
    assert login(other).get(f"{U}/?nip={p.nip}").status_code == 200  # own list, no redirect
