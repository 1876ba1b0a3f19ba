"""services.periode_penilaian.alasan_terkunci with the database: the deadline, the reopening of
one pegawai, the message (issue 10 §1)."""

from datetime import UTC, datetime, timedelta

from tests import factories
from webapp.extensions import db
from webapp.models import BukaKembali
from webapp.services import periode_penilaian as svc

BATAS = datetime(2022, 4, 10, 16, 59, tzinfo=UTC)  # 10 Apr 2022 23:59 WIB


def _periode(batas=BATAS):
    p = svc.periode_kode(2022, "tw1")
    svc.baris(p).batas_pengisian = batas
    db.session.commit()
    return svc.periode_kode(2022, "tw1")


def test_no_row_no_deadline_never_locked():
    pegawai = factories.make_pegawai()
    p = svc.periode_kode(2022, "tw1")
    assert p.row is None
    assert svc.alasan_terkunci(p, pegawai.id, kini=BATAS + timedelta(days=999)) is None


def test_deadline_boundary_and_message():
    pegawai = factories.make_pegawai()
    p = _periode()
    assert svc.alasan_terkunci(p, pegawai.id, kini=BATAS) is None
    pesan = svc.alasan_terkunci(p, pegawai.id, kini=BATAS + timedelta(seconds=1))
    assert pesan == (
        "Batas pengisian periode TRIWULAN I 2022 telah lewat (10 Apr 2022 23:59 WIB); "
        "hubungi admin untuk membuka kembali."
    )


def test_reopening_holds_for_its_pegawai_until_its_end():
    irdian, zahara = factories.make_pegawai("IRDIAN"), factories.make_pegawai("ZAHARA")
    p = _periode()
    db.session.add(
        BukaKembali(periode_id=p.id, pegawai_id=irdian.id, sampai=BATAS + timedelta(days=5))
    )
    db.session.commit()
    p = svc.periode_kode(2022, "tw1")
    kini = BATAS + timedelta(days=2)
    assert svc.alasan_terkunci(p, irdian.id, kini=kini) is None
    assert svc.alasan_terkunci(p, zahara.id, kini=kini) is not None
    assert svc.alasan_terkunci(p, irdian.id, kini=BATAS + timedelta(days=5)) is None
    assert svc.alasan_terkunci(p, irdian.id, kini=BATAS + timedelta(days=6)) is not None


def test_cleared_deadline_unlocks():
    pegawai = factories.make_pegawai()
    _periode()
    p = _periode(batas=None)
    assert svc.alasan_terkunci(p, pegawai.id, kini=BATAS + timedelta(days=30)) is None
