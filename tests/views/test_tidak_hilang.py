"""Nothing silently disappears from an SKP (issue 7, §2): a pegawai is deactivated, never deleted
with their SKP; a PK sasaran an SKP points to cannot be deleted (the message names the SKP);
numbers come back as Decimal on every database."""

from decimal import Decimal

import pytest
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from tests import factories
from webapp.extensions import db
from webapp.models import (
    Indikator,
    IndikatorSasaran,
    Pegawai,
    PerjanjianKinerja,
    ProgramPK,
    RencanaHasilKerja,
    SasaranStrategis,
    Skp,
)

P = "/perjanjian-kinerja"
PESAN = (
    "Sasaran ini dipakai oleh SKP JPT periode 01 Mar 2022 - 31 Mar 2022; hapus atau ubah "
    "rencana di SKP itu terlebih dahulu."
)


@pytest.fixture
def dipakai(world):
    """The owner's SKP has a rencana copied (Salin) from the PK's first sasaran."""
    world.rencana.sasaran = world.sasaran
    db.session.commit()
    return world


def _ada(model, record_id) -> bool:
    db.session.expire_all()
    return db.session.scalar(select(model.id).where(model.id == record_id)) is not None


def test_hapus_sasaran_used_by_an_skp_is_refused_with_its_name(dipakai, login):
    actor = login(dipakai.owner)
    url = f"{P}/sasaran/{dipakai.sasaran.id}/hapus"
    assert "Konfirmasi Hapus" in actor.get(url).get_data(as_text=True)
    r = actor.post(url)
    assert r.status_code == 409 and PESAN in r.get_data(as_text=True)
    r = actor.hx_post(url)
    html = r.get_data(as_text=True)
    assert r.status_code == 409 and r.headers["HX-Reswap"] == "none"  # the row stays
    assert 'hx-swap-oob="true"' in html and PESAN in html and "<html" not in html
    assert _ada(SasaranStrategis, dipakai.sasaran.id)
    assert db.session.get(RencanaHasilKerja, dipakai.rencana.id).sasaran_id == dipakai.sasaran.id


def test_hapus_pk_year_with_such_a_sasaran_is_refused(dipakai, login):
    r = login(dipakai.owner).post(f"{P}/{dipakai.pk.id}/hapus")
    html = r.get_data(as_text=True)
    assert r.status_code == 409
    assert "Perjanjian Kinerja tahun 2022 dipakai oleh SKP JPT periode 01 Mar 2022" in html
    assert _ada(PerjanjianKinerja, dipakai.pk.id) and _ada(SasaranStrategis, dipakai.sasaran.id)


def test_head_on_a_hapus_changes_nothing(world, login):
    actor = login(world.owner)
    for url in (f"{P}/sasaran/{world.sasaran.id}/hapus", f"{P}/{world.pk.id}/hapus"):
        assert actor._request("HEAD", url).status_code == 200
    assert _ada(PerjanjianKinerja, world.pk.id) and _ada(SasaranStrategis, world.sasaran.id)


def test_once_the_skp_lets_go_the_sasaran_can_be_deleted(dipakai, login):
    dipakai.rencana.sasaran = None
    db.session.commit()
    sasaran_id = dipakai.sasaran.id
    r = login(dipakai.owner).post(f"{P}/sasaran/{sasaran_id}/hapus")
    assert r.status_code == 302 and not _ada(SasaranStrategis, sasaran_id)


def test_a_sasaran_nobody_uses_is_deleted_as_before(world, login):
    pk_id = world.pk.id
    r = login(world.owner).post(f"{P}/{pk_id}/hapus")
    assert r.status_code == 302 and not _ada(PerjanjianKinerja, pk_id)


def test_the_database_itself_refuses_to_drop_a_used_sasaran(dipakai):
    with pytest.raises(IntegrityError):
        db.session.execute(
            delete(SasaranStrategis).where(SasaranStrategis.id == dipakai.sasaran.id)
        )
        db.session.flush()
    db.session.rollback()
    assert _ada(SasaranStrategis, dipakai.sasaran.id)


def test_a_pegawai_with_an_skp_or_a_pk_cannot_be_deleted(world):
    """There is no hard delete in the app (Nonaktifkan only); the database backs that up."""
    with pytest.raises(IntegrityError):
        db.session.execute(delete(Pegawai).where(Pegawai.id == world.owner.id))
        db.session.flush()
    db.session.rollback()
    assert _ada(Skp, world.skp.id) and _ada(PerjanjianKinerja, world.pk.id)


def test_the_admin_deactivates_and_the_skp_stays(world, login):
    r = login(world.admin).post(f"/admin/pegawai/{world.other.id}/nonaktifkan")
    assert r.status_code == 302
    skp = factories.make_skp(world.other)
    db.session.commit()
    assert login(world.admin).post(f"/admin/pegawai/{world.owner.id}/nonaktifkan").status_code
    assert _ada(Skp, world.skp.id) and _ada(Skp, skp.id)


def test_targets_and_anggaran_come_back_as_decimal(world):
    """SQLite stores Numeric as REAL; SQLAlchemy's Numeric(asdecimal=True) hands Decimal back,
    so computations stay in Decimal (ADR 0004)."""
    for column in (
        IndikatorSasaran.target,
        ProgramPK.anggaran,
        Indikator.target,
        Indikator.target_atas,
    ):
        assert column.type.asdecimal is True, column
    db.session.expire_all()
    target = db.session.scalar(select(IndikatorSasaran.target).where(IndikatorSasaran.urutan == 1))
    anggaran = db.session.scalar(select(ProgramPK.anggaran))
    indikator = db.session.scalar(select(Indikator.target))
    assert isinstance(target, Decimal) and target == Decimal("4.3")
    assert isinstance(anggaran, Decimal) and anggaran == Decimal("1250000")
    assert isinstance(indikator, Decimal) and indikator == Decimal(1)
    assert target + Decimal("0.1") == Decimal("4.4")  # no float residue
