"""Periode Penilaian (issue 10 §1): Frekuensi Evaluasi, Batas Pengisian, Buka Kembali, and the
locking they drive (services.periode_penilaian.alasan_terkunci)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from tests import factories
from webapp.domain.tanggal import sekarang
from webapp.extensions import db
from webapp.models import BukaKembali, Pengaturan, PeriodePenilaian
from webapp.services import periode_penilaian as svc
from webapp.services.concurrency import STALE

URL = "/admin/periode-penilaian"


@pytest.fixture
def admin():
    p = factories.make_pegawai("ADMIN", is_admin=True)
    db.session.commit()
    return p


def rows() -> int:
    return db.session.scalar(select(func.count()).select_from(PeriodePenilaian))


def tahun_depan() -> str:
    return str(sekarang().year + 1)


def test_page_lists_the_years_periods_and_creates_nothing(admin, login):
    r = login(admin).get(f"{URL}/2022")
    html = r.get_data(as_text=True)
    assert r.status_code == 200
    assert "<h1>Periode Penilaian</h1>" in html and "Frekuensi Evaluasi" in html
    for nama in ("TRIWULAN I 2022", "TRIWULAN IV-AKHIR 2022", "TAHUNAN 2022"):
        assert nama in html
    assert "01 Jan 2022 - 31 Mar 2022" in html
    assert html.count("Tidak dibatasi") == 5
    assert "Belum ada periode yang dibuka kembali pada tahun ini." in html
    assert rows() == 0  # a page never creates a period's row
    assert login(admin).get(f"{URL}/").status_code == 200


def test_operator_may_not(login):
    operator = factories.make_pegawai("OP", is_operator=True)
    db.session.commit()
    assert login(operator).get(f"{URL}/2022").status_code == 403


def test_wrong_year_or_period_is_404(admin, login):
    actor = login(admin)
    assert actor.get(f"{URL}/1999").status_code == 404
    assert actor.get(f"{URL}/2022/tw5/batas").status_code == 404
    assert actor.get(f"{URL}/2022/b03/batas").status_code == 404  # triwulan agency
    assert actor.get(f"{URL}/buka-kembali/999/ubah").status_code == 404


# --- Frekuensi Evaluasi ------------------------------------------------------------------------


def test_frekuensi_first_save_then_versioned(admin, login):
    actor = login(admin)
    r = actor.post(f"{URL}/frekuensi?tahun=2022", data={"frekuensi": "bulanan", "version": ""})
    assert r.status_code == 302 and r.headers["Location"].endswith(f"{URL}/2022")
    row = db.session.get(Pengaturan, 1)
    assert row.frekuensi_evaluasi == "bulanan" and row.version_id == 1
    html = actor.get(f"{URL}/2022").get_data(as_text=True)
    assert "MARET 2022" in html and "TRIWULAN I 2022" not in html
    # A form opened before that save is stale: refused, nothing written.
    r = actor.post(f"{URL}/frekuensi", data={"frekuensi": "triwulan", "version": ""})
    assert r.status_code == 422 and STALE in r.get_data(as_text=True)
    r = actor.post(f"{URL}/frekuensi", data={"frekuensi": "triwulan", "version": "7"})
    assert r.status_code == 422 and STALE in r.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Pengaturan, 1).frekuensi_evaluasi == "bulanan"
    r = actor.post(f"{URL}/frekuensi", data={"frekuensi": "triwulan", "version": "1"})
    assert r.status_code == 302
    db.session.expire_all()
    assert db.session.get(Pengaturan, 1).frekuensi_evaluasi == "triwulan"


def test_frekuensi_bad_value(admin, login):
    r = login(admin).post(f"{URL}/frekuensi", data={"frekuensi": "mingguan", "version": ""})
    assert r.status_code == 422 and "Pilihan tidak dikenal." in r.get_data(as_text=True)
    assert db.session.get(Pengaturan, 1) is None


# --- Batas Pengisian ---------------------------------------------------------------------------


def test_batas_dialog_page_and_fragment(admin, login):
    actor = login(admin)
    page = actor.get(f"{URL}/2022/tw1/batas").get_data(as_text=True)
    assert "<html" in page and "Batas Pengisian TRIWULAN I 2022" in page
    frag = actor.hx_get(f"{URL}/2022/tw1/batas").get_data(as_text=True)
    assert "<html" not in frag and "<dialog" in frag
    assert 'type="date"' in frag and 'type="time"' in frag
    assert rows() == 0


def test_batas_saved_in_the_agencys_zone(admin, login):
    actor = login(admin)
    r = actor.hx_post(
        f"{URL}/2022/tw1/batas", data={"tanggal": "2022-04-10", "jam": "23:59", "version": ""}
    )
    assert r.status_code == 200 and r.headers["HX-Trigger"] == "closeModal"
    html = r.get_data(as_text=True)
    assert 'id="periode-tw1" hx-swap-oob="true"' in html
    assert "10 Apr 2022 23:59 WIB" in html
    row = db.session.scalar(select(PeriodePenilaian).filter_by(tahun=2022, nomor=1))
    stored = row.batas_pengisian.replace(tzinfo=row.batas_pengisian.tzinfo or UTC)
    assert stored == datetime(2022, 4, 10, 16, 59, tzinfo=UTC)
    # The edit form shows it back in WIB.
    form = actor.get(f"{URL}/2022/tw1/batas").get_data(as_text=True)
    assert 'value="2022-04-10"' in form and 'value="23:59"' in form


def test_batas_date_alone_is_end_of_day_and_clearing(admin, login):
    actor = login(admin)
    r = actor.post(f"{URL}/2022/tw2/batas", data={"tanggal": "2022-07-05", "version": ""})
    assert r.status_code == 302
    p = svc.periode_kode(2022, "tw2")
    assert p.batas_teks() == "05 Jul 2022 23:59 WIB"
    r = actor.post(f"{URL}/2022/tw2/batas", data={"tanggal": "", "jam": "", "version": "2"})
    assert r.status_code == 302
    assert svc.periode_kode(2022, "tw2").batas_pengisian is None


def test_batas_stale_is_refused(admin, login):
    actor = login(admin)
    actor.post(f"{URL}/2022/tw1/batas", data={"tanggal": "2022-04-10", "version": ""})
    r = actor.post(f"{URL}/2022/tw1/batas", data={"tanggal": "2022-05-10", "version": ""})
    assert r.status_code == 422 and STALE in r.get_data(as_text=True)
    assert svc.periode_kode(2022, "tw1").batas_pengisian.date() == date(2022, 4, 10)


def test_batas_row_made_by_another_write_is_not_a_conflict(admin, login):
    svc.baris(svc.periode_kode(2022, "tw1"))  # e.g. a realisasi saved first
    db.session.commit()
    r = login(admin).post(f"{URL}/2022/tw1/batas", data={"tanggal": "2022-04-10", "version": ""})
    assert r.status_code == 302


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"tanggal": "10 April"}, "Tanggal tidak sah"),
        ({"tanggal": "2022-04-10", "jam": "25:00"}, "Jam tidak sah"),
        ({"tanggal": "", "jam": "10:00"}, "Isi tanggal, atau kosongkan jam"),
        ({"tanggal": "2021-12-31"}, "tidak boleh sebelum awal periode (01 Jan 2022)"),
        ({"tanggal": "2022-04-10\x00"}, "Tanggal tidak sah"),
        ({"tanggal": "2022-04-10", "jam": "10:00\x00"}, "Jam tidak sah"),
    ],
)
def test_batas_bad_input(admin, login, data, message):
    r = login(admin).post(f"{URL}/2022/tw1/batas", data={"version": "", **data})
    assert r.status_code == 422
    assert message in r.get_data(as_text=True)
    assert rows() == 0


# --- Buka Kembali and locking ------------------------------------------------------------------


def test_buka_kembali_reopens_for_one_pegawai(admin, login):
    irdian = factories.make_pegawai("IRDIAN")
    zahara = factories.make_pegawai("ZAHARA")
    db.session.commit()
    actor = login(admin)
    lewat = sekarang() - timedelta(days=1)
    tahun = lewat.year
    p = svc.periode_kode(tahun, "tahunan")
    svc.baris(p).batas_pengisian = lewat
    db.session.commit()
    p = svc.periode_kode(tahun, "tahunan")
    assert "Batas pengisian periode TAHUNAN" in svc.alasan_terkunci(p, irdian.id)

    r = actor.hx_post(
        f"{URL}/{tahun}/buka-kembali",
        data={"periode": "tahunan", "pegawai": irdian.nip, "tanggal": f"{tahun + 1}-01-31"},
    )
    assert r.status_code == 200, r.get_data(as_text=True)
    html = r.get_data(as_text=True)
    assert 'hx-swap-oob="beforeend:#tbody-buka"' in html and "IRDIAN" in html
    assert 'id="buka-kosong" hx-swap-oob="delete"' in html
    p = svc.periode_kode(tahun, "tahunan")
    assert svc.alasan_terkunci(p, irdian.id) is None
    assert svc.alasan_terkunci(p, zahara.id) is not None

    # Twice for the same pegawai and period: refused, pointing at the row to change.
    r = actor.post(
        f"{URL}/{tahun}/buka-kembali",
        data={"periode": "tahunan", "pegawai": irdian.nip, "tanggal": f"{tahun + 1}-02-28"},
    )
    assert r.status_code == 422 and "sudah dibuka kembali" in r.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(BukaKembali)) == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"pegawai": "", "tanggal": "2099-01-01"}, "Wajib diisi."),
        ({"pegawai": "199999999999999999", "tanggal": "2099-01-01"}, "tidak ditemukan"),
        ({"tanggal": "2020-01-01"}, "Harus setelah saat ini"),
        ({"tanggal": ""}, "Wajib diisi."),
        ({"periode": "tw9", "tanggal": "2099-01-01"}, "Pilihan tidak dikenal."),
    ],
)
def test_buka_kembali_bad_input(admin, login, data, message):
    irdian = factories.make_pegawai("IRDIAN")
    db.session.commit()
    payload = {"periode": "tw1", "pegawai": irdian.nip, **data}
    r = login(admin).post(f"{URL}/2022/buka-kembali", data=payload)
    assert r.status_code == 422
    assert message in r.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(BukaKembali)) == 0


def _buka(pegawai, sampai=datetime(2099, 1, 1, tzinfo=UTC), nomor=1) -> BukaKembali:
    p = svc.baris(svc.periode_kode(2022, f"tw{nomor}"))
    b = BukaKembali(periode_id=p.id, pegawai_id=pegawai.id, sampai=sampai)
    db.session.add(b)
    db.session.commit()
    return b


def test_buka_kembali_ubah_versioned(admin, login):
    irdian = factories.make_pegawai("IRDIAN")
    b = _buka(irdian)
    actor = login(admin)
    frag = actor.hx_get(f"{URL}/buka-kembali/{b.id}/ubah").get_data(as_text=True)
    assert "Ubah Buka Kembali" in frag and 'value="2099-01-01"' in frag  # 07:00 WIB
    r = actor.hx_post(
        f"{URL}/buka-kembali/{b.id}/ubah",
        data={"tanggal": "2099-02-01", "jam": "08:00", "version": "1"},
    )
    assert r.status_code == 200 and 'id="buka-' in r.get_data(as_text=True)
    assert "01 Feb 2099 08:00 WIB" in r.get_data(as_text=True)
    r = actor.post(
        f"{URL}/buka-kembali/{b.id}/ubah", data={"tanggal": "2099-03-01", "version": "1"}
    )
    assert r.status_code == 422 and STALE in r.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(BukaKembali, b.id).sampai.month == 2


def test_buka_kembali_hapus_asks_first_and_renumbers(admin, login):
    b1 = _buka(factories.make_pegawai("SATU"))
    b2 = _buka(factories.make_pegawai("DUA"))
    ids = b1.id, b2.id
    actor = login(admin)
    r = actor.get(f"{URL}/buka-kembali/{ids[0]}/hapus")
    assert r.status_code == 200 and "Konfirmasi Hapus" in r.get_data(as_text=True)
    assert actor._request("HEAD", f"{URL}/buka-kembali/{ids[0]}/hapus").status_code == 200
    assert db.session.get(BukaKembali, ids[0]) is not None
    r = actor.hx_post(f"{URL}/buka-kembali/{ids[0]}/hapus")
    assert r.status_code == 200
    assert f'<td id="buka-no-{ids[1]}" hx-swap-oob="true">1</td>' in r.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(BukaKembali, ids[0]) is None
    r = actor.hx_post(f"{URL}/buka-kembali/{ids[1]}/hapus")
    assert 'id="buka-kosong"' in r.get_data(as_text=True)
    r = actor.post(f"{URL}/buka-kembali/{ids[1]}/hapus")
    assert r.status_code == 404


def test_page_queries_do_not_grow_with_reopenings(admin, login, count_queries):
    _buka(factories.make_pegawai("SATU"))
    actor = login(admin)
    with count_queries() as few:
        actor.get(f"{URL}/2022")
    for i in range(8):
        _buka(factories.make_pegawai(f"P{i}"), nomor=2 if i % 2 else 1)
    with count_queries() as many:
        html = actor.get(f"{URL}/2022").get_data(as_text=True)
    assert "P7" in html
    assert len(many) == len(few), (len(few), len(many))


def test_fragments_for_htmx(admin, login):
    actor = login(admin)
    r = actor.hx_get(f"{URL}/2022")
    html = r.get_data(as_text=True)
    assert r.status_code == 200 and "<html" not in html
    assert 'id="periode-tabel"' in html and "TRIWULAN I 2022" in html
    assert "HX-Request" in r.headers["Vary"]
    html = actor.hx_get(f"{URL}/2022/buka-kembali").get_data(as_text=True)
    assert (
        "<dialog" in html
        and "<html" not in html
        and 'hx-post="/admin/periode-penilaian/2022/buka-kembali"' in html
    )
    assert 'hx-get="/pegawai/cari?untuk=pegawai"' in html  # the NIP/name picker
    html = actor.get(f"{URL}/2022/buka-kembali").get_data(as_text=True)
    assert "<html" in html and "hx-post" not in html.split('id="modal-title"')[1]


def test_bad_input_keeps_what_was_typed(admin, login):
    irdian = factories.make_pegawai("IRDIAN")
    db.session.commit()
    r = login(admin).post(
        f"{URL}/2022/buka-kembali",
        data={"periode": "tw2", "pegawai": irdian.nip, "tanggal": "2020-01-01", "jam": "10:30"},
    )
    html = r.get_data(as_text=True)
    assert r.status_code == 422
    assert f'value="{irdian.nip}"' in html and 'value="2020-01-01"' in html
    assert 'value="10:30"' in html and '<option selected value="tw2">' in html


def test_momen_in_another_agency_zone(app):
    """A WITA agency: 23:59 typed is 15:59 UTC, and shown back as 23:59 WITA."""
    old = app.config["AGENCY_TIMEZONE"]
    app.config["AGENCY_TIMEZONE"] = "Asia/Makassar"
    try:
        moment = svc.momen(date(2022, 4, 10), None)
        assert moment == datetime(2022, 4, 10, 15, 59, tzinfo=UTC)
        assert svc.lokal(moment) == (date(2022, 4, 10), datetime(2022, 4, 10, 23, 59).time())
        assert svc.lokal(moment.replace(tzinfo=None)) == svc.lokal(moment)  # SQLite's naive UTC
        assert svc.lokal(None) == (None, None)
    finally:
        app.config["AGENCY_TIMEZONE"] = old
