"""Each pegawai sees the menus of their jenis jabatan and role."""

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
