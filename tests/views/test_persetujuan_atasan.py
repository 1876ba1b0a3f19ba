"""A pegawai's own change of atasan waits for the named atasan (issue 6, point 2): Ubah Profile
makes a request, the old relation stays, the named person (or an operator of the pegawai's unit
tree) Setujui / Tolak it on "Persetujuan Atasan"; admin changes apply at once."""

from types import SimpleNamespace

import pytest
from sqlalchemy import select

from tests import factories
from webapp.extensions import db
from webapp.models import Pegawai, PermintaanAtasan
from webapp.services import atasan as atasan_svc

PW = factories.PASSWORD


def _reload(p):
    db.session.expire_all()
    return db.session.get(Pegawai, p.id)


@pytest.fixture
def cast():
    """PEGAWAI (unit DIREKTORAT) has LAMA as Atasan Langsung and asks for BARU."""
    direktorat = factories.make_unit("DIREKTORAT")
    lama = factories.make_pegawai("LAMA", jenis="JPT")
    baru = factories.make_pegawai("BARU", jenis="JPT")
    pegawai = factories.make_pegawai("PEGAWAI", unit=direktorat, atasan=lama)
    orang_lain = factories.make_pegawai("ORANG LAIN")
    operator = factories.make_pegawai("OPERATOR DIREKTORAT", unit=direktorat, is_operator=True)
    operator_luar = factories.make_pegawai("OPERATOR LUAR", is_operator=True)
    db.session.commit()
    return SimpleNamespace(
        lama=lama,
        baru=baru,
        pegawai=pegawai,
        orang_lain=orang_lain,
        operator=operator,
        operator_luar=operator_luar,
    )


def _minta(cast, login, **changes):
    data = factories.profil_data(cast.pegawai, atasan_langsung=cast.baru.nip, **changes)
    r = login(cast.pegawai).post("/profil", data=data, follow_redirects=True)
    assert r.status_code == 200
    return atasan_svc.menunggu(_reload(cast.pegawai))["langsung"], r.get_data(as_text=True)


def test_own_change_waits_and_the_old_atasan_stays(cast, login):
    permintaan, html = _minta(cast, login)
    assert "Profil disimpan." in html
    assert "Atasan Langsung (BARU) menunggu persetujuan" in html
    assert permintaan.atasan_id == cast.baru.id and permintaan.tingkat == "langsung"
    assert _reload(cast.pegawai).atasan_langsung_id == cast.lama.id
    # The profile shows the requested person with "menunggu persetujuan"; so does the Dashboard.
    me = login(cast.pegawai)
    html = me.get("/profil").get_data(as_text=True)
    assert f'value="{cast.baru.nip}"' in html
    # The current atasan by name and NIP above the box; the request waiting in its hint.
    assert f"<strong>LAMA</strong> ({cast.lama.nip})" in html
    assert f"Menunggu persetujuan: BARU ({cast.baru.nip})" in html
    html = me.get("/").get_data(as_text=True)
    assert "<td>LAMA <small" in html and "diminta: BARU — menunggu persetujuan" in html
    # A new SKP still goes to the old atasan.
    skp = factories.make_skp(_reload(cast.pegawai), jenis="JAJF")
    assert skp.penilai_id == cast.lama.id


def test_the_named_atasan_sees_it_in_the_menu_and_the_list(cast, login):
    permintaan, _ = _minta(cast, login)
    baru = login(cast.baru)
    html = baru.get("/").get_data(as_text=True)
    assert 'href="/persetujuan-atasan/"' in html and "Persetujuan Atasan</a>" in html
    html = baru.get("/persetujuan-atasan/").get_data(as_text=True)
    assert "PEGAWAI" in html and "Atasan Langsung" in html and "LAMA" in html
    assert f'hx-post="/persetujuan-atasan/{permintaan.id}/setujui"' in html
    assert 'hx-confirm="Setujui BARU sebagai Atasan Langsung PEGAWAI?"' in html
    assert ">Setujui</a>" in html and ">Tolak</a>" in html
    # Nobody else has it on their menu or list.
    html = login(cast.orang_lain).get("/").get_data(as_text=True)
    assert "Persetujuan Atasan" not in html
    html = login(cast.orang_lain).get("/persetujuan-atasan/").get_data(as_text=True)
    assert "PEGAWAI" not in html and "Tidak ada permintaan" in html


def test_setujui_without_javascript_confirms_first(cast, login):
    permintaan, _ = _minta(cast, login)
    baru = login(cast.baru)
    url = f"/persetujuan-atasan/{permintaan.id}/setujui"
    page = baru.get(url).get_data(as_text=True)
    assert "Setujui Permintaan Atasan" in page and 'method="post"' in page
    assert '<button type="submit">Setujui</button>' in page
    assert _reload(cast.pegawai).atasan_langsung_id == cast.lama.id  # GET changed nothing
    assert baru._request("HEAD", url).status_code == 200  # nor does HEAD
    assert _reload(cast.pegawai).atasan_langsung_id == cast.lama.id
    r = baru.post(url)
    assert r.status_code == 302 and r.headers["Location"].endswith("/persetujuan-atasan/")
    assert _reload(cast.pegawai).atasan_langsung_id == cast.baru.id
    db.session.expire_all()
    done = db.session.get(PermintaanAtasan, permintaan.id)
    assert done.status == "disetujui" and done.diputuskan_oleh_id == cast.baru.id
    assert baru.post(url).status_code == 404  # decided: no longer anyone's to decide


def test_setujui_with_htmx_removes_the_row(cast, login):
    permintaan, _ = _minta(cast, login)
    r = login(cast.baru).hx_post(f"/persetujuan-atasan/{permintaan.id}/setujui")
    html = r.get_data(as_text=True)
    assert r.status_code == 200 and "<tr" not in html
    assert "Atasan Langsung PEGAWAI: BARU disetujui." in html  # the flash rides along
    assert _reload(cast.pegawai).atasan_langsung_id == cast.baru.id


def test_tolak_keeps_the_old_atasan(cast, login):
    permintaan, _ = _minta(cast, login)
    r = login(cast.baru).post(f"/persetujuan-atasan/{permintaan.id}/tolak")
    assert r.status_code == 302
    assert _reload(cast.pegawai).atasan_langsung_id == cast.lama.id
    db.session.expire_all()
    assert db.session.get(PermintaanAtasan, permintaan.id).status == "ditolak"
    assert "Menunggu persetujuan" not in login(cast.pegawai).get("/profil").get_data(as_text=True)


@pytest.mark.parametrize("who", ["pegawai", "lama", "orang_lain", "operator_luar"])
def test_anyone_else_gets_404_and_changes_nothing(cast, login, who):
    permintaan, _ = _minta(cast, login)
    actor = login(getattr(cast, who))
    for aksi in ("setujui", "tolak"):
        url = f"/persetujuan-atasan/{permintaan.id}/{aksi}"
        assert actor.get(url).status_code == 404
        assert actor.post(url).status_code == 404
    assert _reload(cast.pegawai).atasan_langsung_id == cast.lama.id
    db.session.expire_all()
    assert db.session.get(PermintaanAtasan, permintaan.id).status == "menunggu"


def test_an_operator_of_the_unit_tree_may_decide(cast, login):
    permintaan, _ = _minta(cast, login)
    operator = login(cast.operator)
    assert "PEGAWAI" in operator.get("/persetujuan-atasan/").get_data(as_text=True)
    assert operator.post(f"/persetujuan-atasan/{permintaan.id}/setujui").status_code == 302
    assert _reload(cast.pegawai).atasan_langsung_id == cast.baru.id


def test_an_operator_never_approves_their_own_request(cast, login):
    """The operator of the Direktorat works there too: their own request is not theirs to set."""
    data = factories.profil_data(cast.operator, atasan_langsung=cast.baru.nip)
    assert login(cast.operator).post("/profil", data=data).status_code == 302
    permintaan = db.session.scalar(select(PermintaanAtasan))
    operator = login(cast.operator)
    assert operator.post(f"/persetujuan-atasan/{permintaan.id}/setujui").status_code == 404
    assert "Tidak ada permintaan" in operator.get("/persetujuan-atasan/").get_data(as_text=True)
    assert _reload(cast.operator).atasan_langsung_id is None


def test_a_change_that_no_longer_holds_is_not_applied(cast, login):
    """Meanwhile BARU got PEGAWAI as Atasan Langsung: approving would close a loop."""
    permintaan, _ = _minta(cast, login)
    cast.baru.atasan_langsung = cast.pegawai
    db.session.commit()
    r = login(cast.baru).post(f"/persetujuan-atasan/{permintaan.id}/setujui", follow_redirects=True)
    assert "berada di bawah PEGAWAI dalam rantai atasan" in r.get_data(as_text=True)
    assert _reload(cast.pegawai).atasan_langsung_id == cast.lama.id
    db.session.expire_all()
    assert db.session.get(PermintaanAtasan, permintaan.id).status == "menunggu"


def test_going_back_withdraws_and_clearing_applies_at_once(cast, login):
    permintaan, _ = _minta(cast, login)
    pegawai = _reload(cast.pegawai)
    r = login(cast.pegawai).post(
        "/profil", data=factories.profil_data(pegawai, atasan_langsung=cast.lama.nip)
    )
    assert r.status_code == 302
    db.session.expire_all()
    assert db.session.get(PermintaanAtasan, permintaan.id).status == "dibatalkan"
    assert login(cast.baru).post(f"/persetujuan-atasan/{permintaan.id}/setujui").status_code == 404
    pegawai = _reload(cast.pegawai)
    r = login(cast.pegawai).post("/profil", data=factories.profil_data(pegawai, atasan_langsung=""))
    assert r.status_code == 302 and _reload(cast.pegawai).atasan_langsung_id is None


def test_a_second_request_replaces_the_first(cast, login):
    first, _ = _minta(cast, login)
    pegawai = _reload(cast.pegawai)
    data = factories.profil_data(pegawai, atasan_langsung=cast.orang_lain.nip)
    assert login(cast.pegawai).post("/profil", data=data).status_code == 302
    assert atasan_svc.menunggu(_reload(cast.pegawai))["langsung"].atasan_id == cast.orang_lain.id
    assert login(cast.baru).post(f"/persetujuan-atasan/{first.id}/setujui").status_code == 404


def test_atasan_ii_and_iii_wait_too(cast, login):
    data = factories.profil_data(
        cast.pegawai, atasan_ii=cast.baru.nip, atasan_iii=cast.orang_lain.nip
    )
    assert login(cast.pegawai).post("/profil", data=data).status_code == 302
    pegawai = _reload(cast.pegawai)
    assert pegawai.atasan_ii_id is None and pegawai.atasan_iii_id is None
    assert set(atasan_svc.menunggu(pegawai)) == {"ii", "iii"}
    ii = atasan_svc.menunggu(pegawai)["ii"]
    assert login(cast.baru).post(f"/persetujuan-atasan/{ii.id}/setujui").status_code == 302
    assert _reload(cast.pegawai).atasan_ii_id == cast.baru.id


def test_an_admin_change_applies_at_once_and_voids_the_request(world, cast, login):
    permintaan, _ = _minta(cast, login)
    p = _reload(cast.pegawai)
    data = {
        "nip": p.nip,
        "nama": p.nama,
        "jabatan": p.jabatan,
        "jenis_jabatan": p.jenis_jabatan,
        "pangkat_golongan": p.pangkat_golongan,
        "unit_kerja": str(p.unit_kerja_id),
        "atasan_langsung": cast.orang_lain.nip,
        "version": str(p.version_id),
        "password": "",
    }
    assert login(world.admin).post(f"/admin/pegawai/{p.id}/ubah", data=data).status_code == 302
    assert _reload(cast.pegawai).atasan_langsung_id == cast.orang_lain.id
    db.session.expire_all()
    assert db.session.get(PermintaanAtasan, permintaan.id).status == "dibatalkan"
