"""A password of only spaces is refused everywhere a password is set (issue 6)."""

import pytest
from sqlalchemy import select

from tests import factories
from tests.unit.test_impor import HEADER, UNIT, row
from webapp.extensions import db
from webapp.models import Pegawai
from webapp.services.impor import baca_berkas, periksa

SPASI = " " * 10
PESAN = "Password tidak boleh kosong atau hanya berisi spasi."


def test_admin_ubah_refuses_spaces_and_keeps_the_password(world, login):
    victim = login(world.other)
    r = login(world.admin).hx_post(
        f"/admin/pegawai/{world.other.id}/ubah",
        data=factories.ubah_pegawai_data(world.other, password=SPASI),
    )
    assert r.status_code == 422 and PESAN in r.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Pegawai, world.other.id).check_password(factories.PASSWORD)
    assert victim.get("/").status_code == 200  # nothing set, no session ended


def test_admin_ubah_with_an_empty_password_changes_nothing(world, login):
    data = factories.ubah_pegawai_data(world.other, password="")
    data["jabatan"] = "Analis Kebijakan"
    assert (
        login(world.admin).post(f"/admin/pegawai/{world.other.id}/ubah", data=data).status_code
        == 302
    )
    db.session.expire_all()
    assert db.session.get(Pegawai, world.other.id).check_password(factories.PASSWORD)


def test_admin_tambah_refuses_spaces(world, login):
    data = factories.ubah_pegawai_data(world.other, password=SPASI)
    data.update(nip="199111232019031005", version="")
    r = login(world.admin).hx_post("/admin/pegawai/tambah", data=data)
    assert r.status_code == 422 and PESAN in r.get_data(as_text=True)
    assert db.session.scalar(select(Pegawai).where(Pegawai.nip == data["nip"])) is None


@pytest.mark.parametrize(
    ("cell", "reason"),
    [(SPASI, PESAN), ("pendek", "Password minimal 8 karakter."), ("", None)],
)
def test_import_refuses_a_password_cell_of_only_spaces(cell, reason):
    hasil = periksa([HEADER + ["Password"], row(atasan="") + [cell]], set(), UNIT)
    if reason is None:  # an empty cell: no password yet, as before
        assert hasil.valid and not hasil.galat
    else:
        assert not hasil.valid and reason in hasil.galat[0].alasan


def test_an_uploaded_cell_of_only_spaces_never_becomes_a_password():
    """The file readers trim every cell: such a cell arrives empty, i.e. no password yet (the
    account cannot log in until an admin sets one), never a password of spaces."""
    lines = [",".join(HEADER + ["Password"]), ",".join(row(atasan="") + [SPASI])]
    hasil = periksa(baca_berkas("pegawai.csv", "\n".join(lines).encode()), set(), UNIT)
    assert hasil.valid[0].password == ""


def test_create_admin_refuses_spaces(app):
    nip = "198511302009011004"
    result = app.test_cli_runner().invoke(
        args=["create-admin", "--nip", nip, "--nama", "ADMIN", "--password", SPASI]
    )
    assert result.exit_code != 0 and PESAN in result.output
    assert db.session.scalar(select(Pegawai).where(Pegawai.nip == nip)) is None
