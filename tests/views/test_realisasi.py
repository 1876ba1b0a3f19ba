"""Realisasi SKP (issue 10 §2–§3): the owner's page per period for the four variants, Input
Realisasi with bukti dukung, kualitatif entries, period locking, versions, Input Umpan Balik,
the 360 feedback shown, progress across periods, the download's access, queries and size."""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from io import BytesIO
from pathlib import Path

import pytest
from flask import current_app
from sqlalchemy import func, select

from tests import factories
from tests.factories import PDF, PNG, ooxml
from webapp.extensions import db
from webapp.models import (
    BukaKembali,
    BuktiDukung,
    PeriodePenilaian,
    Realisasi,
)
from webapp.services.concurrency import STALE

MB = 1024 * 1024


def fresh_bukti_dir(app, tmp_path):
    """A fresh, empty storage directory for this test."""
    before = app.config["BUKTI_DUKUNG_DIR"]
    app.config["BUKTI_DUKUNG_DIR"] = str(tmp_path)
    yield tmp_path
    app.config["BUKTI_DUKUNG_DIR"] = before


@pytest.fixture
def bukti_dir(app, tmp_path):
    yield from fresh_bukti_dir(app, tmp_path)


def stored(folder: Path) -> list[Path]:
    return sorted(folder.iterdir())


def skp_of(jenis="JPT", pendekatan="kuantitatif", **kw):
    skp = factories.disetujui(factories.make_skp(jenis=jenis, pendekatan=pendekatan, **kw))
    db.session.commit()
    return skp


def prefix(skp) -> str:
    return "/skp-jpt" if skp.jenis == "JPT" else "/skp-jajf"


def url_indikator(skp, i, periode="tw1") -> str:
    return f"{prefix(skp)}/{skp.id}/realisasi/{periode}/indikator/{i.id}"


def url_rencana(skp, r, periode="tw1") -> str:
    return f"{prefix(skp)}/{skp.id}/realisasi/{periode}/rencana/{r.id}"


def upload(data: dict, *files) -> dict:
    return {**data, "berkas": [(BytesIO(content), name) for name, content in files]}


def post(actor, url, data, hx=True):
    send = actor.hx_post if hx else actor.post
    return send(url, data=data, content_type="multipart/form-data")


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


# --- the page -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "jenis, pendekatan, heads",
    [
        ("JPT", "kuantitatif", ["RENCANA KINERJA", "PERSPEKTIF"]),
        ("JAJF", "kuantitatif", ["RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI", "ASPEK"]),
        ("JPT", "kualitatif", ["HASIL KERJA"]),
        ("JAJF", "kualitatif", ["HASIL KERJA"]),
    ],
)
def test_page_of_each_variant(login, jenis, pendekatan, heads):
    skp = skp_of(jenis, pendekatan)
    r = login(skp.pegawai).get(f"{prefix(skp)}/{skp.id}/realisasi")
    html = r.get_data(as_text=True)
    assert r.status_code == 200
    for head in [
        *heads,
        "REALISASI BERDASARKAN BUKTI DUKUNG",
        "UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG",
        "A. ",
        "PERILAKU KERJA",
        "Ekspektasi Khusus Pimpinan :",
        "Pimpinan :",
    ]:
        assert head in html, head
    assert 'aria-label="Input Realisasi"' in html
    assert "Manual Indikator" not in html and "SET PENILAI" not in html
    # The period selector lists the SKP's periods (March: TRIWULAN I and the year).
    assert "TRIWULAN I 2022" in html and "TAHUNAN 2022" in html
    assert "Batas pengisian: tidak dibatasi" in html
    # The 360 penilai of each aspect (new_skp: the Atasan Langsung) with nothing written yet.
    assert f"Atasan ({skp.penilai.nama}) :" in html


def test_draft_skp_shows_a_message_instead(login):
    skp = factories.make_skp()
    db.session.commit()
    r = login(skp.pegawai).get(f"/skp-jpt/{skp.id}/realisasi")
    html = r.get_data(as_text=True)
    assert r.status_code == 200
    assert "belum disetujui Pejabat Penilai Kinerja" in html
    assert "Input Realisasi" not in html


def test_period_list_links_to_realisasi(login):
    skp = skp_of()
    html = login(skp.pegawai).get("/skp-jpt/").get_data(as_text=True)
    assert f'href="/skp-jpt/{skp.id}/realisasi" aria-label="Realisasi"' in html


def test_wrong_period_code_is_404(login):
    skp = skp_of()
    owner = login(skp.pegawai)
    assert owner.get(f"/skp-jpt/{skp.id}/realisasi?periode=tw3").status_code == 404
    assert owner.get(f"/skp-jpt/{skp.id}/realisasi?periode=x").status_code == 404
    i = skp.rencana[0].indikator[0]
    assert owner.get(url_indikator(skp, i, "tw2")).status_code == 404


def test_evaluasi_hook_is_there_for_the_summary(login):
    from pathlib import Path as P

    hook = P(current_app.root_path) / "templates/skp/realisasi.html"
    assert 'include "skp/_evaluasi_ringkas.html" ignore missing' in hook.read_text()


# --- kuantitatif: Input Realisasi ---------------------------------------------------------------


def test_input_realisasi_with_bukti_dukung(login, bukti_dir):
    skp = skp_of(indikator=2)
    i = skp.rencana[0].indikator[1]  # target 2 Dokumen
    owner = login(skp.pegawai)
    dialog = owner.hx_get(url_indikator(skp, i)).get_data(as_text=True)
    assert "Input Realisasi" in dialog and i.teks in dialog and "2 Dokumen" in dialog
    assert 'enctype="multipart/form-data"' in dialog
    data = upload(
        {"nilai": "8", "keterangan": "Dari penilaian atasan", "tautan": "https://a.example/b"},
        ("laporan.pdf", PDF),
        ("foto.png", PNG),
    )
    r = post(owner, url_indikator(skp, i), data)
    html = r.get_data(as_text=True)
    assert r.status_code == 200 and r.headers["HX-Trigger"] == "closeModal"
    assert f'<tr id="indikator-{i.id}" hx-swap-oob="true">' in html
    assert "8 Dokumen Dari penilaian atasan" in html
    assert "laporan.pdf" in html and "https://a.example/b" in html
    real = db.session.scalar(select(Realisasi))
    assert real.nilai == Decimal(8) and real.keterangan == "Dari penilaian atasan"
    files = [b for b in real.bukti if b.jenis == "berkas"]
    assert [(b.nama, b.tipe, b.ukuran) for b in files] == [
        ("laporan.pdf", "application/pdf", len(PDF)),
        ("foto.png", "image/png", len(PNG)),
    ]
    # Stored under random keys (never the user's name), with their sha256.
    assert sorted(p.name for p in stored(bukti_dir)) == sorted(b.kunci for b in files)
    for b in files:
        assert len(b.kunci) == 64 and "laporan" not in b.kunci
        content = (bukti_dir / b.kunci).read_bytes()
        assert hashlib.sha256(content).hexdigest() == b.sha256
    # The period's row was created by this first write.
    assert db.session.scalar(select(PeriodePenilaian)).jenis == "triwulan"


def test_input_realisasi_without_js_redirects_to_the_row(login, bukti_dir):
    skp = skp_of()
    i = skp.rencana[0].indikator[0]
    owner = login(skp.pegawai)
    page = owner.get(url_indikator(skp, i)).get_data(as_text=True)
    assert '<h1 id="modal-title">Input Realisasi</h1>' in page and "Kembali" in page
    r = post(owner, url_indikator(skp, i), {"nilai": "1,5"}, hx=False)
    assert r.status_code == 302
    assert r.headers["Location"].endswith(f"/realisasi?periode=tw1#indikator-{i.id}")
    assert db.session.scalar(select(Realisasi.nilai)) == Decimal("1.5")


def test_text_realisasi_for_an_indicator_without_a_numeric_target(login):
    skp = skp_of()
    i = skp.rencana[0].indikator[0]
    i.target, i.satuan = None, None
    db.session.commit()
    owner = login(skp.pegawai)
    assert 'name="nilai"' not in owner.get(url_indikator(skp, i)).get_data(as_text=True)
    r = post(owner, url_indikator(skp, i), {"teks": "Pedoman selesai disusun"})
    assert r.status_code == 200
    assert db.session.scalar(select(Realisasi.teks)) == "Pedoman selesai disusun"


@pytest.mark.parametrize(
    "data, message",
    [
        ({"nilai": ""}, "Wajib diisi."),
        ({"nilai": "delapan"}, "Harus berupa angka"),
        ({"nilai": "-1"}, "Tidak boleh kurang dari 0"),
        ({"nilai": "1" * 20}, "Angka terlalu besar"),
        ({"nilai": "2", "tautan": "javascript:alert(1)"}, "Tautan tidak sah"),
        ({"nilai": "2", "tautan": "ftp://a.example/b"}, "Tautan tidak sah"),
        ({"nilai": "2", "keterangan": "x" * 2001}, "Paling banyak 2000 karakter"),
    ],
)
def test_bad_input_is_refused_with_a_message(login, bukti_dir, data, message):
    skp = skp_of()
    i = skp.rencana[0].indikator[0]
    r = post(login(skp.pegawai), url_indikator(skp, i), upload(data, ("a.pdf", PDF)))
    assert r.status_code == 422
    assert message in r.get_data(as_text=True)
    assert count(Realisasi) == 0 and count(BuktiDukung) == 0 and stored(bukti_dir) == []


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("laporan.pdf", PNG, "tidak sesuai dengan namanya"),
        ("surat.docx", ooxml("xl/"), "tidak sesuai dengan namanya"),
        ("program.exe", b"MZ\x90\x00" * 10, "tidak diterima"),
        ("palsu.pdf", b"<html><script>x</script>", "tidak dikenali"),
        ("besar.pdf", PDF + b"\x00" * (5 * MB), "terlalu besar"),
    ],
)
def test_refused_upload_stores_nothing(login, bukti_dir, name, content, message):
    skp = skp_of()
    i = skp.rencana[0].indikator[0]
    data = upload({"nilai": "1", "keterangan": "tetap ada"}, ("ok.pdf", PDF), (name, content))
    r = post(login(skp.pegawai), url_indikator(skp, i), data)
    html = r.get_data(as_text=True)
    assert r.status_code == 422
    assert message in html and "Tidak ada berkas yang disimpan" in html
    assert "tetap ada" in html  # what was typed is kept
    assert count(Realisasi) == 0 and count(BuktiDukung) == 0 and stored(bukti_dir) == []


def test_limit_is_configurable(app, login, bukti_dir):
    app.config["BUKTI_DUKUNG_MAX_MB"] = 1
    try:
        skp = skp_of()
        i = skp.rencana[0].indikator[0]
        data = upload({"nilai": "1"}, ("a.pdf", PDF + b"\x00" * MB))
        r = post(login(skp.pegawai), url_indikator(skp, i), data)
        assert r.status_code == 422 and "paling besar 1 MB" in r.get_data(as_text=True)
    finally:
        app.config["BUKTI_DUKUNG_MAX_MB"] = 5


def test_request_over_the_request_limit_names_the_bukti_limit(login, bukti_dir):
    skp = skp_of()
    i = skp.rencana[0].indikator[0]
    data = upload({"nilai": "1"}, ("a.pdf", PDF + b"\x00" * (11 * MB)))
    r = post(login(skp.pegawai), url_indikator(skp, i), data)
    assert r.status_code == 413
    assert "paling besar 5 MB per berkas" in r.get_data(as_text=True)
    assert count(Realisasi) == 0 and stored(bukti_dir) == []


def test_failed_commit_leaves_no_orphan_file(login, bukti_dir):
    from sqlalchemy import event

    skp = skp_of()
    i = skp.rencana[0].indikator[0]
    owner = login(skp.pegawai)

    def fail(mapper, connection, target):
        raise RuntimeError("database gone")

    event.listen(BuktiDukung, "before_insert", fail)
    try:
        r = post(owner, url_indikator(skp, i), upload({"nilai": "1"}, ("a.pdf", PDF)))
    finally:
        event.remove(BuktiDukung, "before_insert", fail)
    assert r.status_code == 500
    assert stored(bukti_dir) == [] and count(Realisasi) == 0


def test_edit_carries_the_version_and_a_stale_save_is_refused(login, bukti_dir):
    skp = skp_of()
    i = skp.rencana[0].indikator[0]
    owner = login(skp.pegawai)
    post(owner, url_indikator(skp, i), {"nilai": "1"})
    dialog = owner.hx_get(url_indikator(skp, i)).get_data(as_text=True)
    assert 'name="version" type="hidden" value="1"' in dialog and 'value="1"' in dialog
    assert post(owner, url_indikator(skp, i), {"nilai": "2", "version": "1"}).status_code == 200
    r = post(owner, url_indikator(skp, i), upload({"nilai": "3", "version": "1"}, ("a.pdf", PDF)))
    assert r.status_code == 422 and STALE in r.get_data(as_text=True)
    assert db.session.scalar(select(Realisasi.nilai)) == Decimal(2)
    assert count(BuktiDukung) == 0 and stored(bukti_dir) == []
    # A save opened on an empty form while another tab saved first is stale too.
    r = post(owner, url_indikator(skp, i), {"nilai": "4"})
    assert r.status_code == 422 and STALE in r.get_data(as_text=True)


def _tutup(periode_kode="tw1", sampai=datetime(2022, 4, 10, tzinfo=UTC)):
    p = PeriodePenilaian(
        tahun=2022,
        jenis="triwulan",
        nomor=1,
        dari=date(2022, 1, 1),
        sampai=date(2022, 3, 31),
        batas_pengisian=sampai,
    )
    db.session.add(p)
    db.session.commit()
    return p


def test_closed_period_refuses_writes_and_hides_the_button(login, bukti_dir):
    skp = skp_of()
    i = skp.rencana[0].indikator[0]
    _tutup()
    owner = login(skp.pegawai)
    page = owner.get(f"/skp-jpt/{skp.id}/realisasi?periode=tw1").get_data(as_text=True)
    assert "Batas pengisian periode TRIWULAN I 2022 telah lewat" in page
    assert 'aria-label="Input Realisasi"' not in page
    dialog = owner.hx_get(url_indikator(skp, i)).get_data(as_text=True)
    assert "telah lewat" in dialog and 'name="nilai"' not in dialog
    r = post(owner, url_indikator(skp, i), upload({"nilai": "1"}, ("a.pdf", PDF)))
    assert r.status_code == 409 and "telah lewat" in r.get_data(as_text=True)
    assert count(Realisasi) == 0 and stored(bukti_dir) == []


def test_reopened_period_accepts_the_pegawai_again(login):
    skp = skp_of()
    i = skp.rencana[0].indikator[0]
    p = _tutup()
    db.session.add(
        BukaKembali(periode=p, pegawai=skp.pegawai, sampai=datetime.now(UTC) + timedelta(days=1))
    )
    db.session.commit()
    assert post(login(skp.pegawai), url_indikator(skp, i), {"nilai": "1"}).status_code == 200


def test_deadline_checked_again_inside_the_write(login, monkeypatch):
    """A period that closes between the dialog's check and the write is refused under the lock."""
    from webapp.blueprints import realisasi as views

    skp = skp_of()
    i = skp.rencana[0].indikator[0]
    calls = []
    real = views.periode_service.alasan_terkunci

    def closes_later(p, pegawai_id, kini=None):
        calls.append(p)
        return real(p, pegawai_id, kini) if len(calls) == 1 else "Batas pengisian telah lewat."

    monkeypatch.setattr(views.periode_service, "alasan_terkunci", closes_later)
    r = post(login(skp.pegawai), url_indikator(skp, i), {"nilai": "1"})
    assert r.status_code == 409 and count(Realisasi) == 0


def test_draft_skp_refuses_writes(login):
    skp = factories.make_skp()
    db.session.commit()
    i = skp.rencana[0].indikator[0]
    r = post(login(skp.pegawai), url_indikator(skp, i), {"nilai": "1"})
    assert r.status_code == 409 and "belum disetujui" in r.get_data(as_text=True)
    assert count(Realisasi) == 0


def test_only_the_owner_writes(login):
    skp = skp_of()
    i = skp.rencana[0].indikator[0]
    for who in (skp.penilai, factories.make_pegawai(jenis="JPT")):
        db.session.commit()
        assert post(login(who), url_indikator(skp, i), {"nilai": "1"}).status_code == 404
    assert count(Realisasi) == 0


def test_indikator_of_another_skp_is_404(login):
    skp = skp_of()
    other = skp_of()
    i = other.rencana[0].indikator[0]
    assert login(skp.pegawai).get(url_indikator(skp, i)).status_code == 404


# --- bukti dukung: Hapus and download -----------------------------------------------------------


def _with_file(login, bukti_dir):
    skp = skp_of()
    i = skp.rencana[0].indikator[0]
    owner = login(skp.pegawai)
    post(owner, url_indikator(skp, i), upload({"nilai": "1"}, ("laporan.pdf", PDF)))
    b = db.session.scalar(select(BuktiDukung))
    return skp, i, owner, b


def test_download_only_for_owner_penilai_and_atasan_ii(login, bukti_dir):
    skp, i, owner, b = _with_file(login, bukti_dir)
    atasan_ii = factories.make_pegawai("ATASAN II", jenis="JPT")
    skp.pegawai.atasan_ii = atasan_ii
    stranger = factories.make_pegawai("ORANG LAIN", jenis="JPT")
    db.session.commit()
    for who in (skp.pegawai, skp.penilai, atasan_ii):
        r = login(who).get(f"/bukti-dukung/{b.id}")
        assert r.status_code == 200, who.nama
        assert r.data == PDF
        assert r.headers["Content-Type"] == "application/pdf"
        assert r.headers["Content-Disposition"].startswith("attachment;")
        assert "laporan.pdf" in r.headers["Content-Disposition"]
        assert r.headers["X-Content-Type-Options"] == "nosniff"
    assert login(stranger).get(f"/bukti-dukung/{b.id}").status_code == 404
    assert login(None).get(f"/bukti-dukung/{b.id}").status_code == 302
    assert login(stranger).get(f"/bukti-dukung/{b.id + 999}").status_code == 404


def test_links_are_not_downloads(login):
    skp = skp_of()
    i = skp.rencana[0].indikator[0]
    owner = login(skp.pegawai)
    post(owner, url_indikator(skp, i), {"nilai": "1", "tautan": "https://a.example/x"})
    b = db.session.scalar(select(BuktiDukung))
    assert owner.get(f"/bukti-dukung/{b.id}").status_code == 404


def test_hapus_bukti_asks_then_removes_the_file_after_commit(login, bukti_dir):
    skp, i, owner, b = _with_file(login, bukti_dir)
    url = f"/skp-jpt/bukti-dukung/{b.id}/hapus"
    page = owner.get(url).get_data(as_text=True)
    assert "Konfirmasi Hapus" in page and "laporan.pdf" in page
    assert len(stored(bukti_dir)) == 1 and count(BuktiDukung) == 1
    r = owner.hx_post(url)
    assert r.status_code == 200
    assert f'<tr id="indikator-{i.id}" hx-swap-oob="true">' in r.get_data(as_text=True)
    assert count(BuktiDukung) == 0 and stored(bukti_dir) == []
    assert login(skp.penilai).post(url).status_code == 404


def test_hapus_bukti_of_another_is_404(login, bukti_dir):
    skp, i, owner, b = _with_file(login, bukti_dir)
    stranger = factories.make_pegawai(jenis="JPT")
    db.session.commit()
    assert login(stranger).post(f"/skp-jpt/bukti-dukung/{b.id}/hapus").status_code == 404
    assert len(stored(bukti_dir)) == 1
