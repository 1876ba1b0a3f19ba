"""SKP Bawahan: the Pejabat Penilai's list, the target view, Setujui / Kembalikan and the
Ekspektasi Khusus Pimpinan."""

import gzip
from datetime import date

import pytest

from tests import factories
from webapp.extensions import db
from webapp.models import Skp

FRAGMENT_BUDGET = 2048


def gz(response) -> int:
    return len(gzip.compress(response.get_data()))


def _status(skp_id):
    db.session.expire_all()
    skp = db.session.get(Skp, skp_id)
    return skp.status, skp.catatan_status


@pytest.fixture
def diajukan(world):
    world.skp.status = "diajukan"
    world.skp.catatan_status = "Catatan lama"
    db.session.commit()
    return world.skp


# --- list ----------------------------------------------------------------------------------


def test_list_shows_the_skp_the_user_rates(world, login):
    stranger = factories.make_skp()  # rated by someone else
    db.session.commit()
    r = login(world.atasan).get("/skp-bawahan/")
    html = r.get_data(as_text=True)
    assert r.status_code == 200 and "<html" in html
    for label in (
        "No",
        "Tahun",
        "Nama Bawahan",
        "Periode SKP",
        "Pendekatan",
        "Status",
        "Target / Rencana SKP",
        "Realisasi SKP",
    ):
        assert f">{label}</th>" in html
    assert "PEMILIK" in html and "01 Mar - 31 Mar 2022" in html
    assert "JPT Kuantitatif" in html and "Draf" in html
    assert f'href="/skp-bawahan/{world.skp.id}"' in html and 'aria-label="Target"' in html
    assert stranger.pegawai.nama not in html
    assert "Showing 1 to 1 of 1 entries" in html


def test_list_fragment_is_the_table_only(world, login):
    r = login(world.atasan).hx_get("/skp-bawahan/?q=PEMILIK")
    html = r.get_data(as_text=True)
    assert r.status_code == 200 and "<html" not in html
    assert 'id="skp-bawahan"' in html and "PEMILIK" in html
    assert gz(r) < FRAGMENT_BUDGET


def test_list_search_year_filter_and_paging(world, login):
    for i in range(11):
        owner = factories.make_pegawai(f"BAWAHAN {i:02d}", jenis="JF", atasan=world.atasan)
        factories.make_skp(owner, jenis="JAJF", pendekatan="kualitatif")
    factories.make_skp(world.owner, dari=date(2021, 2, 1), sampai=date(2021, 2, 28))
    db.session.commit()
    atasan = login(world.atasan)
    html = atasan.get("/skp-bawahan/").get_data(as_text=True)
    assert "Showing 1 to 10 of 13 entries" in html and "JA/JF Kualitatif" in html
    html = atasan.get("/skp-bawahan/?q=pemilik").get_data(as_text=True)
    assert "Showing 1 to 2 of 2 entries" in html and "BAWAHAN" not in html
    html = atasan.get("/skp-bawahan/tahun/2021").get_data(as_text=True)
    assert "Showing 1 to 1 of 1 entries" in html and "01 Feb - 28 Feb 2021" in html
    html = atasan.get("/skp-bawahan/?page=2").get_data(as_text=True)
    assert "Showing 11 to 13 of 13 entries" in html


def test_list_follows_the_penilai_snapshot_not_the_current_atasan(world, login):
    baru = factories.make_pegawai("ATASAN BARU", jenis="JPT")
    world.owner.atasan_langsung = baru
    db.session.commit()
    assert "PEMILIK" in login(world.atasan).get("/skp-bawahan/").get_data(as_text=True)
    html = login(baru).get("/skp-bawahan/").get_data(as_text=True)
    assert "PEMILIK" not in html and "Tidak ada SKP bawahan." in html
    assert login(baru).get(f"/skp-bawahan/{world.skp.id}").status_code == 404


def test_list_query_count_does_not_grow_with_rows(world, login, count_queries):
    atasan = login(world.atasan)

    def count():
        with count_queries() as q:
            assert atasan.get("/skp-bawahan/?per_page=50").status_code == 200
        return len(q)

    for _ in range(2):
        factories.make_skp(factories.make_pegawai(jenis="JPT", atasan=world.atasan))
    db.session.commit()
    few = count()
    for _ in range(27):
        factories.make_skp(factories.make_pegawai(jenis="JPT", atasan=world.atasan))
    db.session.commit()
    assert count() == few


# --- target view ---------------------------------------------------------------------------


def test_target_jpt_kuantitatif_page(world, login):
    world.skp.perilaku[0].penilai_peran = "atasan"
    world.skp.perilaku[0].ekspektasi = "Layani dengan cepat"
    db.session.commit()
    r = login(world.atasan).get(f"/skp-bawahan/{world.skp.id}")
    html = r.get_data(as_text=True)
    assert r.status_code == 200 and "<html" in html
    assert "PEMILIK PERIODE 01 Maret 2022 - 31 Maret 2022" in html
    for col in ("NO", "RENCANA KINERJA", "INDIKATOR KINERJA INDIVIDU", "TARGET", "PERSPEKTIF"):
        assert f">{col}</th>" in html
    assert "A. KINERJA UTAMA" in html and "B. KINERJA TAMBAHAN" in html
    assert "Rencana 1" in html and "Indikator 1.1" in html and "1 Dokumen" in html
    assert "Proses Bisnis" in html and "MANUAL INDIKATOR" not in html
    assert "PERILAKU KERJA" in html and "KOLABORATIF" in html and "Suka menolong orang lain" in html
    assert "Ekspektasi Khusus Pimpinan : Layani dengan cepat" in html
    assert "Atasan (ATASAN)" in html and "Penilai belum ditentukan" in html
    assert html.count('aria-label="Input Ekspektasi Khusus Pimpinan"') == 7
    # A draft is listed but cannot be approved yet.
    assert "Status SKP: Draf" in html and ">Setujui</button>" not in html


def test_target_fragment(world, login):
    r = login(world.atasan).hx_get(f"/skp-bawahan/{world.skp.id}")
    html = r.get_data(as_text=True)
    assert r.status_code == 200 and "<html" not in html and 'id="plan"' in html
    assert gz(r) < FRAGMENT_BUDGET


def test_target_jpt_kualitatif(world, login):
    skp = factories.make_skp(
        world.owner, pendekatan="kualitatif", dari=date(2022, 2, 1), sampai=date(2022, 2, 28)
    )
    db.session.commit()
    html = login(world.atasan).get(f"/skp-bawahan/{skp.id}").get_data(as_text=True)
    assert ">HASIL KERJA</th>" in html and "A. UTAMA" in html and "B. TAMBAHAN" in html
    assert "Ukuran keberhasilan / Indikator Kinerja Individu / Target dan Perspektif :" in html
    assert f'<tr id="indikator-{skp.rencana[0].indikator[0].id}">' in html
    assert "<td>Indikator 1.1</td>" in html


def test_target_jajf_kuantitatif(world, login):
    owner = factories.make_pegawai("PRANATA", jenis="JF", atasan=world.atasan)
    skp = factories.make_skp(owner, jenis="JAJF")
    skp.rencana[0].indikator[0].aspek = "Kuantitas"
    db.session.commit()
    html = login(world.atasan).get(f"/skp-bawahan/{skp.id}").get_data(as_text=True)
    for col in (
        "RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI",
        "RENCANA HASIL KERJA",
        "ASPEK",
        "INDIKATOR KINERJA INDIVIDU",
        "TARGET",
    ):
        assert f">{col}</th>" in html
    assert "A. UTAMA" in html and "B. KINERJA TAMBAHAN" in html
    assert "<td>Kuantitas</td>" in html and "PERSPEKTIF" not in html


def test_target_query_count_does_not_grow_with_indicators(world, login, count_queries):
    atasan = login(world.atasan)

    def count(skp):
        with count_queries() as q:
            assert atasan.get(f"/skp-bawahan/{skp.id}").status_code == 200
        return len(q)

    few = factories.make_skp(world.owner, rencana=1, indikator=3, dari=date(2022, 4, 1))
    many = factories.make_skp(world.owner, rencana=5, indikator=6, dari=date(2022, 5, 1))
    for p in many.perilaku:
        p.penilai_peran, p.penilai = "rekan", world.other
    db.session.commit()
    assert count(few) == count(many)


@pytest.mark.parametrize("who", ["owner", "other", "operator"])
def test_only_the_penilai_sees_the_target(world, login, who):
    assert login(getattr(world, who)).get(f"/skp-bawahan/{world.skp.id}").status_code == 404
    assert login(getattr(world, who)).hx_get(f"/skp-bawahan/{world.skp.id}").status_code == 404


# --- Setujui -------------------------------------------------------------------------------


def test_setujui_page(diajukan, world, login):
    atasan = login(world.atasan)
    html = atasan.get(f"/skp-bawahan/{diajukan.id}").get_data(as_text=True)
    assert ">Setujui</button>" in html and ">Kembalikan</a>" in html
    r = atasan.post(f"/skp-bawahan/{diajukan.id}/setujui")
    assert r.status_code == 302 and r.headers["Location"].endswith(f"/skp-bawahan/{diajukan.id}")
    assert _status(diajukan.id) == ("disetujui", "")
    html = atasan.get(f"/skp-bawahan/{diajukan.id}").get_data(as_text=True)
    assert "SKP disetujui." in html and "Status SKP: Disetujui" in html
    assert ">Setujui</button>" not in html and "Input Ekspektasi Khusus Pimpinan" not in html


def test_setujui_fragment(diajukan, world, login):
    r = login(world.atasan).hx_post(f"/skp-bawahan/{diajukan.id}/setujui")
    html = r.get_data(as_text=True)
    assert r.status_code == 200 and "<html" not in html
    assert 'id="penetapan"' in html and "Status SKP: Disetujui" in html
    assert "<template>" in html  # out-of-band rows are guarded from the HTML parser
    for p in diajukan.perilaku:
        assert f'<tbody id="perilaku-{p.id}" hx-swap-oob="true">' in html
    assert "Input Ekspektasi Khusus Pimpinan" not in html and "SKP disetujui." in html
    assert _status(diajukan.id) == ("disetujui", "")
    assert gz(r) < FRAGMENT_BUDGET


def test_setujui_a_draft_or_twice_answers_a_clear_message(world, diajukan, login):
    atasan = login(world.atasan)
    assert atasan.hx_post(f"/skp-bawahan/{diajukan.id}/setujui").status_code == 200
    # A second tab still shows the button: the stale action is refused, nothing changes.
    r = atasan.hx_post(f"/skp-bawahan/{diajukan.id}/setujui")
    assert r.status_code == 409
    assert "SKP berstatus Disetujui tidak dapat di-setujui." in r.get_data(as_text=True)
    draft = factories.make_skp(world.owner, dari=date(2022, 6, 1), sampai=date(2022, 6, 30))
    db.session.commit()
    r = atasan.post(f"/skp-bawahan/{draft.id}/setujui")
    html = r.get_data(as_text=True)
    assert r.status_code == 409 and "<html" in html
    assert "SKP berstatus Draf tidak dapat di-setujui." in html
    assert _status(draft.id) == ("draft", "")


def test_setujui_by_someone_else_is_404(diajukan, world, login):
    for who in (world.owner, world.other):
        assert login(who).post(f"/skp-bawahan/{diajukan.id}/setujui").status_code == 404
    assert _status(diajukan.id)[0] == "diajukan"


# --- Kembalikan ----------------------------------------------------------------------------


def test_kembalikan_dialog_page_and_fragment(diajukan, world, login):
    atasan = login(world.atasan)
    html = atasan.get(f"/skp-bawahan/{diajukan.id}/kembalikan").get_data(as_text=True)
    assert "<html" in html and "Kembalikan SKP" in html and "Catatan Pengembalian" in html
    assert "PERILAKU KERJA" in html  # the no-JS page keeps the plan under the form
    r = atasan.hx_get(f"/skp-bawahan/{diajukan.id}/kembalikan")
    html = r.get_data(as_text=True)
    assert r.status_code == 200 and html.lstrip().startswith("<dialog")
    assert f'hx-post="/skp-bawahan/{diajukan.id}/kembalikan"' in html
    assert gz(r) < FRAGMENT_BUDGET


def test_kembalikan_requires_a_note(diajukan, world, login):
    atasan = login(world.atasan)
    r = atasan.hx_post(f"/skp-bawahan/{diajukan.id}/kembalikan", data={"catatan": "  "})
    assert r.status_code == 422 and "Wajib diisi." in r.get_data(as_text=True)
    r = atasan.post(f"/skp-bawahan/{diajukan.id}/kembalikan", data={"catatan": "x" * 2001})
    assert r.status_code == 422 and "Paling banyak 2000 karakter." in r.get_data(as_text=True)
    assert _status(diajukan.id) == ("diajukan", "Catatan lama")


def test_kembalikan_fragment(diajukan, world, login):
    r = login(world.atasan).hx_post(
        f"/skp-bawahan/{diajukan.id}/kembalikan",
        data={"catatan": "Target indikator 1 terlalu rendah."},
    )
    html = r.get_data(as_text=True)
    assert r.status_code == 200 and r.headers["HX-Trigger"] == "closeModal"
    assert 'id="penetapan"' in html and 'hx-swap-oob="true"' in html
    assert "Status SKP: Dikembalikan" in html and "Target indikator 1 terlalu rendah." in html
    assert _status(diajukan.id) == ("dikembalikan", "Target indikator 1 terlalu rendah.")
    assert gz(r) < FRAGMENT_BUDGET


def test_kembalikan_a_set_skp_page(diajukan, world, login):
    atasan = login(world.atasan)
    atasan.post(f"/skp-bawahan/{diajukan.id}/setujui")
    r = atasan.post(f"/skp-bawahan/{diajukan.id}/kembalikan", data={"catatan": "Ubah perspektif."})
    assert r.status_code == 302
    assert _status(diajukan.id) == ("dikembalikan", "Ubah perspektif.")
    # Returned: the owner edits it; the atasan cannot return it again until it is resubmitted.
    r = atasan.hx_post(f"/skp-bawahan/{diajukan.id}/kembalikan", data={"catatan": "Lagi."})
    assert r.status_code == 409
    assert "tidak dapat di-kembalikan" in r.get_data(as_text=True)
    assert _status(diajukan.id) == ("dikembalikan", "Ubah perspektif.")


# --- Ekspektasi Khusus Pimpinan ------------------------------------------------------------


def test_ekspektasi_dialog_page_and_fragment(world, login):
    atasan = login(world.atasan)
    url = f"/skp-bawahan/{world.skp.id}/perilaku/3/ekspektasi"
    html = atasan.get(url).get_data(as_text=True)
    assert "<html" in html and "Input Ekspektasi Khusus Pimpinan" in html and "KOMPETEN" in html
    r = atasan.hx_get(url)
    html = r.get_data(as_text=True)
    assert r.status_code == 200 and html.lstrip().startswith("<dialog")
    assert ">Simpan</button>" in html and 'name="ekspektasi"' in html
    assert gz(r) < FRAGMENT_BUDGET


def test_ekspektasi_fragment_saves_and_returns_the_row(world, login):
    url = f"/skp-bawahan/{world.skp.id}/perilaku/3/ekspektasi"
    r = login(world.atasan).hx_post(url, data={"ekspektasi": "Ikut pelatihan data"})
    html = r.get_data(as_text=True)
    assert r.status_code == 200 and r.headers["HX-Trigger"] == "closeModal"
    assert f'<tbody id="perilaku-{world.skp.perilaku[2].id}" hx-swap-oob="true">' in html
    assert "Ekspektasi Khusus Pimpinan : Ikut pelatihan data" in html
    assert gz(r) < FRAGMENT_BUDGET
    db.session.expire_all()
    assert world.skp.perilaku[2].ekspektasi == "Ikut pelatihan data"


def test_ekspektasi_page_saves_and_can_clear(world, login):
    url = f"/skp-bawahan/{world.skp.id}/perilaku/1/ekspektasi"
    atasan = login(world.atasan)
    assert atasan.post(url, data={"ekspektasi": "Ramah"}).status_code == 302
    db.session.expire_all()
    assert world.skp.perilaku[0].ekspektasi == "Ramah"
    assert atasan.post(url, data={"ekspektasi": ""}).status_code == 302
    db.session.expire_all()
    assert world.skp.perilaku[0].ekspektasi == ""


def test_ekspektasi_refused_when_too_long_set_or_unknown(world, diajukan, login):
    atasan = login(world.atasan)
    url = f"/skp-bawahan/{world.skp.id}/perilaku/2/ekspektasi"
    r = atasan.hx_post(url, data={"ekspektasi": "x" * 2001})
    assert r.status_code == 422 and "Paling banyak 2000 karakter." in r.get_data(as_text=True)
    atasan.post(f"/skp-bawahan/{world.skp.id}/setujui")
    r = atasan.hx_post(url, data={"ekspektasi": "Baru"})
    assert r.status_code == 409 and "Kembalikan SKP terlebih dahulu" in r.get_data(as_text=True)
    r = atasan.hx_get(url)
    html = r.get_data(as_text=True)
    assert r.status_code == 409 and "Kembalikan SKP terlebih dahulu" in html
    assert 'name="ekspektasi"' not in html
    db.session.expire_all()
    assert world.skp.perilaku[1].ekspektasi == ""
    assert atasan.get(f"/skp-bawahan/{world.skp.id}/perilaku/8/ekspektasi").status_code == 404
    r = login(world.owner).post(url, data={"ekspektasi": "Sendiri"})
    assert r.status_code == 404


def test_the_list_links_the_distribusi_predikat_screen(world, login):
    html = login(world.atasan).get("/skp-bawahan/").get_data(as_text=True)
    assert 'href="/skp-bawahan/distribusi/">Distribusi Predikat</a>' in html
