"""Review SKP JPT: the operator's list of their unit tree's SKP JPT, the read-only SKP with its
Manual Indikator, and review notes."""

import gzip
from datetime import UTC, date, datetime
from types import SimpleNamespace

import pytest
from sqlalchemy import update

from tests import factories
from webapp.extensions import db
from webapp.models import CatatanReview, ManualIndikator, UnitKerja

FRAGMENT_BUDGET = 2048


def gz(response) -> int:
    return len(gzip.compress(response.get_data()))


@pytest.fixture
def tree(world):
    """BADAN ⊃ DEPUTI ⊃ DIREKTORAT (the owner's unit). The operator sits at BADAN and sees the
    whole tree; a sibling's operator and another agency's SKP stay apart."""
    badan = factories.make_unit("BADAN")
    deputi = factories.make_unit("DEPUTI", parent=badan)
    world.unit.parent = deputi
    lain = factories.make_unit("UNIT LAIN", parent=badan)
    operator = factories.make_pegawai("OPERATOR BADAN", unit=badan, is_operator=True)
    operator_lain = factories.make_pegawai("OPERATOR LAIN", unit=lain, is_operator=True)
    kepala = factories.make_pegawai("KEPALA DEPUTI", jenis="JPT", unit=deputi)
    skp_kepala = factories.make_skp(kepala, pendekatan="kualitatif")
    analis = factories.make_pegawai("ANALIS", jenis="JA", unit=world.unit, atasan=world.owner)
    factories.make_skp(analis, jenis="JAJF")  # not an SKP JPT: not reviewed here
    luar = factories.make_skp()  # a JPT of a unit outside the tree
    luar.pegawai.nama = "PEJABAT LUAR"
    world.indikator.manual = ManualIndikator(
        definisi="Persentase dokumen selesai",
        formula="selesai / rencana x 100%",
        jenis_iku="Outcome",
        periode_pelaporan="Triwulan",
    )
    db.session.commit()
    yield SimpleNamespace(
        operator=operator, operator_lain=operator_lain, skp_kepala=skp_kepala, luar=luar
    )
    # The shared clean-up deletes unit_kerja in one statement; parent_id is ON DELETE RESTRICT,
    # so the tree is flattened first.
    db.session.rollback()
    db.session.execute(update(UnitKerja).values(parent_id=None))
    db.session.commit()


# --- list ----------------------------------------------------------------------------------


def test_list_shows_every_skp_jpt_of_the_unit_tree(world, tree, login):
    r = login(tree.operator).get("/review-skp-jpt/")
    html = r.get_data(as_text=True)
    assert r.status_code == 200 and "<html" in html
    assert "PEMILIK" in html and "KEPALA DEPUTI" in html and "Direktorat Uji" in html
    assert "ANALIS" not in html and "PEJABAT LUAR" not in html
    assert "JPT Kuantitatif" in html and "JPT Kualitatif" in html
    assert "Showing 1 to 2 of 2 entries" in html
    assert f'href="/review-skp-jpt/{world.skp.id}"' in html


def test_list_fragment_and_search(world, tree, login):
    r = login(tree.operator).hx_get("/review-skp-jpt/?q=kepala")
    html = r.get_data(as_text=True)
    assert r.status_code == 200 and "<html" not in html and 'id="review-skp"' in html
    assert "KEPALA DEPUTI" in html and "PEMILIK" not in html
    assert gz(r) < FRAGMENT_BUDGET


def test_list_of_an_operator_of_a_sub_unit_is_their_subtree_only(world, tree, login):
    html = login(tree.operator_lain).get("/review-skp-jpt/").get_data(as_text=True)
    assert "PEMILIK" not in html and "Tidak ada SKP JPT." in html


def test_list_is_for_operators_and_admins(world, tree, login):
    assert login(world.owner).get("/review-skp-jpt/").status_code == 403
    assert login(world.atasan).hx_get("/review-skp-jpt/").status_code == 403


def test_list_query_count_does_not_grow_with_rows(world, tree, login, count_queries):
    operator = login(tree.operator)

    def count():
        with count_queries() as q:
            assert operator.get("/review-skp-jpt/?per_page=50").status_code == 200
        return len(q)

    few = count()  # 2 SKP JPT in the tree
    for _ in range(28):
        factories.make_skp(factories.make_pegawai(jenis="JPT", unit=world.unit))
    db.session.commit()
    assert "of 30 entries" in operator.get("/review-skp-jpt/").get_data(as_text=True)
    assert count() == few


# --- the SKP -------------------------------------------------------------------------------


def test_skp_page_shows_the_plan_with_manual_indikator(world, tree, login):
    r = login(tree.operator).get(f"/review-skp-jpt/{world.skp.id}")
    html = r.get_data(as_text=True)
    assert r.status_code == 200 and "<html" in html
    assert "PEMILIK PERIODE 01 Maret 2022 - 31 Maret 2022" in html
    assert ">MANUAL INDIKATOR</th>" in html and "<summary>Manual Indikator</summary>" in html
    for label in ("Definisi", "Formula", "Jenis IKU", "Periode Pelaporan", "Penanggung Jawab IKU"):
        assert f"<dt>{label}</dt>" in html
    assert "selesai / rencana x 100%" in html and "<dd>Triwulan</dd>" in html
    assert "PERILAKU KERJA" in html and "Input Ekspektasi Khusus Pimpinan" not in html
    assert "Catatan Review" in html and "Belum ada catatan review." in html


def test_skp_kualitatif_shows_manual_inside_the_list(world, tree, login):
    html = login(tree.operator).get(f"/review-skp-jpt/{tree.skp_kepala.id}").get_data(as_text=True)
    assert "Ukuran keberhasilan / Indikator Kinerja Individu / Target dan Perspektif" in html
    assert "Belum diisi" in html  # no Manual Indikator yet


def test_skp_fragment(world, tree, login):
    r = login(tree.operator).hx_get(f"/review-skp-jpt/{world.skp.id}")
    html = r.get_data(as_text=True)
    assert r.status_code == 200 and "<html" not in html and 'id="plan"' in html
    assert gz(r) < FRAGMENT_BUDGET


def test_skp_outside_the_tree_or_not_jpt_is_404(world, tree, login):
    operator = login(tree.operator)
    assert operator.get(f"/review-skp-jpt/{tree.luar.id}").status_code == 404
    assert login(tree.operator_lain).get(f"/review-skp-jpt/{world.skp.id}").status_code == 404
    jajf = factories.make_skp(
        factories.make_pegawai(jenis="JF", unit=world.unit), jenis="JAJF", dari=date(2022, 5, 1)
    )
    db.session.commit()
    assert operator.get(f"/review-skp-jpt/{jajf.id}").status_code == 404
    assert login(world.owner).get(f"/review-skp-jpt/{world.skp.id}").status_code == 403


def test_skp_query_count_does_not_grow_with_indicators_or_notes(world, tree, login, count_queries):
    operator = login(tree.operator)

    def count(skp):
        with count_queries() as q:
            assert operator.get(f"/review-skp-jpt/{skp.id}").status_code == 200
        return len(q)

    def make(indikator, notes, bulan):
        skp = factories.make_skp(world.owner, indikator=indikator, dari=date(2022, bulan, 1))
        for i in skp.rencana[0].indikator:
            i.manual = ManualIndikator(definisi=f"Definisi {i.teks}")
        for n in range(notes):
            db.session.add(CatatanReview(skp_id=skp.id, author=tree.operator, teks=f"Catatan {n}"))
        return skp

    few, many = make(3, 3, 4), make(30, 30, 5)
    db.session.commit()
    assert count(few) == count(many)


# --- review notes --------------------------------------------------------------------------


def test_notes_newest_first_in_agency_time(world, tree, login):
    for teks, jam in (("Catatan pertama", 1), ("Catatan kedua", 2)):
        db.session.add(
            CatatanReview(
                skp_id=world.skp.id,
                author=tree.operator,
                teks=teks,
                created_at=datetime(2022, 3, 10, jam, 5, tzinfo=UTC),
            )
        )
    db.session.commit()
    html = login(tree.operator).get(f"/review-skp-jpt/{world.skp.id}").get_data(as_text=True)
    assert html.index("Catatan kedua") < html.index("Catatan pertama")
    assert "10 Mar 2022 09:05 WIB" in html and "10 Mar 2022 08:05 WIB" in html
    assert "OPERATOR BADAN" in html and "Belum ada catatan review." not in html


def test_note_page_post(world, tree, login):
    operator = login(tree.operator)
    r = operator.post(f"/review-skp-jpt/{world.skp.id}/catatan", data={"teks": "Lengkapi formula."})
    assert r.status_code == 302
    assert r.headers["Location"].endswith(f"/review-skp-jpt/{world.skp.id}")
    html = operator.get(f"/review-skp-jpt/{world.skp.id}").get_data(as_text=True)
    assert "Catatan review disimpan." in html and "Lengkapi formula." in html
    note = db.session.query(CatatanReview).one()
    assert note.author_id == tree.operator.id and note.skp_id == world.skp.id


def test_note_fragment(world, tree, login):
    r = login(tree.operator).hx_post(
        f"/review-skp-jpt/{world.skp.id}/catatan", data={"teks": "Sumber data belum jelas."}
    )
    html = r.get_data(as_text=True)
    assert r.status_code == 200 and "<html" not in html
    assert 'id="catatan-form"' in html and 'hx-swap-oob="afterbegin:#catatan-list"' in html
    assert "Sumber data belum jelas." in html and "WIB" in html
    assert "Catatan review disimpan." in html  # flash rides out-of-band
    assert gz(r) < FRAGMENT_BUDGET
    assert db.session.query(CatatanReview).count() == 1


@pytest.mark.parametrize("teks, message", [("  ", "Wajib diisi."), ("x" * 2001, "Paling banyak")])
def test_note_bad_input(world, tree, login, teks, message):
    operator = login(tree.operator)
    url = f"/review-skp-jpt/{world.skp.id}/catatan"
    r = operator.hx_post(url, data={"teks": teks})
    html = r.get_data(as_text=True)
    assert r.status_code == 422 and message in html and "<html" not in html
    assert html.lstrip().startswith('<form id="catatan-form"')
    r = operator.post(url, data={"teks": teks})
    assert r.status_code == 422 and message in r.get_data(as_text=True)
    assert "<html" in r.get_data(as_text=True)
    assert db.session.query(CatatanReview).count() == 0


def test_note_outside_the_tree_is_404(world, tree, login):
    r = login(tree.operator_lain).post(
        f"/review-skp-jpt/{world.skp.id}/catatan", data={"teks": "Tidak boleh."}
    )
    assert r.status_code == 404
    assert db.session.query(CatatanReview).count() == 0


def test_note_without_csrf_token_is_refused(app, world, tree, login):
    operator = login(tree.operator)
    app.config["WTF_CSRF_ENABLED"] = True
    try:
        r = operator.hx_post(
            f"/review-skp-jpt/{world.skp.id}/catatan", data={"teks": "Tanpa token"}
        )
    finally:
        app.config["WTF_CSRF_ENABLED"] = False
    assert r.status_code == 400 and "Muat ulang halaman" in r.get_data(as_text=True)
    assert db.session.query(CatatanReview).count() == 0
