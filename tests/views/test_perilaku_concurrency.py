"""Perilaku SKP and Keberatan under simultaneous requests (ADR 0017, 0026)."""

from sqlalchemy import func, select

from tests import factories
from tests.views.test_concurrency import simultaneously
from webapp.extensions import db
from webapp.models import Keberatan, PenilaianPerilaku


def test_simultaneous_first_feedbacks_make_one_row(login):
    atasan = factories.make_pegawai("ATASAN", jenis="JPT")
    owner = factories.make_pegawai("PEMILIK", jenis="JF", atasan=atasan)
    skp = factories.disetujui(factories.make_skp(owner, jenis="JAJF"))
    db.session.commit()
    url = f"/perilaku-skp/{skp.id}/aspek/{skp.perilaku[0].id}?periode=tw1"
    statuses = simultaneously(login(atasan), 8, url, {"teks": "Bersamaan", "version": ""})
    assert sorted(statuses) == [302] + [422] * 7  # the others were opened on no row: stale
    assert db.session.scalar(select(func.count()).select_from(PenilaianPerilaku)) == 1


def test_simultaneous_objections_make_one(login):
    atasan_ii = factories.make_pegawai("ATASAN II", jenis="JPT")
    atasan = factories.make_pegawai("ATASAN", jenis="JPT", atasan=atasan_ii)
    owner = factories.make_pegawai("PEMILIK", jenis="JF", atasan=atasan, atasan_ii=atasan_ii)
    skp = factories.disetujui(factories.make_skp(owner, jenis="JAJF"))
    evaluasi = factories.make_evaluasi(skp, "tw1", "baik")
    db.session.commit()
    url = f"/keberatan/ajukan/{evaluasi.id}"
    statuses = simultaneously(login(owner), 8, url, {"alasan": "Bersamaan"})
    assert sorted(statuses) == [302] + [409] * 7
    assert db.session.scalar(select(func.count()).select_from(Keberatan)) == 1
