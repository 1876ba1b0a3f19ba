"""Perilaku SKP (issue 10 §5): the 360 penilai's list, PENILAIAN PERILAKU and Input Penilaian."""

from datetime import UTC, date, datetime, timedelta
from types import SimpleNamespace

import pytest
from sqlalchemy import func, select

from tests import factories
from webapp.extensions import db
from webapp.models import BukaKembali, PenilaianPerilaku, PeriodePenilaian
from webapp.services.concurrency import STALE

P = "/perilaku-skp"


def text(r):
    return r.get_data(as_text=True)


@pytest.fixture
def kasus():
    """An approved SKP JA/JF whose aspects are rated by the atasan (1-5), a rekan (ADAPTIF) and
    a bawahan (KOLABORATIF); a stranger and a draft SKP rated by the same rekan."""
    atasan = factories.make_pegawai("ATASAN", jenis="JPT")
    owner = factories.make_pegawai("PEMILIK", jenis="JF", atasan=atasan)
    rekan = factories.make_pegawai("REKAN")
    bawahan = factories.make_pegawai("BAWAHAN", atasan=owner)
    lain = factories.make_pegawai("LAIN")
    skp = factories.disetujui(factories.make_skp(owner, jenis="JAJF"))
    skp.perilaku[5].penilai_peran, skp.perilaku[5].penilai = "rekan", rekan
    skp.perilaku[6].penilai_peran, skp.perilaku[6].penilai = "bawahan", bawahan
    draft = factories.make_skp(owner, jenis="JAJF", dari=date(2022, 5, 1), sampai=date(2022, 5, 31))
    draft.perilaku[5].penilai_peran, draft.perilaku[5].penilai = "rekan", rekan
    db.session.commit()
    return SimpleNamespace(
        atasan=atasan, owner=owner, rekan=rekan, bawahan=bawahan, lain=lain, skp=skp, draft=draft
    )


def input_url(k, aspek: int, periode: str = "tw1") -> str:
    return f"{P}/{k.skp.id}/aspek/{k.skp.perilaku[aspek - 1].id}?periode={periode}"


# --- the list --------------------------------------------------------------------------------


def test_the_list_shows_the_approved_skp_this_person_rates_and_as_what(kasus, login):
    body = text(login(kasus.rekan).get(f"{P}/"))
    assert "<html" in body and "Perilaku SKP" in body
    for header in (
        "No",
        "Tahun",
        "Periode SKP",
        "Nama Pengaju / Pegawai yang Dinilai",
        "Anda Dijadikan Sebagai",
        "Pendekatan SPT",
        "Penilaian Perilaku",
    ):
        assert f">{header}</th>" in body
    row = body.split(f'id="dinilai-{kasus.skp.id}"')[1].split("</tr>")[0]
    assert "01 Mar - 31 Mar 2022" in row and "PEMILIK" in row
    assert "Rekan Kerja" in row and "JA/JF KUANTITATIF" in row
    assert 'aria-label="Penilaian Perilaku"' in row
    assert f'id="dinilai-{kasus.draft.id}"' not in body  # a draft is not rated
    assert "Showing 1 to 1 of 1 entries" in body


def test_each_rater_sees_their_own_role(kasus, login):
    atasan = text(login(kasus.atasan).get(f"{P}/"))
    assert ">Atasan<" in atasan
    assert ">Bawahan<" in text(login(kasus.bawahan).get(f"{P}/"))


@pytest.mark.parametrize("who", ["owner", "lain"])
def test_nobody_else_sees_it(kasus, login, who):
    body = text(login(getattr(kasus, who)).get(f"{P}/"))
    assert f'id="dinilai-{kasus.skp.id}"' not in body
    assert "Belum ada SKP yang menetapkan Anda sebagai penilai perilaku" in body


def test_the_tahun_cari_has_an_address_of_its_own(kasus, login):
    rekan = login(kasus.rekan)
    r = rekan.get(f"{P}/?tahun=2022")
    assert r.status_code == 302 and r.headers["Location"].endswith(f"{P}/tahun/2022")
    assert f'id="dinilai-{kasus.skp.id}"' in text(rekan.get(f"{P}/tahun/2022"))
    body = text(rekan.get(f"{P}/tahun/2021"))
    assert "pada tahun 2021" in body and f'id="dinilai-{kasus.skp.id}"' not in body
    assert rekan.get(f"{P}/?tahun=abc").status_code == 302


def test_the_list_as_an_htmx_fragment_and_searched(kasus, login):
    rekan = login(kasus.rekan)
    r = rekan.hx_get(f"{P}/?q=pemilik")
    assert r.status_code == 200 and "<html" not in text(r)
    assert f'id="dinilai-{kasus.skp.id}"' in text(r)
    assert f'id="dinilai-{kasus.skp.id}"' not in text(rekan.hx_get(f"{P}/?q=zzz"))


def test_the_list_takes_the_same_queries_for_2_or_12_skp(kasus, login, count_queries):
    rekan = login(kasus.rekan)

    def more(n):
        for _ in range(n):
            o = factories.make_pegawai(jenis="JF", atasan=kasus.atasan)
            s = factories.disetujui(factories.make_skp(o, jenis="JAJF"))
            s.perilaku[5].penilai_peran, s.perilaku[5].penilai = "rekan", kasus.rekan
        db.session.commit()

    more(1)
    with count_queries() as few:
        assert text(rekan.get(f"{P}/")).count('id="dinilai-') == 2
    more(10)
    with count_queries() as many:
        assert text(rekan.get(f"{P}/")).count('id="dinilai-') == 10  # one page
    assert len(many) == len(few)


# --- PENILAIAN PERILAKU ------------------------------------------------------------------------


def test_the_dialog_shows_only_the_aspects_this_person_rates(kasus, login):
    r = login(kasus.rekan).hx_get(f"{P}/{kasus.skp.id}")
    body = text(r)
    assert r.status_code == 200 and "<dialog" in body and "PENILAIAN PERILAKU" in body
    assert "PEMILIK PERIODE : 01 Mar - 31 Mar 2022" in body
    assert "ADAPTIF" in body and "Cepat menyesuaikan diri menghadapi perubahan" in body
    for other in ("KOLABORATIF", "BERORIENTASI PELAYANAN", "AKUNTABEL"):
        assert other not in body
    for header in ("No", "Aspek", "Hasil Penilaian", "Input Penilaian"):
        assert f">{header}</th>" in body
    assert "Belum dinilai" in body and "TRIWULAN I 2022" in body


def test_the_dialog_is_a_page_without_js(kasus, login):
    body = text(login(kasus.bawahan).get(f"{P}/{kasus.skp.id}"))
    assert "<html" in body and 'id="modal-title">PENILAIAN PERILAKU</h1>' in body
    assert "KOLABORATIF" in body and "ADAPTIF" not in body


def test_the_atasan_rates_five_aspects(kasus, login):
    body = text(login(kasus.atasan).hx_get(f"{P}/{kasus.skp.id}"))
    assert body.count('<tr id="penilaian-') == 5


def test_an_atasan_aspect_without_a_person_falls_to_the_pejabat_penilai(kasus, login):
    kasus.skp.perilaku[0].penilai = None  # "Atasan", nobody named
    db.session.commit()
    body = text(login(kasus.atasan).hx_get(f"{P}/{kasus.skp.id}"))
    assert "BERORIENTASI PELAYANAN" in body and body.count('<tr id="penilaian-') == 5
    r = login(kasus.atasan).post(input_url(kasus, 1), data={"teks": "Baik", "version": ""})
    assert r.status_code == 302


@pytest.mark.parametrize("who", ["owner", "lain"])
def test_others_get_404(kasus, login, who):
    actor = login(getattr(kasus, who))
    assert actor.get(f"{P}/{kasus.skp.id}").status_code == 404
    assert actor.get(input_url(kasus, 6)).status_code == 404
    assert actor.post(input_url(kasus, 6), data={"teks": "x", "version": ""}).status_code == 404


def test_a_draft_skp_is_not_rated(kasus, login):
    rekan = login(kasus.rekan)
    assert rekan.get(f"{P}/{kasus.draft.id}").status_code == 404
    url = f"{P}/{kasus.draft.id}/aspek/{kasus.draft.perilaku[5].id}"
    assert rekan.post(url, data={"teks": "x", "version": ""}).status_code == 404


def test_a_rater_writes_only_their_own_aspects(kasus, login):
    rekan = login(kasus.rekan)
    assert rekan.get(input_url(kasus, 7)).status_code == 404  # KOLABORATIF is the bawahan's
    assert rekan.post(input_url(kasus, 7), data={"teks": "x", "version": ""}).status_code == 404
    assert db.session.scalar(select(func.count()).select_from(PenilaianPerilaku)) == 0


def test_an_unknown_period_is_404(kasus, login):
    assert login(kasus.rekan).get(f"{P}/{kasus.skp.id}?periode=tw3").status_code == 404
    assert login(kasus.rekan).get(input_url(kasus, 6, "tw9")).status_code == 404


# --- Input Penilaian ---------------------------------------------------------------------------


def test_input_penilaian_is_a_dialog_titled_with_the_aspect(kasus, login):
    r = login(kasus.rekan).hx_get(input_url(kasus, 6))
    body = text(r)
    assert r.status_code == 200 and "<dialog" in body
    assert 'id="modal-title">ADAPTIF</h2>' in body and "Simpan" in body
    assert "<textarea" in body and 'name="version"' in body
    # A GET creates nothing, not even the period's row.
    assert db.session.scalar(select(func.count()).select_from(PeriodePenilaian)) == 0


def test_simpan_without_js_stores_the_feedback_with_its_author(kasus, login):
    r = login(kasus.rekan).post(
        input_url(kasus, 6), data={"teks": "Sangat cepat menyesuaikan diri", "version": ""}
    )
    assert r.status_code == 302
    assert r.headers["Location"].endswith(f"{P}/{kasus.skp.id}?periode=tw1")
    row = db.session.scalars(select(PenilaianPerilaku)).one()
    assert (row.teks, row.oleh_id, row.oleh_nama, row.oleh_peran) == (
        "Sangat cepat menyesuaikan diri",
        kasus.rekan.id,
        "REKAN",
        "rekan",
    )
    assert (row.skp_id, row.perilaku_id) == (kasus.skp.id, kasus.skp.perilaku[5].id)
    periode = db.session.get(PeriodePenilaian, row.periode_id)
    assert (periode.tahun, periode.jenis, periode.nomor) == (2022, "triwulan", 1)
    page = text(login(kasus.rekan).get(f"{P}/{kasus.skp.id}?periode=tw1"))
    assert "Sangat cepat menyesuaikan diri" in page


def test_simpan_with_htmx_answers_the_penilaian_dialog_with_the_result(kasus, login):
    r = login(kasus.bawahan).hx_post(
        input_url(kasus, 7), data={"teks": "Terbuka bekerja sama", "version": ""}
    )
    body = text(r)
    assert r.status_code == 200 and "<dialog" in body and "PENILAIAN PERILAKU" in body
    assert "Terbuka bekerja sama" in body and "Penilaian KOLABORATIF tersimpan." in body
    row = db.session.scalars(select(PenilaianPerilaku)).one()
    assert row.oleh_peran == "bawahan"


def test_an_edit_carries_the_version_and_a_stale_one_is_refused(kasus, login):
    rekan = login(kasus.rekan)
    rekan.post(input_url(kasus, 6), data={"teks": "Pertama", "version": ""})
    form = text(rekan.hx_get(input_url(kasus, 6)))
    assert "Pertama" in form and 'name="version" type="hidden" value="1"' in form
    assert (
        rekan.post(input_url(kasus, 6), data={"teks": "Kedua", "version": "1"}).status_code == 302
    )
    r = rekan.hx_post(input_url(kasus, 6), data={"teks": "Ketiga", "version": "1"})
    assert r.status_code == 422 and STALE in text(r) and "Ketiga" in text(r)  # typed text kept
    # A second "first" feedback (the form opened before anyone wrote) is stale too.
    r = rekan.hx_post(input_url(kasus, 6), data={"teks": "Keempat", "version": ""})
    assert r.status_code == 422 and STALE in text(r)
    assert db.session.scalars(select(PenilaianPerilaku)).one().teks == "Kedua"


def test_an_empty_or_overlong_penilaian_is_refused(kasus, login):
    rekan = login(kasus.rekan)
    r = rekan.hx_post(input_url(kasus, 6), data={"teks": "  ", "version": ""})
    assert r.status_code == 422 and "Wajib diisi." in text(r) and "<dialog" in text(r)
    r = rekan.hx_post(input_url(kasus, 6), data={"teks": "x" * 2001, "version": ""})
    assert r.status_code == 422 and "Paling banyak 2000 karakter" in text(r)
    r = rekan.hx_post(input_url(kasus, 6), data={"teks": "a\x00b", "version": ""})
    assert r.status_code == 422
    assert db.session.scalar(select(func.count()).select_from(PenilaianPerilaku)) == 0


def test_each_period_has_its_own_feedback(kasus, login):
    rekan = login(kasus.rekan)
    rekan.post(input_url(kasus, 6, "tw1"), data={"teks": "Triwulan", "version": ""})
    rekan.post(input_url(kasus, 6, "tahunan"), data={"teks": "Tahunan", "version": ""})
    assert db.session.scalar(select(func.count()).select_from(PenilaianPerilaku)) == 2
    body = text(rekan.hx_get(f"{P}/{kasus.skp.id}?periode=tahunan"))
    assert "Tahunan" in body and "Triwulan" not in body


def _tutup_tw1(kasus, buka_untuk=None):
    past = datetime.now(UTC) - timedelta(days=1)
    row = PeriodePenilaian(
        tahun=2022, jenis="triwulan", nomor=1, dari=date(2022, 1, 1), sampai=date(2022, 3, 31)
    )
    row.batas_pengisian = past
    db.session.add(row)
    db.session.flush()
    if buka_untuk is not None:
        db.session.add(
            BukaKembali(
                periode=row, pegawai=buka_untuk, sampai=datetime.now(UTC) + timedelta(days=1)
            )
        )
    db.session.commit()


def test_a_closed_period_refuses_the_feedback(kasus, login):
    _tutup_tw1(kasus)
    rekan = login(kasus.rekan)
    page = text(rekan.hx_get(f"{P}/{kasus.skp.id}?periode=tw1"))
    assert "Batas pengisian periode TRIWULAN I 2022 telah lewat" in page
    assert "Input Penilaian ADAPTIF" not in page
    r = rekan.hx_post(input_url(kasus, 6), data={"teks": "Terlambat", "version": ""})
    assert r.status_code == 403 and "telah lewat" in text(r)
    assert db.session.scalar(select(func.count()).select_from(PenilaianPerilaku)) == 0


def test_a_period_reopened_for_the_owner_is_open_to_their_raters(kasus, login):
    _tutup_tw1(kasus, buka_untuk=kasus.owner)
    r = login(kasus.rekan).post(input_url(kasus, 6), data={"teks": "Dibuka", "version": ""})
    assert r.status_code == 302
    assert db.session.scalars(select(PenilaianPerilaku)).one().teks == "Dibuka"


def test_a_rater_removed_meanwhile_is_refused(kasus, login):
    rekan = login(kasus.rekan)
    form = text(rekan.hx_get(input_url(kasus, 6)))
    assert "ADAPTIF" in form
    kasus.skp.perilaku[5].penilai = kasus.lain
    db.session.commit()
    r = rekan.post(input_url(kasus, 6), data={"teks": "x", "version": ""})
    assert r.status_code == 404


def test_input_penilaian_on_a_closed_period_says_so_without_a_form(kasus, login):
    _tutup_tw1(kasus)
    r = login(kasus.rekan).hx_get(input_url(kasus, 6))
    assert r.status_code == 200 and "telah lewat" in text(r) and "<textarea" not in text(r)


def test_penilai_efektif(kasus):
    from webapp.services.penilaian_perilaku import penilai_efektif

    skp = kasus.skp
    assert penilai_efektif(skp.perilaku[5], skp) == kasus.rekan.id
    skp.perilaku[0].penilai = None
    db.session.flush()
    assert skp.perilaku[0].penilai_id is None
    assert penilai_efektif(skp.perilaku[0], skp) == kasus.atasan.id
    skp.perilaku[6].penilai = None  # a Bawahan aspect without a person: nobody
    db.session.flush()
    assert penilai_efektif(skp.perilaku[6], skp) is None
