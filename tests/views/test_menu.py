"""Each pegawai sees the menus of their jenis jabatan and role."""

import re

import pytest

from tests import factories


def _menu(login, pegawai) -> str:
    body = login(pegawai).get("/").get_data(as_text=True)
    return body[body.index('<nav class="menu"') : body.index("</nav>")]


def test_jpt_sees_perjanjian_kinerja(login):
    menu = _menu(login, factories.make_pegawai(jenis="JPT"))
    assert "Dashboard" in menu and "Perjanjian Kinerja" in menu and "Ubah Profile" in menu


def test_ja_does_not_see_jpt_menus(login):
    menu = _menu(login, factories.make_pegawai(jenis="JA"))
    assert "Dashboard" in menu and "Perjanjian Kinerja" not in menu


def test_operator_sees_the_admin_menus(login):
    menu = _menu(login, factories.make_pegawai(jenis="JA", is_operator=True))
    assert "Pegawai" in menu and "Unit Kerja" in menu
    plain = _menu(login, factories.make_pegawai(jenis="JA"))
    assert "Unit Kerja" not in plain


def _current(body: str) -> list[str]:
    menu = body[body.index('<nav class="menu"') : body.index("</nav>")]
    return re.findall(r'aria-current="page">([^<]+)<', menu)


@pytest.mark.parametrize(
    "url, entry",
    [
        ("/admin/pegawai", "Pegawai"),
        ("/admin/pegawai/tambah", "Pegawai"),
        ("/admin/pegawai/impor", "Pegawai"),
        ("/admin/unit-kerja", "Unit Kerja"),
        ("/admin/unit-kerja/tambah", "Unit Kerja"),
        ("/", "Dashboard"),
    ],
)
def test_one_menu_entry_is_current(login, url, entry):
    me = login(factories.make_pegawai(jenis="JA", is_operator=True, is_admin=True))
    assert _current(me.get(url).get_data(as_text=True)) == [entry]


def test_the_menu_hides_behind_a_button_on_narrow_screens(login):
    body = login(factories.make_pegawai(jenis="JA")).get("/").get_data(as_text=True)
    # A <details> opens and closes without JavaScript; app.css shows the menu when it is open.
    assert '<details class="menu-toggle"><summary aria-controls="menu-utama">Menu</summary>' in body
    assert '<nav class="menu" id="menu-utama" aria-label="Menu utama">' in body


def test_a_dialog_shown_as_a_page_names_the_tab(login):
    me = login(factories.make_pegawai(jenis="JPT"))
    body = me.get("/perjanjian-kinerja/tambah").get_data(as_text=True)
    title = re.search(r"<title>([^<]+)</title>", body).group(1)
    assert title == "Tambah Perjanjian Kinerja — Toolkit Kinerja"


def test_the_confirmation_pages_hapus_looks_destructive(login):
    owner = factories.make_pegawai(jenis="JPT")
    pk = factories.make_pk(owner, tahun=2021)
    body = login(owner).get(f"/perjanjian-kinerja/{pk.id}/hapus").get_data(as_text=True)
    assert (
        "Konfirmasi Hapus" in body and '<button type="submit" class="danger">Hapus</button>' in body
    )


def test_the_nonaktifkan_confirmation_looks_destructive(login):
    admin = factories.make_pegawai(jenis="JA", is_operator=True, is_admin=True)
    other = factories.make_pegawai(jenis="JA")
    body = login(admin).get(f"/admin/pegawai/{other.id}/nonaktifkan").get_data(as_text=True)
    assert '<button type="submit" class="danger">Nonaktifkan</button>' in body


def test_periode_penilaian_is_the_admins_alone(login):
    admin = _menu(login, factories.make_pegawai(jenis="JA", is_admin=True))
    assert "Periode Penilaian" in admin
    operator = _menu(login, factories.make_pegawai(jenis="JA", is_operator=True))
    assert "Periode Penilaian" not in operator


def test_periode_penilaian_is_current_on_its_screens(login):
    me = login(factories.make_pegawai(jenis="JA", is_operator=True, is_admin=True))
    for url in ("/admin/periode-penilaian/", "/admin/periode-penilaian/2022/tw1/batas"):
        assert _current(me.get(url).get_data(as_text=True)) == ["Periode Penilaian"]


def test_distribusi_predikat_belongs_to_skp_bawahan(login):
    me = login(factories.make_pegawai(jenis="JPT"))
    body = me.get("/skp-bawahan/distribusi/2022/tw1").get_data(as_text=True)
    assert _current(body) == ["SKP Bawahan"]
