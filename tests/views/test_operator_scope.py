"""An operator manages only the unit tree the admin gave them (Pegawai.unit_kelola_id), never the
unit of their own profile: accounts, units, import and Review SKP JPT (issue 6, point 3)."""

import io
from types import SimpleNamespace

import pytest
from sqlalchemy import select, update

from tests import factories
from webapp.extensions import db
from webapp.models import Pegawai, UnitKerja


@pytest.fixture
def org(world):
    """BADAN ⊃ DIREKTORAT; the operator works in the Direktorat but was given only BIRO (a
    sibling). A JPT above the operator sits at BADAN."""
    badan = factories.make_unit("BADAN")
    direktorat = factories.make_unit("DIREKTORAT", parent=badan)
    biro = factories.make_unit("BIRO", parent=badan)
    sub = factories.make_unit("SUBBAG", parent=biro)
    operator = factories.make_pegawai(
        "OPERATOR BIRO", unit=direktorat, is_operator=True, unit_kelola=biro
    )
    kepala = factories.make_pegawai("KEPALA BADAN", jenis="JPT", unit=badan)
    staf = factories.make_pegawai("STAF SUBBAG", unit=sub, atasan=kepala)
    tetangga = factories.make_pegawai("STAF DIREKTORAT", unit=direktorat)
    skp_kepala = factories.make_skp(kepala)
    db.session.commit()
    yield SimpleNamespace(
        badan=badan,
        direktorat=direktorat,
        biro=biro,
        sub=sub,
        operator=operator,
        kepala=kepala,
        staf=staf,
        tetangga=tetangga,
        skp_kepala=skp_kepala,
    )
    db.session.rollback()
    db.session.execute(update(UnitKerja).values(parent_id=None))
    db.session.commit()


def _get(p):
    db.session.expire_all()
    return db.session.get(Pegawai, p.id)


def test_operator_manages_accounts_inside_the_given_tree(org, login):
    actor = login(org.operator)
    assert actor.get(f"/admin/pegawai/{org.staf.id}/ubah").status_code == 200
    r = actor.post(
        f"/admin/pegawai/{org.staf.id}/ubah",
        data=factories.ubah_pegawai_data(org.staf, password="sandi-baru-1"),
    )
    assert r.status_code == 302 and _get(org.staf).check_password("sandi-baru-1")
    assert actor.post(f"/admin/pegawai/{org.staf.id}/nonaktifkan").status_code == 302
    assert not _get(org.staf).active


@pytest.mark.parametrize("who", ["kepala", "tetangga"])
def test_a_jpt_above_or_anyone_outside_is_404(org, login, who):
    target = getattr(org, who)
    actor = login(org.operator)
    hash_before = target.password_hash
    assert actor.get(f"/admin/pegawai/{target.id}/ubah").status_code == 404
    data = factories.ubah_pegawai_data(target, password="diambil-alih-1")
    assert actor.post(f"/admin/pegawai/{target.id}/ubah", data=data).status_code == 404
    assert actor.get(f"/admin/pegawai/{target.id}/nonaktifkan").status_code == 404
    assert actor.post(f"/admin/pegawai/{target.id}/nonaktifkan").status_code == 404
    assert actor.post(f"/admin/pegawai/{target.id}/aktifkan").status_code == 404
    after = _get(target)
    assert after.active and after.password_hash == hash_before


def test_the_list_shows_actions_only_on_managed_rows(org, login):
    html = login(org.operator).get("/admin/pegawai?per_page=50").get_data(as_text=True)
    assert "KEPALA BADAN" in html and "STAF SUBBAG" in html
    assert f"/admin/pegawai/{org.staf.id}/ubah" in html
    assert f"/admin/pegawai/{org.kepala.id}/ubah" not in html
    assert f"/admin/pegawai/{org.tetangga.id}/nonaktifkan" not in html


def test_changing_the_own_profile_unit_does_not_widen_the_scope(org, login):
    """The operator moves themselves to BADAN in Ubah Profile: still only BIRO is theirs."""
    actor = login(org.operator)
    data = {
        "konfirmasi_password": factories.PASSWORD,
        "unit_kerja": str(org.badan.id),
        "jabatan": "Operator",
        "version": str(org.operator.version_id),
    }
    assert actor.post("/profil", data=data).status_code == 302
    assert _get(org.operator).unit_kerja_id == org.badan.id
    assert actor.get(f"/admin/pegawai/{org.kepala.id}/ubah").status_code == 404
    assert actor.get(f"/review-skp-jpt/{org.skp_kepala.id}").status_code == 404
    assert "KEPALA BADAN" not in actor.get("/review-skp-jpt/").get_data(as_text=True)


def test_review_follows_the_managed_unit(org, login):
    org.operator.unit_kelola = org.badan
    db.session.commit()
    actor = login(org.operator)
    assert actor.get(f"/review-skp-jpt/{org.skp_kepala.id}").status_code == 200


def test_only_the_admin_sets_the_managed_unit(world, org, login):
    admin = login(world.admin)
    html = admin.get(f"/admin/pegawai/{org.operator.id}/ubah").get_data(as_text=True)
    assert "Unit Kerja yang Dikelola" in html
    data = factories.ubah_pegawai_data(org.operator, is_operator="y", unit_kelola=str(org.badan.id))
    assert admin.post(f"/admin/pegawai/{org.operator.id}/ubah", data=data).status_code == 302
    assert _get(org.operator).unit_kelola_id == org.badan.id
    # An operator sees no such field and cannot set it, not even through a crafted POST.
    actor = login(org.operator)
    html = actor.get(f"/admin/pegawai/{org.staf.id}/ubah").get_data(as_text=True)
    assert "Ubah Pegawai" in html and "Unit Kerja yang Dikelola" not in html
    data = factories.ubah_pegawai_data(org.staf, unit_kelola=str(org.badan.id), is_operator="y")
    assert actor.post(f"/admin/pegawai/{org.staf.id}/ubah", data=data).status_code == 302
    staf = _get(org.staf)
    assert staf.unit_kelola_id is None and not staf.is_operator


def test_operator_places_pegawai_only_in_the_tree(org, login):
    actor = login(org.operator)
    html = actor.get("/admin/pegawai/tambah").get_data(as_text=True)
    assert "SUBBAG" in html and "DIREKTORAT" not in html
    data = factories.ubah_pegawai_data(org.staf, unit_kerja=str(org.direktorat.id))
    r = actor.post(f"/admin/pegawai/{org.staf.id}/ubah", data=data)
    assert r.status_code == 422 and "Pilihan tidak sah." in r.get_data(as_text=True)
    assert _get(org.staf).unit_kerja_id == org.sub.id


def test_operator_cannot_pull_an_outside_unit_into_the_tree(org, login):
    actor = login(org.operator)
    url = f"/admin/unit-kerja/{org.direktorat.id}/ubah"
    assert actor.get(url).status_code == 404
    r = actor.post(url, data={"nama": "DIREKTORAT", "parent": str(org.biro.id)})
    assert r.status_code == 404
    assert actor.post(f"/admin/unit-kerja/{org.direktorat.id}/nonaktifkan").status_code == 404
    db.session.expire_all()
    assert db.session.get(UnitKerja, org.direktorat.id).parent_id == org.badan.id
    # Inside the tree: the sub unit may be renamed, but not hung under an outside unit.
    url = f"/admin/unit-kerja/{org.sub.id}/ubah"
    assert actor.post(url, data={"nama": "SUBBAG", "parent": str(org.badan.id)}).status_code == 422
    r = actor.post(url, data={"nama": "SUBBAG UMUM", "parent": str(org.biro.id)})
    assert r.status_code == 302
    r = actor.post("/admin/unit-kerja/tambah", data={"nama": "BARU", "parent": ""})
    assert r.status_code == 422
    r = actor.post("/admin/unit-kerja/tambah", data={"nama": "BARU", "parent": str(org.sub.id)})
    assert r.status_code == 302


def test_operator_imports_only_into_the_tree(org, login):
    header = "NIP;Nama;Jabatan;Jenis Jabatan;Pangkat/Golongan;Unit Kerja;NIP Atasan"
    lines = [
        header,
        "199111232019031005;DI LUAR;X;JA;III/a;DIREKTORAT;",
        "199009062014022001;DI DALAM;X;JA;III/a;SUBBAG;",
    ]
    berkas = (io.BytesIO("\n".join(lines).encode()), "p.csv")
    html = login(org.operator).post("/admin/pegawai/impor", data={"berkas": berkas})
    html = html.get_data(as_text=True)
    assert "1 pegawai diimpor, 1 baris ditolak." in html and "DIREKTORAT" in html
    nips = set(db.session.scalars(select(Pegawai.nip)))
    assert "199009062014022001" in nips and "199111232019031005" not in nips


def test_admin_keeps_full_scope(world, org, login):
    admin = login(world.admin)
    assert admin.get(f"/admin/pegawai/{org.kepala.id}/ubah").status_code == 200
    assert admin.get(f"/admin/unit-kerja/{org.direktorat.id}/ubah").status_code == 200


def test_an_operator_without_a_managed_unit_manages_nobody(org, login):
    org.operator.unit_kelola = None
    db.session.commit()
    actor = login(org.operator)
    assert actor.get(f"/admin/pegawai/{org.staf.id}/ubah").status_code == 404
    assert "STAF SUBBAG" not in actor.get("/review-skp-jpt/").get_data(as_text=True)
