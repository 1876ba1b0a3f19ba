"""Distribusi Predikat (issue 10 §4): the check service `cek`, its macros, and the screen."""

from __future__ import annotations

import re
from datetime import date

import pytest
from flask import render_template_string

from tests import factories
from webapp.extensions import db
from webapp.models import CapaianOrganisasi, Evaluasi, PeriodePenilaian
from webapp.services.distribusi import cek

URL = "/skp-bawahan/distribusi"
TW = {1: (date(2022, 1, 1), date(2022, 3, 31)), 2: (date(2022, 4, 1), date(2022, 6, 30))}


def periode(nomor: int = 1, tahun: int = 2022) -> PeriodePenilaian:
    found = db.session.query(PeriodePenilaian).filter_by(tahun=tahun, jenis="triwulan", nomor=nomor)
    if found.first():
        return found.first()
    dari, sampai = TW[nomor]
    p = PeriodePenilaian(tahun=tahun, jenis="triwulan", nomor=nomor, dari=dari, sampai=sampai)
    db.session.add(p)
    db.session.flush()
    return p


def tim(pimpinan, predikat: list[str | None], nomor: int = 1, capaian: str | None = None):
    """One SKP (March 2022) per bawahan of `pimpinan`, rated in TRIWULAN `nomor`."""
    p = periode(nomor)
    skps = []
    for i, pred in enumerate(predikat):
        bawahan = factories.make_pegawai(
            f"BAWAHAN {i:03d}", atasan=pimpinan, unit=pimpinan.unit_kerja
        )
        skp = factories.make_skp(bawahan, jenis="JAJF")
        db.session.add(Evaluasi(skp=skp, periode=p, predikat=pred))
        skps.append(skp)
    if capaian:
        db.session.add(CapaianOrganisasi(pimpinan_id=pimpinan.id, periode_id=p.id, capaian=capaian))
    db.session.commit()
    return skps


@pytest.fixture
def pimpinan():
    p = factories.make_pegawai("PIMPINAN", jenis="JPT")
    db.session.commit()
    return p


# --- cek ---------------------------------------------------------------------------------------


def test_cek_counts_and_the_broken_limit(pimpinan, count_queries):
    tim(pimpinan, ["sangat_baik"] * 4 + ["baik", None], capaian="istimewa")
    pid = pimpinan.id
    with count_queries() as q:
        hasil = cek(pid, 2022, "tw1")
    assert len(q) == 2
    assert hasil.capaian == "istimewa"
    assert hasil.jumlah == {
        "sangat_baik": 4,
        "baik": 1,
        "butuh_perbaikan": 0,
        "kurang": 0,
        "sangat_kurang": 0,
    }
    assert hasil.total_dinilai == 5
    assert hasil.pelanggaran == [
        "Sangat Baik 4 dari 5 pegawai (80%) melebihi batas 70% untuk capaian Istimewa "
        "(paling banyak 3 pegawai)"
    ]
    assert "dibulatkan" in hasil.pembulatan
    assert hasil.persen("sangat_baik") == "80%"
    assert hasil.batas == ["Sangat Baik paling banyak 70%"]


def test_cek_counts_only_this_leader_and_this_period(pimpinan):
    tim(pimpinan, ["baik", "baik"], nomor=1, capaian="baik")
    tim(pimpinan, ["kurang"], nomor=2)  # another period
    lain = factories.make_pegawai("PIMPINAN LAIN", jenis="JPT")
    tim(lain, ["sangat_baik"] * 3, nomor=1)  # another leader
    hasil = cek(pimpinan.id, 2022, "tw1")
    assert hasil.total_dinilai == 2 and hasil.jumlah["baik"] == 2
    assert len(hasil.pelanggaran) == 2  # 2 of 2 Baik; nobody below Baik
    assert cek(pimpinan.id, 2022, "tw2").capaian is None  # capaian is per period
    assert cek(pimpinan.id, 2022, "tw2").pelanggaran == []  # no curve chosen: nothing to break
    assert cek(pimpinan.id, 2023, "tw1").total_dinilai == 0


def test_cek_of_nobody(pimpinan, count_queries):
    pid = pimpinan.id
    with count_queries() as q:
        hasil = cek(pid, 2022, "tahunan")
    assert len(q) == 2
    assert (hasil.capaian, hasil.total_dinilai, hasil.pelanggaran) == (None, 0, [])
    assert hasil.persen("baik") == "0%"


def test_cek_refuses_a_wrong_code(pimpinan):
    with pytest.raises(ValueError):
        cek(pimpinan.id, 2022, "tw9")


def test_cek_queries_do_not_grow(pimpinan, count_queries):
    tim(pimpinan, ["baik"] * 30, capaian="baik")
    pid = pimpinan.id
    with count_queries() as q:
        cek(pid, 2022, "tw1")
    assert len(q) == 2


# --- the macros --------------------------------------------------------------------------------

PERINGATAN = (
    '{% from "partials/distribusi_peringatan.html" import peringatan %}'
    "{{ peringatan(cek, id=id, oob=oob) }}"
)


def test_peringatan_lists_every_broken_limit(app, pimpinan):
    tim(pimpinan, ["baik"] * 5, capaian="baik")
    with app.test_request_context():
        html = render_template_string(
            PERINGATAN, cek=cek(pimpinan.id, 2022, "tw1"), id=None, oob=False
        )
    assert 'role="status"' in html
    assert html.count("<li>") == 2
    assert "Baik 5 dari 5 pegawai (100%) melebihi batas 70% untuk capaian Baik" in html
    assert "Pembulatan untuk tim kecil" in html


def test_peringatan_is_nothing_when_nothing_is_broken(app, pimpinan):
    tim(pimpinan, ["baik", "butuh_perbaikan"], capaian="baik")
    with app.test_request_context():
        hasil = cek(pimpinan.id, 2022, "tw1")
        assert render_template_string(PERINGATAN, cek=hasil, id=None, oob=False).strip() == ""
        kosong = render_template_string(PERINGATAN, cek=hasil, id="cek-x", oob=True)
    assert 'id="cek-x"' in kosong and 'hx-swap-oob="true"' in kosong and "<li>" not in kosong


def test_kurva_macro(app):
    tpl = '{% from "partials/kurva.html" import kurva %}{{ kurva(c) }}'
    with app.test_request_context():
        html = render_template_string(tpl, c="baik")
        none = render_template_string(tpl, c=None)
    assert "<svg" in html and "<title>KURVA DISTRIBUSI PREDIKAT KINERJA PEGAWAI DENGAN" in html
    assert (
        "<figcaption>KURVA DISTRIBUSI PREDIKAT KINERJA PEGAWAI DENGAN CAPAIAN KINERJA ORGANISASI BAIK"
        in html
    )
    assert "<svg" not in none and "belum diisi" in none


# --- the screen --------------------------------------------------------------------------------


def test_page_shows_curve_counts_warning_and_links(pimpinan, login):
    skps = tim(pimpinan, ["sangat_baik"] * 4 + ["baik", None], capaian="istimewa")
    r = login(pimpinan).get(f"{URL}/2022/tw1")
    assert r.status_code == 200
    html = r.get_data(as_text=True)
    assert "<h1>Distribusi Predikat</h1>" in html
    assert "CAPAIAN KINERJA ORGANISASI ISTIMEWA</title>" in html
    assert "Sangat Baik 4 dari 5 pegawai (80%) melebihi batas 70% untuk capaian Istimewa" in html
    assert "Pembulatan untuk tim kecil" in html
    assert re.search(r"SANGAT BAIK</th><td class=\"num\">4</td><td class=\"num\">80%", html)
    for skp in skps:
        assert f'href="/skp-bawahan/{skp.id}/realisasi?periode=tw1"' in html
    assert "Belum dinilai" in html  # the sixth
    assert 'style="' not in html


def test_page_without_a_broken_limit_says_so(pimpinan, login):
    tim(pimpinan, ["baik", "butuh_perbaikan"], capaian="baik")
    html = login(pimpinan).get(f"{URL}/2022/tw1").get_data(as_text=True)
    assert "Predikat yang diberikan sesuai pola distribusi." in html
    assert "Peringatan pola distribusi" not in html
    assert "Pembulatan untuk tim kecil" in html


def test_empty_state(pimpinan, login):
    html = login(pimpinan).get(f"{URL}/2022/tw2").get_data(as_text=True)
    assert "Belum ada bawahan yang dinilai pada periode ini." in html
    assert "Tidak ada SKP bawahan pada periode ini." in html
    assert "Capaian Kinerja Organisasi belum diisi" in html


def test_only_own_bawahan(pimpinan, login):
    tim(pimpinan, ["baik"])
    other = factories.make_pegawai("ORANG LAIN")
    db.session.commit()
    html = login(other).get(f"{URL}/2022/tw1").get_data(as_text=True)
    assert "BAWAHAN 000" not in html
    assert "Belum ada bawahan yang dinilai pada periode ini." in html


def test_htmx_answers_the_bawahan_list_only(pimpinan, login):
    tim(pimpinan, ["baik", "kurang"])
    r = login(pimpinan).hx_get(f"{URL}/2022/tw1?q=000")
    html = r.get_data(as_text=True)
    assert r.status_code == 200 and "<html" not in html
    assert 'id="bawahan-distribusi"' in html
    assert "BAWAHAN 000" in html and "BAWAHAN 001" not in html
    assert "HX-Request" in r.headers["Vary"]


def test_the_form_goes_to_the_periods_url(pimpinan, login):
    actor = login(pimpinan)
    r = actor.get(f"{URL}/?tahun=2022&periode=tw2")
    assert r.status_code == 302 and r.headers["Location"].endswith(f"{URL}/2022/tw2")
    for bad in (
        "tahun=abc&periode=tw1",
        "tahun=2022&periode=tw9",
        "tahun=99999&periode=tw1",
        "tahun=2022",
        "tahun=%EF%BC%92%EF%BC%90%EF%BC%92%EF%BC%92&periode=tw1",
    ):
        assert actor.get(f"{URL}/?{bad}").status_code == 404, bad


def test_wrong_period_in_the_url(pimpinan, login):
    actor = login(pimpinan)
    assert actor.get(f"{URL}/2022/b03").status_code == 404  # the agency evaluates per triwulan
    assert actor.get(f"{URL}/1999/tw1").status_code == 404
    assert actor.get(f"{URL}/2022/tahunan").status_code == 200


def test_default_period_is_todays(pimpinan, login):
    html = login(pimpinan).get(f"{URL}/").get_data(as_text=True)
    assert re.search(r'<option value="\d{4}" selected>', html)
    assert re.search(r'<option value="tw\d" selected>', html)


def test_query_count_does_not_grow_with_bawahan(pimpinan, login, count_queries):
    tim(pimpinan, ["baik", "kurang"], capaian="baik")
    actor = login(pimpinan)
    with count_queries() as few:
        assert actor.get(f"{URL}/2022/tw1").status_code == 200
    tim(pimpinan, ["baik"] * 25)
    with count_queries() as many:
        assert actor.get(f"{URL}/2022/tw1?per_page=25").status_code == 200
    assert len(many) == len(few), (len(few), len(many))


def test_default_year_is_the_latest_with_bawahan_when_this_year_has_none(pimpinan, login):
    tim(pimpinan, ["baik"])  # SKPs of 2022 only
    html = login(pimpinan).get(f"{URL}/").get_data(as_text=True)
    assert '<option value="2022" selected>' in html
    assert "Periode TRIWULAN IV-AKHIR 2022" in html  # the last period begun


def test_htmx_on_the_default_url_answers_the_list_too(pimpinan, login):
    tim(pimpinan, ["baik"])
    r = login(pimpinan).hx_get(f"{URL}/?q=BAWAHAN")
    html = r.get_data(as_text=True)
    assert r.status_code == 200 and "<html" not in html and 'id="bawahan-distribusi"' in html
