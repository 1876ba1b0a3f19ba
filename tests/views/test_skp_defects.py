"""Defects of issue 7 §4 on the SKP screens: one request test (or more) per defect."""

import re
from datetime import date
from pathlib import Path

import pytest

from tests import factories
from webapp.extensions import db
from webapp.models import ManualIndikator, Skp

P = "/skp-jpt"


def text(response) -> str:
    return response.get_data(as_text=True)


@pytest.fixture
def me(login, world):
    return login(world.owner)


# --- Periode SKP sorts by Dari ---------------------------------------------------------------


def test_period_list_sorts_by_dari(me, world):
    feb = factories.make_skp(world.owner, dari=date(2022, 2, 1), sampai=date(2022, 2, 28))
    db.session.commit()
    body = text(me.get(f"{P}/"))
    assert body.index(f'id="skp-{feb.id}"') < body.index(f'id="skp-{world.skp.id}"')
    assert f'<td id="skp-no-{feb.id}">1</td>' in body
    assert f'<td id="skp-no-{world.skp.id}">2</td>' in body


def test_tambah_an_earlier_period_goes_before_and_renumbers(me, world):
    data = {"dari": "2022-01-03", "sampai": "2022-01-31", "pendekatan": "kuantitatif"}
    r = me.hx_post(f"{P}/tambah", data=data)
    body = text(r)
    assert r.status_code == 200
    assert f'hx-swap-oob="beforebegin:#skp-{world.skp.id}"' in body
    assert f'<td id="skp-no-{world.skp.id}" hx-swap-oob="true">2</td>' in body
    new = db.session.query(Skp).filter_by(dari=date(2022, 1, 3)).one()
    assert f'<td id="skp-no-{new.id}">1</td>' in body


def test_edit_that_moves_a_period_replaces_its_row_at_the_new_place(me, world):
    later = factories.make_skp(world.owner, dari=date(2022, 5, 1), sampai=date(2022, 5, 31))
    db.session.commit()
    data = {
        "dari": "2022-01-03",
        "sampai": "2022-01-31",
        "pendekatan": "kuantitatif",
        "version": later.version_id,
    }
    r = me.hx_post(f"{P}/{later.id}/edit", data=data)
    body = text(r)
    assert r.status_code == 200
    assert f'<tr id="skp-{later.id}" hx-swap-oob="delete">' in body
    assert f'hx-swap-oob="beforebegin:#skp-{world.skp.id}"' in body
    assert f'<td id="skp-no-{world.skp.id}" hx-swap-oob="true">2</td>' in body


# --- no "None" in an empty field -------------------------------------------------------------


def test_manual_indikator_without_data_says_belum_diisi(me, world):
    url = f"{P}/indikator/{world.indikator.id}/manual"
    for r in (me.get(url), me.hx_get(url)):
        assert r.status_code == 200 and "None" not in text(r)
        assert "Belum diisi" in text(r)
    assert "None" not in text(me.hx_get(url + "/edit"))
    # A manual saved with its optional fields empty: the same rendering.
    world.indikator.manual = ManualIndikator(definisi="Definisi uji")
    db.session.commit()
    body = text(me.hx_get(url))
    assert "None" not in body and "Definisi uji" in body and "Belum diisi" in body
    assert "None" not in text(me.hx_get(url + "/edit"))


def test_plan_renders_no_none_for_empty_columns(me, world, login):
    world.indikator.satuan = None
    world.indikator.perspektif = None
    db.session.commit()
    assert "None" not in text(me.get(f"{P}/{world.skp.id}"))
    world.skp.status = "diajukan"
    db.session.commit()
    atasan = login(world.atasan)
    assert "None" not in text(atasan.get(f"/skp-bawahan/{world.skp.id}"))


# --- Set Penilai: the Atasan Langsung from the start; the picker of the chosen peran only ----


def test_new_skp_starts_every_aspect_with_the_atasan_langsung(me, world):
    data = {"dari": "2022-04-01", "sampai": "2022-04-30", "pendekatan": "kuantitatif"}
    assert me.hx_post(f"{P}/tambah", data=data).status_code == 200
    skp = db.session.query(Skp).filter_by(dari=date(2022, 4, 1)).one()
    assert [(p.penilai_peran, p.penilai_id) for p in skp.perilaku] == [
        ("atasan", world.atasan.id)
    ] * 7
    body = text(me.get(f"{P}/{skp.id}"))
    assert body.count("Atasan (ATASAN)") == 7 and "Belum ditentukan" not in body


def test_new_skp_without_atasan_leaves_penilai_open():
    from webapp.services.skp import new_skp

    sendiri = factories.make_pegawai("SENDIRI", jenis="JPT")
    skp = new_skp(sendiri, "JPT", "kuantitatif", date(2022, 4, 1), date(2022, 4, 30))
    assert [p.penilai_peran for p in skp.perilaku] == [None] * 7


def test_set_penilai_pickers_are_tied_to_their_peran(me, world):
    for nama in ("BAWAHAN SATU", "BAWAHAN DUA"):
        factories.make_pegawai(nama, jenis="JA", atasan=world.owner)
    skp = factories.make_skp(world.owner, dari=date(2022, 5, 1), sampai=date(2022, 5, 31))
    db.session.commit()
    body = text(me.hx_get(f"{P}/perilaku/{skp.perilaku[0].id}/penilai"))
    # The bawahan picker sits in its own box that app.css shows only with "Bawahan" checked.
    assert '<div class="pilih-bawahan">' in body and 'name="bawahan_id"' in body
    radio = re.search(r'<input[^>]*value="atasan"[^>]*>', body).group(0)
    assert "checked" in radio, radio  # the Atasan Langsung, set at creation
    css = (Path(__file__).parents[2] / "webapp/static/app.css").read_text()
    assert ".pilih-bawahan" in css and "[value=bawahan]:checked" in css


def test_batas_atas_is_tied_to_target_range(me, world):
    rencana = world.skp.rencana[0]
    rencana.bagian = "tambahan"
    db.session.commit()
    body = text(me.hx_get(f"{P}/rencana/{rencana.id}/indikator/tambah"))
    assert '<div class="batas-atas">' in body and "Batas Atas" in body
    css = (Path(__file__).parents[2] / "webapp/static/app.css").read_text()
    assert ".batas-atas" in css and "[value=range]:checked" in css


# --- the operator's Catatan Review on the owner's Target SKP ---------------------------------


def test_owner_reads_the_catatan_review_with_author_and_local_time(me, world, app):
    from datetime import datetime

    from webapp.models import CatatanReview

    assert "Catatan Review" not in text(me.get(f"{P}/{world.skp.id}"))
    db.session.add_all(
        [
            CatatanReview(
                skp_id=world.skp.id,
                author=world.operator,
                teks="Lengkapi formula.",
                created_at=datetime(2026, 11, 24, 2, 26),  # UTC
            ),
            CatatanReview(
                skp_id=world.skp.id,
                author=world.operator,
                teks="Sumber data belum jelas.",
                created_at=datetime(2026, 11, 25, 3, 0),
            ),
        ]
    )
    db.session.commit()
    body = text(me.get(f"{P}/{world.skp.id}"))
    section = body.split('<h2 id="catatan-title">Catatan Review</h2>')[1]
    assert "OPERATOR" in section and "Lengkapi formula." in section
    assert app.config["AGENCY_TIMEZONE"] == "Asia/Jakarta"
    assert "24 Nov 2026 09:26 WIB" in section
    # Newest first; read-only (no form, no button).
    assert section.index("Sumber data belum jelas.") < section.index("Lengkapi formula.")
    assert "<form" not in section.split("</section>")[0]


def test_owner_of_an_skp_jajf_reads_its_catatan_review(world, login):
    from webapp.models import CatatanReview

    db.session.add(CatatanReview(skp_id=world.jajf.skp, author=world.admin, teks="Cek aspek."))
    db.session.commit()
    body = text(login(world.operator).get(f"/skp-jajf/{world.jajf.skp}"))
    assert "Catatan Review" in body and "Cek aspek." in body and "ADMIN" in body


# --- Ajukan, Setujui, Kembalikan ask first -----------------------------------------------------


def _lengkap(skp):
    """A plan that can be submitted: its aspects have a penilai."""
    for p in skp.perilaku:
        p.penilai_peran, p.penilai_id = "atasan", skp.penilai_id
    db.session.commit()


def test_ajukan_asks_with_js_and_without(me, world):
    _lengkap(world.skp)
    page = text(me.get(f"{P}/{world.skp.id}"))
    form = re.search(r'<form method="get" action="[^"]*/ajukan"[^>]*>', page).group(0)
    assert 'hx-confirm="Ajukan SKP ini kepada Pejabat Penilai Kinerja?' in form
    assert 'hx-post="' in form
    # Without JS: GET and HEAD only ask, and change nothing.
    for r in (
        me.get(f"{P}/{world.skp.id}/ajukan"),
        me._request("HEAD", f"{P}/{world.skp.id}/ajukan"),
    ):
        assert r.status_code == 200
        assert db.session.get(Skp, world.skp.id).status == "draft"
    confirm = text(me.get(f"{P}/{world.skp.id}/ajukan"))
    assert "Konfirmasi Ajukan" in confirm and "tidak dapat diubah" in confirm
    assert f'<form method="post" action="{P}/{world.skp.id}/ajukan">' in confirm
    assert ">Ajukan</button>" in confirm and f'href="{P}/{world.skp.id}">Batal</a>' in confirm
    r = me.post(f"{P}/{world.skp.id}/ajukan")
    assert r.status_code == 302 and db.session.get(Skp, world.skp.id).status == "diajukan"
    # Submitted: no more Ajukan, and its confirmation page is refused.
    assert me.get(f"{P}/{world.skp.id}/ajukan").status_code == 403


def test_setujui_asks_with_js_and_without(world, login):
    _lengkap(world.skp)
    world.skp.status = "diajukan"
    db.session.commit()
    atasan = login(world.atasan)
    page = text(atasan.get(f"/skp-bawahan/{world.skp.id}"))
    form = re.search(r'<form method="get" action="[^"]*/setujui"[^>]*>', page).group(0)
    assert 'hx-confirm="Setujui SKP ini?' in form
    kembalikan = text(atasan.hx_get(f"/skp-bawahan/{world.skp.id}/kembalikan"))
    assert 'hx-confirm="Kembalikan SKP ini kepada pegawai untuk diperbaiki?"' in kembalikan
    url = f"/skp-bawahan/{world.skp.id}/setujui"
    for r in (atasan.get(url), atasan._request("HEAD", url)):
        assert r.status_code == 200
        assert db.session.get(Skp, world.skp.id).status == "diajukan"
    confirm = text(atasan.get(url))
    assert "Konfirmasi Setujui" in confirm and f'<form method="post" action="{url}">' in confirm
    assert atasan.post(url).status_code == 302
    assert db.session.get(Skp, world.skp.id).status == "disetujui"
    # Approved: the confirmation page says it cannot be approved again.
    assert atasan.get(url).status_code == 409


# --- a leader's result others build on is not deleted -----------------------------------------


def _diintervensi(world):
    """A JA/JF bawahan's SKP whose rencana intervenes the owner's (a leader's) result."""
    from webapp.models import RencanaHasilKerja

    irdian = factories.make_pegawai("IRDIAN", jenis="JF", atasan=world.owner)
    skp = factories.make_skp(irdian, jenis="JAJF", rencana=0)
    skp.rencana.append(
        RencanaHasilKerja(bagian="utama", urutan=1, teks="Ikut", intervensi=world.rencana)
    )
    db.session.commit()
    return skp


def test_hapus_of_an_intervened_result_is_refused_with_the_skp_named(me, world):
    from webapp.models import RencanaHasilKerja

    _diintervensi(world)
    url = f"{P}/rencana/{world.rencana.id}/hapus"
    message = (
        "Rencana ini diintervensi oleh SKP JA/JF IRDIAN periode 01 Mar 2022 - 31 Mar 2022; "
        "hapus atau ubah rencana di SKP itu terlebih dahulu."
    )
    r = me.hx_post(url)
    assert r.status_code == 409 and message in text(r) and r.headers["HX-Reswap"] == "none"
    r = me.post(url)
    assert r.status_code == 409 and message in text(r)
    # Without JS the confirmation page says so at once.
    r = me.get(url)
    assert r.status_code == 409 and message in text(r) and "Konfirmasi Hapus" not in text(r)
    assert db.session.get(RencanaHasilKerja, world.rencana.id) is not None
    # Nor does the whole period go.
    r = me.hx_post(f"{P}/{world.skp.id}/hapus")
    assert (
        r.status_code == 409
        and "Rencana SKP periode 01 Mar 2022 - 31 Mar 2022 diintervensi" in (text(r))
    )
    assert db.session.get(Skp, world.skp.id) is not None


def test_hapus_of_a_result_with_matrik_roles_is_refused(me, world):
    from webapp.models import RencanaHasilKerja

    zahara = factories.make_pegawai("ZAHARA", jenis="JA", atasan=world.owner)
    factories.make_peran(factories.make_matrik(world.rencana), zahara)
    db.session.commit()
    r = me.hx_post(f"{P}/rencana/{world.rencana.id}/hapus")
    assert r.status_code == 409
    assert "Rencana ini memiliki peran pada Matrik Peran Hasil (ZAHARA)" in text(r)
    assert db.session.get(RencanaHasilKerja, world.rencana.id) is not None


def test_hapus_of_a_free_result_still_deletes(me, world):
    from webapp.models import MatrikPeranHasil, RencanaHasilKerja

    factories.make_matrik(world.rencana)  # an empty matrix does not hold the result
    db.session.commit()
    rencana_id = world.rencana.id
    assert me.hx_post(f"{P}/rencana/{rencana_id}/hapus").status_code == 200
    assert db.session.get(RencanaHasilKerja, rencana_id) is None
    assert db.session.query(MatrikPeranHasil).count() == 0


def test_the_database_restricts_deleting_an_intervened_result(world):
    from sqlalchemy import delete
    from sqlalchemy.exc import IntegrityError

    from webapp.models import RencanaHasilKerja

    _diintervensi(world)
    with pytest.raises(IntegrityError):
        db.session.execute(
            delete(RencanaHasilKerja).where(RencanaHasilKerja.id == world.rencana.id)
        )
        db.session.flush()
    db.session.rollback()


# --- one icon per action ---------------------------------------------------------------------


def test_target_skp_and_realisasi_have_one_icon_each_everywhere(me, world, login):
    from webapp.ikon import IKON

    target = f'aria-label="Target SKP" title="Target SKP">{IKON["target"]}</a>'
    listing = text(me.get(f"{P}/"))
    assert target in listing
    # Realisasi opens the period's realisasi (a draft SKP's page says it is not approved yet).
    assert f'aria-label="Realisasi" title="Realisasi">{IKON["realisasi"]}</a>' in listing
    # SKP Bawahan's row buttons are "Target" and "Realisasi" (issue 10's names).
    bawahan = text(login(world.atasan).get("/skp-bawahan/"))
    assert f'aria-label="Target" title="Target">{IKON["target"]}</a>' in bawahan
    plan = text(me.get(f"{P}/{world.skp.id}"))
    for label, aksi in (("Edit", "edit"), ("Hapus", "hapus"), ("Set Penilai", "penilai")):
        assert f'aria-label="{label}" title="{label}">{IKON[aksi]}</a>' in plan
