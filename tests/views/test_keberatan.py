"""Keberatan (issue 10 §6) and the evaluation summary the owner's realisasi includes (§4, §7)."""

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest
from flask import render_template
from flask_login import login_user
from sqlalchemy import func, select

from tests import factories
from webapp.extensions import db
from webapp.models import Keberatan
from webapp.services import keberatan as service
from webapp.services import periode_penilaian
from webapp.services.concurrency import STALE

K = "/keberatan"


def text(r):
    return r.get_data(as_text=True)


@pytest.fixture
def kasus():
    """IRDIAN-like: a JF Ahli Pertama whose atasan rated her BAIK today; her Atasan II decides."""
    atasan_ii = factories.make_pegawai("ATASAN II", jenis="JPT")
    atasan = factories.make_pegawai("ATASAN", jenis="JPT", atasan=atasan_ii)
    owner = factories.make_pegawai(
        "PEMILIK", jenis="JF", atasan=atasan, jenjang="Ahli Pertama", atasan_ii=atasan_ii
    )
    lain = factories.make_pegawai("LAIN", atasan=atasan)
    skp = factories.disetujui(factories.make_skp(owner, jenis="JAJF"))
    evaluasi = factories.make_evaluasi(skp, "tw1", "baik")
    db.session.commit()
    return SimpleNamespace(
        atasan_ii=atasan_ii, atasan=atasan, owner=owner, lain=lain, skp=skp, evaluasi=evaluasi
    )


def ajukan(k, actor, alasan="Bukti dukung belum dipertimbangkan.", hx=False):
    post = actor.hx_post if hx else actor.post
    return post(f"{K}/ajukan/{k.evaluasi.id}", data={"alasan": alasan})


def putus(k, actor, hx=False, **data):
    keberatan = db.session.scalars(select(Keberatan)).one()
    data.setdefault("version", str(keberatan.version_id))
    post = actor.hx_post if hx else actor.post
    return post(f"{K}/{keberatan.id}/putuskan", data=data)


def ringkas(app, k, evaluasi, kode="tw1", user=None):
    """The summary as the owner's realisasi page includes it."""
    periode, _ = periode_penilaian.pilih(k.skp, kode)
    with app.test_request_context("/skp-jajf/1/realisasi"):
        login_user(user or k.owner)
        return render_template(
            "skp/_evaluasi_ringkas.html", skp=k.skp, periode=periode, evaluasi=evaluasi
        )


# --- the summary -------------------------------------------------------------------------------


def test_the_summary_before_any_rating_says_belum_dinilai(app, kasus):
    html = ringkas(app, kasus, None, "tahunan")
    for label in (
        "CAPAIAN KINERJA ORGANISASI",
        "RATING HASIL KERJA",
        "RATING PERILAKU KERJA",
        "PREDIKAT KINERJA PEGAWAI",
    ):
        assert f'<th scope="row">{label}</th><td>belum dinilai</td>' in html
    assert "Keberatan" not in html and "ANGKA KREDIT" not in html


def test_the_summary_shows_the_ratings_and_the_keberatan_button_to_the_owner(app, kasus):
    html = ringkas(app, kasus, kasus.evaluasi)
    assert "<td>BAIK</td>" in html and "SESUAI EKSPEKTASI" in html
    assert f'href="{K}/ajukan/{kasus.evaluasi.id}?next=' in html and ">Keberatan</a>" in html
    assert "Dapat diajukan sampai" in html
    assert ">Keberatan</a>" not in ringkas(app, kasus, kasus.evaluasi, user=kasus.atasan)


def test_after_14_days_the_button_is_gone_and_a_post_is_refused(app, kasus, login):
    kasus.evaluasi.predikat_at = datetime.now(UTC) - timedelta(days=16)
    db.session.commit()
    assert ">Keberatan</a>" not in ringkas(app, kasus, kasus.evaluasi)
    r = ajukan(kasus, login(kasus.owner), hx=True)
    assert r.status_code == 409 and service.LEWAT in text(r)
    assert db.session.scalar(select(func.count()).select_from(Keberatan)) == 0


def test_angka_kredit_shows_with_the_annual_predikat_of_a_jf(app, kasus):
    tahunan = factories.make_evaluasi(kasus.skp, "tahunan", "sangat_baik")
    db.session.commit()
    html = ringkas(app, kasus, tahunan, "tahunan")
    # One month (01 – 31 Mar) of Ahli Pertama (12.5) at 150%: 1.5625 → 1.563.
    assert "ANGKA KREDIT" in html and "1.563" in html and "Ahli Pertama, 1/12 bulan" in html
    assert "ANGKA KREDIT" not in ringkas(app, kasus, kasus.evaluasi)  # a triwulan: none


def test_no_angka_kredit_without_a_known_jenjang_or_for_a_non_jf(app, kasus):
    tahunan = factories.make_evaluasi(kasus.skp, "tahunan", "baik")
    kasus.owner.jenjang, kasus.owner.jabatan = "", "Analis"
    db.session.commit()
    assert "ANGKA KREDIT" not in ringkas(app, kasus, tahunan, "tahunan")
    kasus.owner.jenjang, kasus.owner.jenis_jabatan = "Ahli Muda", "JA"
    db.session.commit()
    assert "ANGKA KREDIT" not in ringkas(app, kasus, tahunan, "tahunan")


# --- the owner objects ---------------------------------------------------------------------------


def test_the_owner_opens_the_keberatan_dialog(kasus, login):
    r = login(kasus.owner).hx_get(f"{K}/ajukan/{kasus.evaluasi.id}")
    body = text(r)
    assert r.status_code == 200 and "<dialog" in body and 'id="modal-title">Keberatan<' in body
    assert "Alasan Keberatan" in body and "<strong>BAIK</strong>" in body
    page = text(login(kasus.owner).get(f"{K}/ajukan/{kasus.evaluasi.id}"))
    assert "<html" in page and "Ajukan Keberatan" in page


def test_the_owner_objects_once_and_the_atasan_ii_is_kept_as_decider(kasus, login):
    owner = login(kasus.owner)
    r = ajukan(kasus, owner)
    assert r.status_code == 302 and f"{K}/ajukan/{kasus.evaluasi.id}" in r.headers["Location"]
    k = db.session.scalars(select(Keberatan)).one()
    assert (k.alasan, k.predikat_semula, k.pemutus_id, k.pemutus_nama) == (
        "Bukti dukung belum dipertimbangkan.",
        "baik",
        kasus.atasan_ii.id,
        "ATASAN II",
    )
    page = text(owner.get(f"{K}/ajukan/{kasus.evaluasi.id}"))
    assert "Menunggu keputusan ATASAN II" in page and "Ajukan Keberatan" not in page
    r = ajukan(kasus, owner, "Lagi", hx=True)
    assert r.status_code == 409 and service.SUDAH_DIAJUKAN in text(r)
    assert db.session.scalar(select(func.count()).select_from(Keberatan)) == 1


def test_with_htmx_the_summary_replaces_itself_and_the_dialog_closes(kasus, login):
    r = ajukan(kasus, login(kasus.owner), hx=True)
    body = text(r)
    assert r.status_code == 200 and r.headers["HX-Trigger"] == "closeModal"
    assert 'id="evaluasi-ringkas"' in body and 'hx-swap-oob="true"' in body
    assert "Menunggu keputusan Atasan Pejabat Penilai (ATASAN II)" in body
    assert "Keberatan diajukan kepada Atasan Pejabat Penilai." in body


def test_without_atasan_ii_the_penilais_atasan_decides(kasus, login):
    kasus.owner.atasan_ii = None
    db.session.commit()
    assert ajukan(kasus, login(kasus.owner)).status_code == 302
    assert db.session.scalars(select(Keberatan)).one().pemutus_id == kasus.atasan_ii.id


def test_without_any_decider_the_objection_says_what_to_fill_in(kasus, login):
    kasus.owner.atasan_ii = None
    kasus.atasan.atasan_langsung = None
    db.session.commit()
    r = ajukan(kasus, login(kasus.owner), hx=True)
    assert r.status_code == 409 and "Atasan II pada menu Ubah Profile" in text(r)
    assert db.session.scalar(select(func.count()).select_from(Keberatan)) == 0


def test_bad_input_and_no_predikat(kasus, login):
    owner = login(kasus.owner)
    r = ajukan(kasus, owner, "   ", hx=True)
    assert r.status_code == 422 and "Wajib diisi." in text(r)
    kasus.evaluasi.predikat, kasus.evaluasi.predikat_at = None, None
    db.session.commit()
    r = ajukan(kasus, owner, hx=True)
    assert r.status_code == 409 and service.BELUM_ADA_PREDIKAT in text(r)
    assert db.session.scalar(select(func.count()).select_from(Keberatan)) == 0


@pytest.mark.parametrize("who", ["atasan", "atasan_ii", "lain"])
def test_only_the_owner_objects(kasus, login, who):
    actor = login(getattr(kasus, who))
    assert actor.get(f"{K}/ajukan/{kasus.evaluasi.id}").status_code == 404
    assert ajukan(kasus, actor).status_code == 404


def test_a_next_url_elsewhere_is_ignored(kasus, login):
    owner = login(kasus.owner)
    body = text(owner.get(f"{K}/ajukan/{kasus.evaluasi.id}?next=//evil.example/x"))
    assert "evil.example" not in body
    body = text(owner.get(f"{K}/ajukan/{kasus.evaluasi.id}?next=/skp-jajf/"))
    assert 'href="/skp-jajf/"' in body


# --- the Atasan Pejabat Penilai decides ----------------------------------------------------------


def test_the_menu_and_the_list_show_to_the_decider_only(kasus, login):
    ajukan(kasus, login(kasus.owner))
    decider = text(login(kasus.atasan_ii).get(f"{K}/"))
    assert ">Keberatan</a>" in decider  # the menu entry
    assert "PEMILIK" in decider and "Bukti dukung belum dipertimbangkan." in decider
    assert "TRIWULAN I 2022" in decider and "Menunggu keputusan" in decider
    for who in ("atasan", "owner", "lain"):
        body = text(login(getattr(kasus, who)).get(f"{K}/"))
        assert "Tidak ada keberatan yang perlu Anda putuskan." in body
        assert 'href="/keberatan/"' not in body


def test_the_decision_changes_the_predikat_and_both_are_kept(app, kasus, login):
    ajukan(kasus, login(kasus.owner))
    decider = login(kasus.atasan_ii)
    keberatan = db.session.scalars(select(Keberatan)).one()
    dialog = text(decider.hx_get(f"{K}/{keberatan.id}/putuskan"))
    assert "Keputusan Keberatan" in dialog and "Predikat tetap" in dialog
    assert "Predikat Baru" in dialog and "Penjelasan" in dialog
    r = putus(
        kasus, decider, hx=True, keputusan="diubah", predikat_baru="sangat_baik", penjelasan="Ok"
    )
    assert r.status_code == 200 and r.headers["HX-Trigger"] == "closeModal"
    assert f'id="keberatan-keputusan-{keberatan.id}" hx-swap-oob="true"' in text(r)
    assert "Diubah menjadi SANGAT BAIK" in text(r)
    db.session.refresh(keberatan)
    assert (keberatan.keputusan, keberatan.predikat_baru, keberatan.predikat_semula) == (
        "diubah",
        "sangat_baik",
        "baik",
    )
    assert keberatan.diputus_oleh_id == kasus.atasan_ii.id and keberatan.diputus_at
    db.session.refresh(kasus.evaluasi)
    assert kasus.evaluasi.predikat == "baik"  # the ratings' predikat stays as derived
    assert service.predikat_akhir(kasus.evaluasi) == "sangat_baik"
    html = ringkas(app, kasus, kasus.evaluasi)
    assert "<strong>SANGAT BAIK</strong> (diubah atas keberatan; semula BAIK)" in html
    assert "predikat diubah menjadi SANGAT BAIK. Penjelasan: Ok" in html


def test_the_decision_keeps_the_predikat(app, kasus, login):
    ajukan(kasus, login(kasus.owner))
    r = putus(kasus, login(kasus.atasan_ii), keputusan="tetap", penjelasan="Sesuai bukti.")
    assert r.status_code == 302 and r.headers["Location"].endswith(f"{K}/")
    k = db.session.scalars(select(Keberatan)).one()
    assert (k.keputusan, k.predikat_baru, k.penjelasan) == ("tetap", None, "Sesuai bukti.")
    html = ringkas(app, kasus, kasus.evaluasi)
    assert "predikat tetap. Penjelasan: Sesuai bukti." in html
    page = text(login(kasus.owner).get(f"{K}/ajukan/{kasus.evaluasi.id}"))
    assert "Predikat tetap BAIK" in page and "Sesuai bukti." in page


@pytest.mark.parametrize(
    "data, message",
    [
        ({"keputusan": "diubah", "penjelasan": "x"}, "Wajib diisi."),
        ({"keputusan": "diubah", "predikat_baru": "baik", "penjelasan": "x"}, "sama dengan"),
        ({"keputusan": "diubah", "predikat_baru": "hebat", "penjelasan": "x"}, "tidak dikenal"),
        ({"keputusan": "tetap", "penjelasan": ""}, "Wajib diisi."),
        ({"keputusan": "", "penjelasan": "x"}, "Wajib diisi."),
    ],
)
def test_a_decision_needs_its_parts(kasus, login, data, message):
    ajukan(kasus, login(kasus.owner))
    r = putus(kasus, login(kasus.atasan_ii), hx=True, **data)
    assert r.status_code == 422 and message in text(r)
    assert db.session.scalars(select(Keberatan)).one().keputusan is None


def test_a_stale_or_second_decision_is_refused(kasus, login):
    ajukan(kasus, login(kasus.owner))
    decider = login(kasus.atasan_ii)
    r = putus(kasus, decider, hx=True, keputusan="tetap", penjelasan="x", version="99")
    assert r.status_code == 422 and STALE in text(r)
    assert putus(kasus, decider, keputusan="tetap", penjelasan="x").status_code == 302
    r = putus(kasus, decider, hx=True, keputusan="diubah", predikat_baru="kurang", penjelasan="y")
    assert r.status_code == 409 and service.SUDAH_DIPUTUS in text(r)
    assert db.session.scalars(select(Keberatan)).one().keputusan == "tetap"


@pytest.mark.parametrize("who", ["owner", "atasan", "lain"])
def test_only_the_decider_decides(kasus, login, who):
    ajukan(kasus, login(kasus.owner))
    keberatan = db.session.scalars(select(Keberatan)).one()
    actor = login(getattr(kasus, who))
    assert actor.get(f"{K}/{keberatan.id}/putuskan").status_code == 404
    assert putus(kasus, actor, keputusan="tetap", penjelasan="x").status_code == 404


def test_the_list_takes_the_same_queries_for_1_or_11_objections(kasus, login, count_queries):
    def more(n):
        for _ in range(n):
            o = factories.make_pegawai(jenis="JF", atasan=kasus.atasan, atasan_ii=kasus.atasan_ii)
            s = factories.disetujui(factories.make_skp(o, jenis="JAJF"))
            e = factories.make_evaluasi(s, "tw1", "kurang")
            db.session.add(
                Keberatan(
                    evaluasi=e,
                    alasan="x",
                    predikat_semula="kurang",
                    pemutus_id=kasus.atasan_ii.id,
                    pemutus_nama="ATASAN II",
                )
            )
        db.session.commit()

    decider = login(kasus.atasan_ii)
    more(1)
    with count_queries() as few:
        decider.get(f"{K}/")
    more(10)
    with count_queries() as many:
        assert text(decider.get(f"{K}/")).count('<tr id="keberatan-') == 10
    assert len(many) == len(few)


def test_with_htmx_on_the_dialogs_own_page_the_page_reloads(kasus, login):
    url = f"{K}/ajukan/{kasus.evaluasi.id}"
    r = login(kasus.owner).hx_post(
        url, data={"alasan": "x"}, headers={"HX-Current-URL": f"http://localhost{url}"}
    )
    assert r.status_code == 200 and r.headers["HX-Redirect"].startswith(url)
    assert db.session.scalar(select(func.count()).select_from(Keberatan)) == 1


def test_after_14_days_the_dialog_says_so_without_a_form(kasus, login):
    kasus.evaluasi.predikat_at = datetime.now(UTC) - timedelta(days=15)
    db.session.commit()
    r = login(kasus.owner).hx_get(f"{K}/ajukan/{kasus.evaluasi.id}")
    assert r.status_code == 200 and service.LEWAT in text(r) and "<textarea" not in text(r)


def test_the_decider_reads_the_realisasi_of_the_objected_period(kasus, login):
    """The list links the objected period's realisasi; the Atasan II may read it (no row
    actions), and the page's evidence is what the decision rests on."""
    ajukan(kasus, login(kasus.owner))
    decider = login(kasus.atasan_ii)
    link = f"/realisasi-skp/{kasus.skp.id}?periode=tw1"
    assert f'href="{link}"' in text(decider.get(f"{K}/"))
    page = text(decider.get(link))
    assert "TRIWULAN I 2022" in page
    assert "Input Umpan Balik" not in page and "Input Realisasi" not in page
    assert login(kasus.lain).get(link).status_code == 404
