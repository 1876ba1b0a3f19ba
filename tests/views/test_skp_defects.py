"""Defects of issue 7 §4 on the SKP screens: one request test (or more) per defect."""

from datetime import date

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
