"""Realisasi SKP, second half: kualitatif entries, Input Umpan Balik, the 360 feedback shown,
progress across periods, concurrency, query count and size, the storage sweep."""

from __future__ import annotations

import gzip
import os
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from tests import factories
from tests.factories import PDF
from tests.views.test_realisasi import (
    _tutup,
    _with_file,
    count,
    fresh_bukti_dir,
    post,
    prefix,
    skp_of,
    stored,
    upload,
    url_indikator,
    url_rencana,
)
from webapp.extensions import db
from webapp.models import (
    BuktiDukung,
    PenilaianPerilaku,
    PeriodePenilaian,
    Realisasi,
    UmpanBalik,
)
from webapp.services.concurrency import STALE


@pytest.fixture
def bukti_dir(app, tmp_path):
    yield from fresh_bukti_dir(app, tmp_path)


# --- kualitatif entries -------------------------------------------------------------------------


def test_kualitatif_entries_add_edit_hapus(login, bukti_dir):
    skp = skp_of("JAJF", "kualitatif")
    rr = skp.rencana[0]
    owner = login(skp.pegawai)
    dialog = owner.hx_get(url_rencana(skp, rr)).get_data(as_text=True)
    for head in ('<th scope="col">No</th>', "Indikator", "Edit", "Hapus"):
        assert head in dialog
    assert "Belum ada realisasi pada periode ini." in dialog
    r = post(owner, url_rencana(skp, rr), upload({"teks": "Realisasi 1"}, ("a.pdf", PDF)))
    html = r.get_data(as_text=True)
    assert r.status_code == 200
    assert "Realisasi 1" in html and f'<tr id="rencana-row-{rr.id}" hx-swap-oob="true">' in html
    post(owner, url_rencana(skp, rr), {"teks": "Realisasi 2"})
    entries = db.session.scalars(select(Realisasi).order_by(Realisasi.id)).all()
    assert [(e.teks, e.urutan) for e in entries] == [("Realisasi 1", 1), ("Realisasi 2", 2)]
    page = owner.get(f"/skp-jajf/{skp.id}/realisasi?periode=tw1").get_data(as_text=True)
    assert "Realisasi 1" in page and "Realisasi 2" in page
    # Edit with the version; a stale one is refused.
    first = entries[0]
    edit = f"/skp-jajf/realisasi/{first.id}/edit"
    assert 'value="1"' in owner.hx_get(edit).get_data(as_text=True)
    edited = {"ubah-teks": "Realisasi satu", "ubah-version": "1"}
    assert post(owner, edit, edited).status_code == 200
    r = post(owner, edit, {"ubah-teks": "Lagi", "ubah-version": "1"})
    assert r.status_code == 422 and STALE in r.get_data(as_text=True)
    # Hapus asks first; the entry and its file go.
    hapus = f"/skp-jajf/realisasi/{first.id}/hapus"
    assert "Konfirmasi Hapus" in owner.get(hapus).get_data(as_text=True)
    r = owner.hx_post(hapus)
    assert r.status_code == 200 and f'id="entri-no-{entries[1].id}"' in r.get_data(as_text=True)
    assert [e.teks for e in db.session.scalars(select(Realisasi))] == ["Realisasi 2"]
    assert stored(bukti_dir) == []


def test_kualitatif_entry_without_js(login):
    skp = skp_of("JPT", "kualitatif")
    rr = skp.rencana[0]
    owner = login(skp.pegawai)
    r = post(owner, url_rencana(skp, rr), {"teks": "Realisasi 1"}, hx=False)
    assert r.status_code == 302 and r.headers["Location"].endswith(url_rencana(skp, rr))
    r = post(owner, url_rencana(skp, rr), {"teks": ""}, hx=False)
    assert r.status_code == 422 and "Wajib diisi." in r.get_data(as_text=True)


def test_entry_of_another_is_404(login):
    skp = skp_of("JPT", "kualitatif")
    rr = skp.rencana[0]
    post(login(skp.pegawai), url_rencana(skp, rr), {"teks": "Realisasi 1"})
    e = db.session.scalar(select(Realisasi))
    stranger = factories.make_pegawai(jenis="JPT")
    db.session.commit()
    other = login(stranger)
    assert other.get(f"/skp-jpt/realisasi/{e.id}/edit").status_code == 404
    assert other.post(f"/skp-jpt/realisasi/{e.id}/hapus").status_code == 404
    assert count(Realisasi) == 1


def test_model_mismatch_routes_are_404(login):
    kuan = skp_of()
    kual = skp_of("JPT", "kualitatif", dari=date(2022, 5, 1), sampai=date(2022, 5, 31))
    owner = login(kuan.pegawai)
    assert owner.get(url_rencana(kuan, kuan.rencana[0])).status_code == 404
    owner = login(kual.pegawai)
    assert owner.get(url_indikator(kual, kual.rencana[0].indikator[0], "tw2")).status_code == 404


# --- Input Umpan Balik --------------------------------------------------------------------------


def url_umpan(skp, target, target_id, periode="tw1"):
    return f"/realisasi-skp/{skp.id}/{periode}/umpan-balik/{target}/{target_id}"


def test_penilai_writes_umpan_balik_seen_by_the_owner(login):
    skp = skp_of()
    i = skp.rencana[0].indikator[0]
    penilai = login(skp.penilai)
    assert penilai.get(f"/realisasi-skp/{skp.id}").headers["Location"] == (
        f"/skp-bawahan/{skp.id}/realisasi"
    )  # the Pejabat Penilai evaluates in SKP Bawahan
    page = penilai.get(f"/skp-bawahan/{skp.id}/realisasi").get_data(as_text=True)
    assert 'aria-label="Input Umpan Balik"' in page and 'aria-label="Input Realisasi"' not in page
    dialog = penilai.hx_get(url_umpan(skp, "indikator", i.id)).get_data(as_text=True)
    assert "UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG" in dialog
    r = penilai.hx_post(url_umpan(skp, "indikator", i.id), data={"teks": "Orientasi udah oke"})
    assert r.status_code == 200 and r.headers["HX-Trigger"] == "closeModal"
    assert 'Pimpinan : <span class="pre-line">Orientasi udah oke</span>' in r.get_data(as_text=True)
    u = db.session.scalar(select(UmpanBalik))
    assert (u.oleh_id, u.oleh_nama) == (skp.penilai_id, skp.penilai.nama)
    owner_page = login(skp.pegawai).get(f"/skp-jpt/{skp.id}/realisasi").get_data(as_text=True)
    assert "Orientasi udah oke" in owner_page
    # Versioned: a second save on the old version is refused.
    r = penilai.hx_post(url_umpan(skp, "indikator", i.id), data={"teks": "Lagi", "version": "0"})
    assert r.status_code == 422 and STALE in r.get_data(as_text=True)


def test_umpan_balik_on_a_hasil_kerja_and_without_js(login):
    skp = skp_of("JAJF", "kualitatif")
    rr = skp.rencana[0]
    penilai = login(skp.penilai)
    r = penilai.post(url_umpan(skp, "rencana", rr.id), data={"teks": "saya mau kinerja baik"})
    assert r.status_code == 302
    assert r.headers["Location"].endswith(
        f"/skp-bawahan/{skp.id}/realisasi?periode=tw1#rencana-row-{rr.id}"
    )
    page = penilai.get(r.headers["Location"]).get_data(as_text=True)
    assert "saya mau kinerja baik" in page
    assert (
        penilai.post(
            url_umpan(skp, "indikator", rr.indikator[0].id), data={"teks": "x"}
        ).status_code
        == 404
    )


def test_only_the_penilai_writes_umpan_balik(login):
    skp = skp_of()
    i = skp.rencana[0].indikator[0]
    atasan_ii = factories.make_pegawai("ATASAN II", jenis="JPT")
    skp.pegawai.atasan_ii = atasan_ii
    db.session.commit()
    for who in (skp.pegawai, atasan_ii):
        r = login(who).post(url_umpan(skp, "indikator", i.id), data={"teks": "x"})
        assert r.status_code == 404
    assert count(UmpanBalik) == 0
    # The Atasan II reads the page without any action.
    page = login(atasan_ii).get(f"/realisasi-skp/{skp.id}").get_data(as_text=True)
    assert "Input Umpan Balik" not in page and "Input Realisasi" not in page


def test_umpan_balik_in_a_closed_period_is_refused(login):
    skp = skp_of()
    i = skp.rencana[0].indikator[0]
    _tutup()
    r = login(skp.penilai).post(url_umpan(skp, "indikator", i.id), data={"teks": "x"})
    assert r.status_code == 409 and count(UmpanBalik) == 0


# --- the 360 feedback and progress across periods -----------------------------------------------


def test_360_feedback_shows_with_role_and_name(login):
    skp = skp_of()
    rekan = factories.make_pegawai("FITRIANI PANJAITAN, A.Md", jenis="JA")
    skp.perilaku[5].penilai_peran, skp.perilaku[5].penilai = "rekan", rekan
    p = _tutup(sampai=None)
    db.session.add(
        PenilaianPerilaku(
            skp_id=skp.id,
            perilaku_id=skp.perilaku[0].id,
            periode_id=p.id,
            teks="Orientasi udah oke",
            oleh_id=skp.penilai_id,
            oleh_nama=skp.penilai.nama,
            oleh_peran="atasan",
        )
    )
    db.session.commit()
    html = login(skp.pegawai).get(f"/skp-jpt/{skp.id}/realisasi?periode=tw1").get_data(as_text=True)
    assert f'Atasan ({skp.penilai.nama}) : <span class="pre-line">Orientasi udah oke</span>' in html
    assert "Rekan Kerja (FITRIANI PANJAITAN, A.Md) :" in html


def test_progress_of_earlier_periods(login):
    """A year-long SKP: TW I 2 and TW II 5 of a target of 8 show on TW III and the year."""
    skp = skp_of(dari=date(2022, 1, 1), sampai=date(2022, 12, 31))
    i = skp.rencana[0].indikator[0]
    i.target = Decimal(8)
    db.session.commit()
    owner = login(skp.pegawai)
    post(owner, url_indikator(skp, i, "tw1"), {"nilai": "2"})
    post(owner, url_indikator(skp, i, "tw2"), {"nilai": "5"})
    tw1 = owner.get(f"/skp-jpt/{skp.id}/realisasi?periode=tw1").get_data(as_text=True)
    assert "Periode sebelumnya" not in tw1
    for kode in ("tw3", "tahunan"):
        html = owner.get(f"/skp-jpt/{skp.id}/realisasi?periode={kode}").get_data(as_text=True)
        assert "Periode sebelumnya: TW I 2 · TW II 5 / 8 Dokumen" in html, kode
    tw2 = owner.get(f"/skp-jpt/{skp.id}/realisasi?periode=tw2").get_data(as_text=True)
    assert "Periode sebelumnya: TW I 2 / 8 Dokumen" in tw2 and "5 Dokumen" in tw2


# --- budgets ------------------------------------------------------------------------------------


def _filled(n: int, dari: date):
    owner = factories.make_pegawai(jenis="JPT", atasan=factories.make_pegawai(jenis="JPT"))
    skp = factories.disetujui(
        factories.make_skp(
            owner, rencana=n // 2, indikator=2, dari=dari, sampai=dari.replace(day=28)
        )
    )
    p = db.session.scalar(select(PeriodePenilaian)) or _tutup(sampai=None)
    for r in skp.rencana:
        for i in r.indikator:
            real = Realisasi(
                skp_id=skp.id,
                periode_id=p.id,
                indikator_id=i.id,
                nilai=Decimal(3),
                keterangan="Dari penilaian atasan",
            )
            real.bukti.append(BuktiDukung(jenis="tautan", url="https://drive.example/berkas/123"))
            real.bukti.append(
                BuktiDukung(
                    jenis="berkas",
                    nama="laporan-bulanan.pdf",
                    tipe="application/pdf",
                    ukuran=123456,
                    kunci="0" * 64,
                )
            )
            db.session.add(real)
            db.session.add(
                UmpanBalik(
                    skp_id=skp.id,
                    periode_id=p.id,
                    indikator_id=i.id,
                    teks="Pertahankan kualitas laporan.",
                )
            )
    db.session.commit()
    return skp


def test_queries_do_not_grow_with_indicators_and_page_is_small(login, count_queries):
    small = _filled(2, date(2022, 2, 1))
    big = _filled(20, date(2022, 3, 1))
    counts, sizes = [], []
    for skp in (small, big):
        me = login(skp.pegawai)
        url = f"/skp-jpt/{skp.id}/realisasi?periode=tw1"
        me.get(url)
        with count_queries() as q:
            r = me.get(url)
        assert r.status_code == 200
        counts.append(len(q))
        sizes.append(len(gzip.compress(r.data)))
    assert counts[0] == counts[1], counts
    assert sizes[1] < 20 * 1024, sizes
    print("queries", counts, "gzip bytes", sizes)


def test_sweep_removes_only_old_files_no_row_refers_to(app, login, bukti_dir):
    import time

    from webapp.services import bukti_dukung as storage

    skp, i, owner, b = _with_file(login, bukti_dir)
    orphan, _ = storage.simpan(PDF)
    fresh, _ = storage.simpan(PDF)
    old = time.time() - 7200
    for key in (b.kunci, orphan):
        os.utime(bukti_dir / key, (old, old))
    (bukti_dir / "README").write_text("not ours")
    result = app.test_cli_runner().invoke(args=["bukti-dukung", "sapu"])
    assert "1 berkas tanpa data dihapus" in result.output
    assert sorted(p.name for p in stored(bukti_dir)) == sorted([b.kunci, fresh, "README"])
    # The file that is still used downloads as before.
    assert owner.get(f"/bukti-dukung/{b.id}").status_code == 200


def test_simultaneous_first_saves_keep_one_realisasi_and_one_period_row(login):
    """Ten tabs save the first realisasi of one indicator at once: one wins, the others are
    told the data changed (the owner's lock serialises them), one period row is made."""
    from tests.views.test_concurrency import simultaneously

    skp = skp_of()
    i = skp.rencana[0].indikator[0]
    owner = login(skp.pegawai)
    statuses = simultaneously(owner, 10, url_indikator(skp, i), {"nilai": "1"})
    assert sorted(statuses) == [200] + [422] * 9 or sorted(statuses) == [302] + [422] * 9
    assert count(Realisasi) == 1 and count(PeriodePenilaian) == 1


def test_simultaneous_entries_are_numbered_in_order(login):
    from tests.views.test_concurrency import simultaneously

    skp = skp_of("JAJF", "kualitatif")
    rr = skp.rencana[0]
    statuses = simultaneously(login(skp.pegawai), 8, url_rencana(skp, rr), {"teks": "Entri"})
    assert set(statuses) == {302}
    urutan = sorted(db.session.scalars(select(Realisasi.urutan)))
    assert urutan == list(range(1, 9))


@pytest.mark.parametrize("jenis", ["JPT", "JAJF"])
def test_kualitatif_and_leader_pages_run_constant_queries(login, count_queries, jenis):
    counts = {"owner": [], "penilai": []}
    for n, dari in ((2, date(2022, 2, 1)), (20, date(2022, 3, 1))):
        skp = skp_of(
            jenis, "kualitatif", rencana=n // 2, indikator=2, dari=dari, sampai=dari.replace(day=28)
        )
        owner = login(skp.pegawai)
        for rr in skp.rencana:
            post(owner, url_rencana(skp, rr, "tw1"), {"teks": "Entri", "tautan": "https://a.b/c"})
        for who, url in (
            ("owner", f"{prefix(skp)}/{skp.id}/realisasi?periode=tw1"),
            ("penilai", f"/skp-bawahan/{skp.id}/realisasi?periode=tw1"),
        ):
            actor = owner if who == "owner" else login(skp.penilai)
            actor.get(url)
            with count_queries() as q:
                assert actor.get(url).status_code == 200
            counts[who].append(len(q))
    assert counts["owner"][0] == counts["owner"][1], counts
    assert counts["penilai"][0] == counts["penilai"][1], counts


def test_realisasi_pages_mark_their_menu_entry(login):
    skp = skp_of("JAJF")
    page = login(skp.pegawai).get(f"/skp-jajf/{skp.id}/realisasi").get_data(as_text=True)
    assert 'aria-current="page">Rencana SKP JA/JF</a>' in page
    page = login(skp.penilai).get(f"/skp-bawahan/{skp.id}/realisasi").get_data(as_text=True)
    assert 'aria-current="page">SKP Bawahan</a>' in page


def test_uploaded_name_keeps_no_folder_and_downloads_as_is(login, bukti_dir):
    skp = skp_of()
    i = skp.rencana[0].indikator[0]
    owner = login(skp.pegawai)
    data = upload({"nilai": "1"}, ("../../Laporan Maret (final).pdf", PDF))
    assert post(owner, url_indikator(skp, i), data).status_code == 200
    b = db.session.scalar(select(BuktiDukung))
    assert b.nama == "Laporan Maret (final).pdf"
    r = owner.get(f"/bukti-dukung/{b.id}")
    assert "Laporan Maret (final).pdf" in r.headers["Content-Disposition"]
    assert 'accept=".pdf,' in owner.get(url_indikator(skp, i)).get_data(as_text=True)


def test_umpan_balik_returns_to_the_including_page_never_elsewhere(login):
    skp = skp_of()
    i = skp.rencana[0].indikator[0]
    penilai = login(skp.penilai)
    url = url_umpan(skp, "indikator", i.id)
    r = penilai.post(url + "?kembali=/skp-bawahan/", data={"teks": "Satu"})
    assert r.headers["Location"].startswith("/skp-bawahan/#indikator-")
    form = penilai.get(url + "?kembali=/skp-bawahan/").get_data(as_text=True)
    assert "kembali=/skp-bawahan/" in form and 'href="/skp-bawahan/"' in form
    for evil in ("//evil.example/x", "https://evil.example/", "/\\evil.example"):
        version = db.session.scalar(select(UmpanBalik.version_id))
        data = {"teks": "Dua", "version": str(version)}
        r = penilai.post(url, query_string={"kembali": evil}, data=data)
        assert r.status_code == 302, evil
        assert r.headers["Location"].startswith(f"/skp-bawahan/{skp.id}/realisasi?periode=tw1"), (
            evil
        )
        db.session.commit()
