"""Rencana SKP JA/JF: the same engine as JPT, with the manual's JA/JF columns and aspek."""

import gzip
from datetime import date

from tests import factories
from webapp.extensions import db
from webapp.models import Indikator, Skp

P = "/skp-jajf"


def text(r):
    return r.get_data(as_text=True)


def test_menu_and_period_list(world, login):
    me = login(world.operator)
    page = text(me.get(f"{P}/"))
    assert "<h1>Rencana SKP JA/JF</h1>" in page and 'href="/skp-jajf/"' in page
    assert f'id="skp-{world.skp_jajf.id}"' in page
    # A JPT pegawai has no JA/JF menu and no JA/JF screens.
    jpt = login(world.owner)
    assert 'href="/skp-jajf/"' not in text(jpt.get("/"))
    assert jpt.get(f"{P}/").status_code == 403


def test_tambah_period_takes_the_snapshot(world, login):
    me = login(world.operator)
    data = {"dari": "2022-04-01", "sampai": "2022-04-30", "pendekatan": "kuantitatif"}
    r = me.hx_post(f"{P}/tambah", data=data)
    assert r.status_code == 200 and 'hx-swap-oob="beforeend:#periode-rows"' in text(r)
    skp = db.session.query(Skp).filter_by(pegawai_id=world.operator.id, dari=date(2022, 4, 1))
    skp = skp.one()
    assert skp.jenis == "JAJF" and skp.pegawai_nama == "OPERATOR" and len(skp.perilaku) == 7
    # The overlap rule is the JPT one.
    r = me.hx_post(f"{P}/tambah", data={**data, "dari": "2022-04-15", "sampai": "2022-05-15"})
    assert r.status_code == 422 and "bertumpang tindih" in text(r)


def test_kuantitatif_plan_has_the_manual_columns_and_aspek(world, login):
    me = login(world.operator)
    page = text(me.get(f"{P}/{world.skp_jajf.id}"))
    assert "RENCANA SKP JA/JF OPERATOR" in page
    for col in (
        "NO",
        "RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI",
        "RENCANA HASIL KERJA",
        "ASPEK",
        "INDIKATOR KINERJA INDIVIDU",
        "TARGET",
    ):
        assert f">{col}</th>" in page
    assert "A. UTAMA" in page and "B. KINERJA TAMBAHAN" in page and "PERSPEKTIF" not in page
    assert "<td>Kuantitas</td>" in page and "PERILAKU KERJA" in page
    # Input Kinerja Utama: no Perjanjian Kinerja to Salin from (JA/JF copies from the MPH).
    dialog = text(me.hx_get(f"{P}/{world.skp_jajf.id}/rencana/tambah/utama"))
    assert "Perjanjian Kinerja" not in dialog and "Rencana Kinerja (Kinerja Utama)" in dialog


def test_every_indicator_has_an_aspek_and_may_have_a_range(world, login):
    me = login(world.operator)
    rencana = world.skp_jajf.rencana[0]
    url = f"{P}/rencana/{rencana.id}/indikator/tambah"
    dialog = text(me.hx_get(url))
    assert 'name="aspek"' in dialog and "Target Range" in dialog and "Perspektif" not in dialog
    data = {
        "teks": "Ketepatan waktu laporan",
        "aspek": "Waktu",
        "jenis_target": "range",
        "target": "1",
        "target_atas": "3",
        "satuan": "Dokumen",
    }
    r = me.hx_post(url, data=data)
    assert r.status_code == 200 and "<td>Waktu</td>" in text(r) and "1 - 3 Dokumen" in text(r)
    assert f'<tbody hx-swap-oob="beforeend:#rencana-{rencana.id}">' in text(r)
    indikator = db.session.query(Indikator).filter_by(teks="Ketepatan waktu laporan").one()
    assert indikator.aspek == "Waktu" and indikator.perspektif is None


def test_the_atasan_sees_the_same_plan_ids(world, login):
    atasan = factories.make_pegawai("KETUA", jenis="JPT")
    owner = factories.make_pegawai("PRANATA", jenis="JF", atasan=atasan)
    skp = factories.make_skp(owner, jenis="JAJF")
    db.session.commit()
    html = text(login(atasan).get(f"/skp-bawahan/{skp.id}"))
    r = skp.rencana[0]
    assert f'id="rencana-row-{r.id}"' in html and f'id="indikator-{r.indikator[0].id}"' in html
    assert f'id="perilaku-{skp.perilaku[0].id}"' in html


def test_plan_with_20_indicators_is_small_and_constant_in_queries(world, login, count_queries):
    me = login(world.operator)

    def measure(skp):
        with count_queries() as q:
            r = me.get(f"{P}/{skp.id}")
        assert r.status_code == 200
        return len(q), len(gzip.compress(r.get_data()))

    few = factories.make_skp(world.operator, jenis="JAJF", dari=date(2022, 5, 1), indikator=2)
    many = factories.make_skp(
        world.operator, jenis="JAJF", dari=date(2022, 6, 1), rencana=4, indikator=5
    )
    db.session.commit()
    (q_few, _), (q_many, size) = measure(few), measure(many)
    assert q_few == q_many and size < 15 * 1024


def test_kualitatif_plan_is_the_same_engine(world, login):
    skp = factories.make_skp(
        world.operator, jenis="JAJF", pendekatan="kualitatif", dari=date(2022, 7, 1)
    )
    db.session.commit()
    me = login(world.operator)
    page = text(me.get(f"{P}/{skp.id}"))
    for col in ("NO", "HASIL KERJA", "EDIT / HAPUS", "MANUAL INDIKATOR"):
        assert f">{col}</th>" in page
    assert "A. UTAMA" in page and "B. TAMBAHAN" in page and "Indikator 1.1" in page
    dialog = text(me.hx_get(f"{P}/rencana/{skp.rencana[0].id}/edit"))
    assert "Hasil Kerja (Kinerja Utama)" in dialog and "Ukuran keberhasilan" in dialog


def test_kualitatif_indicator_edit_has_no_aspek_and_its_own_ids(world, login):
    """Edit of a kualitatif indicator opens over the hasil kerja's Tambah form (the crawl found
    a 500 for JA/JF, which asked the kualitatif form for an aspek, and duplicate ids for JPT)."""
    skp = factories.make_skp(
        world.operator, jenis="JAJF", pendekatan="kualitatif", dari=date(2022, 7, 1)
    )
    db.session.commit()
    me = login(world.operator)
    ind = skp.rencana[0].indikator[0]
    for get in (me.get, me.hx_get):
        r = get(f"{P}/indikator/{ind.id}/edit")
        assert r.status_code == 200
        body = text(r)
        assert 'id="ubah-ind-teks"' in body and 'id="ind-teks"' not in body
        assert "Aspek" not in body
    data = {"ubah-ind-teks": "Ukuran baru", "ubah-ind-version": ind.version_id}
    assert me.hx_post(f"{P}/indikator/{ind.id}/edit", data=data).status_code == 200
    db.session.expire_all()
    assert db.session.get(type(ind), ind.id).teks == "Ukuran baru"
