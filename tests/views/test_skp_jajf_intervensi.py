"""Input Kinerja Utama of an SKP JA/JF: Rencana Kinerja Atasan, the table "Matrik Peran Hasil
JPT" and its Salin, and the indicator's target labels following the aspek (issue 7 §3.3)."""

import gzip
from datetime import date

from tests import factories
from webapp.extensions import db
from webapp.models import RencanaHasilKerja

P = "/skp-jajf"


def text(r):
    return r.get_data(as_text=True)


def _cascade():
    """A JPT leader with an SKP in March (two results) and one in May; their JF bawahan with an
    SKP JA/JF in March and two roles on the leader's first result; a stranger's March SKP."""
    leader = factories.make_pegawai("PIMPINAN", jenis="JPT")
    maret = factories.make_skp(leader, rencana=2)
    mei = factories.make_skp(leader, dari=date(2022, 5, 1), sampai=date(2022, 5, 31))
    mei.rencana[0].teks = "Hasil bulan Mei"
    pegawai = factories.make_pegawai("PRANATA", jenis="JF", atasan=leader)
    skp = factories.make_skp(pegawai, jenis="JAJF", rencana=0)
    rekan = factories.make_pegawai("REKAN", jenis="JF", atasan=leader)
    matrik = factories.make_matrik(maret.rencana[0], 2)
    peran1 = factories.make_peran(matrik, pegawai, 1, teks="Peran 1 aja")
    factories.make_peran(matrik, pegawai, 2, teks="Peran 2 aja")
    peran_rekan = factories.make_peran(matrik, rekan, 1, teks="Peran rekan")
    asing = factories.make_skp(factories.make_pegawai("ASING", jenis="JPT"))
    db.session.commit()
    return locals()


def test_the_dialog_offers_the_atasans_results_and_the_roles(login):
    w = _cascade()
    me = login(w["pegawai"])
    for get in (me.hx_get, me.get):  # a dialog with htmx, a page without JavaScript
        html = text(get(f"{P}/{w['skp'].id}/rencana/tambah/utama"))
        assert "Rencana Kinerja Atasan" in html and "Rencana Kinerja (Kinerja Utama)" in html
        for col in ("No", "JPT", "Rencana Kinerja JPT", "Produk dan layanan Tim Kerja", "Salin"):
            assert f'<th scope="col">{col}</th>' in html
        assert "Matrik Peran Hasil JPT" in html
        assert "Peran 1 aja" in html and "Peran 2 aja" in html and "Peran rekan" not in html
        assert f'<option value="{w["maret"].rencana[0].id}">Rencana 1</option>' in html
        assert f'<option value="{w["maret"].rencana[1].id}">Rencana 2</option>' in html
        assert "Hasil bulan Mei" not in html  # its period does not overlap
        assert f'value="{w["asing"].rencana[0].id}"' not in html  # not the atasan's
    # Kinerja Tambahan has neither.
    html = text(me.hx_get(f"{P}/{w['skp'].id}/rencana/tambah/tambahan"))
    assert "Rencana Kinerja Atasan" not in html and "Matrik Peran Hasil JPT" not in html


def test_salin_fills_the_form_and_saves_nothing(login):
    w = _cascade()
    me = login(w["pegawai"])
    url = f"{P}/{w['skp'].id}/rencana/tambah/utama"
    for post in (me.hx_post, me.post):
        r = post(url, data={"salin": str(w["peran1"].id), "teks": ""})
        html = text(r)
        assert r.status_code == 200 and "\nPeran 1 aja</textarea>" in html
        leader_result = w["maret"].rencana[0].id
        assert f'<option selected value="{leader_result}">Rencana 1</option>' in html
    assert db.session.query(RencanaHasilKerja).filter_by(skp_id=w["skp"].id).count() == 0
    # Someone else's role, or no role at all: refused by the field, nothing copied.
    for salin in (str(w["peran_rekan"].id), "999999", "x"):
        r = me.hx_post(url, data={"salin": salin, "teks": "Ketikan saya"})
        assert r.status_code == 422
        assert "Peran tidak ditemukan pada Matrik Peran Hasil Anda." in text(r)
        assert "Ketikan saya" in text(r) and "Peran rekan</textarea>" not in text(r)


def test_simpan_links_the_intervened_result_shown_in_the_plan(login):
    w = _cascade()
    me = login(w["pegawai"])
    leader_result = w["maret"].rencana[0]
    data = {"teks": "Peran 1 aja", "intervensi_id": str(leader_result.id)}
    r = me.hx_post(f"{P}/{w['skp'].id}/rencana/tambah/utama", data=data)
    assert r.status_code == 200
    rencana = db.session.query(RencanaHasilKerja).filter_by(skp_id=w["skp"].id).one()
    assert rencana.intervensi_id == leader_result.id
    assert f"<td>{leader_result.teks}</td>\n<td>Peran 1 aja" in text(r)
    page = text(me.get(f"{P}/{w['skp'].id}"))
    assert f"<td>{leader_result.teks}</td>" in page
    # Edit uses the same dialog, the link chosen.
    html = text(me.hx_get(f"{P}/rencana/{rencana.id}/edit"))
    assert (
        f'<option selected value="{leader_result.id}">' in html and "Matrik Peran Hasil JPT" in html
    )
    # Without a role the pegawai types and picks the link; no link is allowed too.
    r = me.post(
        f"{P}/rencana/{rencana.id}/edit",
        data={"teks": "Diketik", "intervensi_id": "", "version": rencana.version_id},
    )
    assert r.status_code == 302
    db.session.refresh(rencana)
    assert rencana.teks == "Diketik" and rencana.intervensi_id is None


def test_a_result_not_of_the_atasan_or_not_overlapping_is_refused(login):
    w = _cascade()
    me = login(w["pegawai"])
    own_draft = factories.make_skp(w["pegawai"], jenis="JAJF", dari=date(2022, 8, 1))
    db.session.commit()
    for foreign in (
        w["asing"].rencana[0].id,  # a stranger's, same period
        w["mei"].rencana[0].id,  # the atasan's, another period
        own_draft.rencana[0].id,  # the pegawai's own
        999999,
    ):
        data = {"teks": "Tetap ada", "intervensi_id": str(foreign)}
        r = me.hx_post(f"{P}/{w['skp'].id}/rencana/tambah/utama", data=data)
        assert r.status_code == 422, foreign
        assert "Rencana kinerja atasan tidak ditemukan." in text(r) and "Tetap ada" in text(r)
    assert db.session.query(RencanaHasilKerja).filter_by(skp_id=w["skp"].id).count() == 0


def test_the_penilai_snapshot_counts_as_atasan(login):
    """After a change of Atasan Langsung, the leader the SKP was made with still counts."""
    w = _cascade()
    w["pegawai"].atasan_langsung = factories.make_pegawai("BARU", jenis="JPT")
    db.session.commit()
    me = login(w["pegawai"])
    data = {"teks": "Tetap", "intervensi_id": str(w["maret"].rencana[1].id)}
    r = me.hx_post(f"{P}/{w['skp'].id}/rencana/tambah/utama", data=data)
    assert r.status_code == 200


def test_kualitatif_input_kinerja_utama_offers_the_same(login):
    w = _cascade()
    kual = factories.make_skp(
        w["pegawai"], jenis="JAJF", pendekatan="kualitatif", dari=date(2022, 3, 1), rencana=0
    )
    # The March SKP JA/JF goes: one SKP per period.
    db.session.delete(w["skp"])
    db.session.commit()
    me = login(w["pegawai"])
    html = text(me.hx_get(f"{P}/{kual.id}/rencana/tambah/utama"))
    assert "Hasil Kerja (Kinerja Utama)" in html and "Rencana Kinerja Atasan" in html
    assert "Peran 1 aja" in html
    r = me.hx_post(
        f"{P}/{kual.id}/rencana/tambah/utama",
        data={"teks": "Hasil kerja 1", "intervensi_id": str(w["maret"].rencana[0].id)},
    )
    assert r.status_code == 200 and "Ukuran keberhasilan" in text(r)
    assert db.session.query(RencanaHasilKerja).filter_by(skp_id=kual.id).one().intervensi_id


def test_target_labels_follow_the_aspek(world, login):
    me = login(world.operator)
    rencana = world.skp_jajf.rencana[0]
    html = text(me.hx_get(f"{P}/rencana/{rencana.id}/indikator/tambah"))
    assert ">Target Kuantitas</label>" in html and ">Satuan Kuantitas</label>" in html
    assert "data-aspek" in html
    r = me.hx_post(
        f"{P}/rencana/{rencana.id}/indikator/tambah",
        data={"teks": "Tepat waktu", "aspek": "Waktu", "jenis_target": "satuan", "satuan": "Hari"},
    )
    assert r.status_code == 422  # no target: shown again with the chosen aspek's labels
    assert ">Target Waktu</label>" in text(r) and ">Satuan Waktu</label>" in text(r)
    indikator = rencana.indikator[0]
    indikator.aspek = "Biaya"
    db.session.commit()
    html = text(me.hx_get(f"{P}/indikator/{indikator.id}/edit"))
    assert ">Target Biaya</label>" in html


def test_inline_actions_are_small(world, login):
    me = login(world.operator)
    rencana = world.skp_jajf.rencana[0]
    data = {"teks": "Kecil", "aspek": "Kuantitas", "jenis_target": "satuan", "target": "2"}
    data["satuan"] = "Dokumen"
    sizes = {}
    r = me.hx_get(f"{P}/rencana/{rencana.id}/indikator/tambah")
    sizes["dialog tambah"] = len(gzip.compress(r.get_data()))
    r = me.hx_post(f"{P}/rencana/{rencana.id}/indikator/tambah", data=data)
    assert r.status_code == 200
    sizes["tambah"] = len(gzip.compress(r.get_data()))
    indikator = rencana.indikator[0]
    r = me.hx_post(
        f"{P}/indikator/{indikator.id}/edit", data={**data, "version": indikator.version_id}
    )
    assert r.status_code == 200
    sizes["edit"] = len(gzip.compress(r.get_data()))
    print("JA/JF inline actions, gzip bytes:", sizes)
    assert all(size < 2048 for size in sizes.values()), sizes


def test_services_offer_the_atasans_overlapping_results_in_order(app):
    from webapp.services import intervensi

    w = _cascade()
    got = intervensi.rencana_atasan(w["skp"])
    assert [r.id for r in got] == [r.id for r in w["maret"].rencana]
    assert intervensi.intervensi_of(w["skp"], str(w["mei"].rencana[0].id)) is None
    assert intervensi.intervensi_of(w["skp"], "0") is None
    assert [p.teks for p in intervensi.peran_skp(w["skp"])] == ["Peran 1 aja", "Peran 2 aja"]
    assert intervensi.peran_of(w["skp"], w["peran_rekan"].id) is None
    assert intervensi.peran_of(w["skp"], w["peran1"].id).rencana.id == w["maret"].rencana[0].id
    # A pegawai without atasan and without penilai has nothing to intervene.
    sendiri = factories.make_skp(factories.make_pegawai("SENDIRI", jenis="JF"), jenis="JAJF")
    assert intervensi.rencana_atasan(sendiri) == []
    assert intervensi.pilihan_atasan(sendiri) == [("", "— Pilih Rencana Kinerja Atasan —")]


def test_plan_with_intervened_results_stays_constant_and_small(login, count_queries):
    """20 indicators on results that each name the leader's result: the queries of 2."""
    w = _cascade()
    me = login(w["pegawai"])
    leader_result = w["maret"].rencana[0]

    def plan(dari, rencana, indikator):
        skp = factories.make_skp(
            w["pegawai"], jenis="JAJF", dari=dari, rencana=rencana, indikator=indikator
        )
        for r in skp.rencana:
            r.intervensi = leader_result
        return skp

    few = plan(date(2022, 6, 1), 1, 2)
    many = plan(date(2022, 7, 1), 4, 5)
    db.session.commit()
    measured = []
    for skp in (few, many):
        with count_queries() as q:
            r = me.get(f"{P}/{skp.id}")
        assert r.status_code == 200 and r.get_data(as_text=True).count("Rencana 1</td>") >= 1
        measured.append((len(q), len(gzip.compress(r.get_data()))))
    print("JA/JF plan (queries, gzip bytes) with 2 and 20 indicators:", measured)
    (q_few, _), (q_many, size) = measured
    assert q_few == q_many and size < 15 * 1024


def test_the_role_copied_is_recorded_and_checked(login):
    w = _cascade()
    me = login(w["pegawai"])
    url = f"{P}/{w['skp'].id}/rencana/tambah/utama"
    html = text(me.hx_post(url, data={"salin": str(w["peran1"].id)}))
    assert f'name="peran_id" type="hidden" value="{w["peran1"].id}"' in html
    data = {"teks": "Peran 1 aja, diubah", "intervensi_id": str(w["maret"].rencana[0].id)}
    # A role that is not the pegawai's is refused on Simpan too.
    r = me.hx_post(url, data={**data, "peran_id": str(w["peran_rekan"].id)})
    assert r.status_code == 422 and "Peran tidak ditemukan pada Matrik Peran Hasil Anda." in text(r)
    r = me.hx_post(url, data={**data, "peran_id": str(w["peran1"].id)})
    assert r.status_code == 200
    rencana = db.session.query(RencanaHasilKerja).filter_by(skp_id=w["skp"].id).one()
    assert rencana.peran_id == w["peran1"].id
    # The leader deletes the role: the result stays, its record of the role goes.
    db.session.delete(w["peran1"])
    db.session.commit()
    db.session.refresh(rencana)
    assert rencana.teks == "Peran 1 aja, diubah" and rencana.peran_id is None


def test_a_ja_atasans_skp_ja_jf_results_are_offered_too(login):
    """The cascade goes on below the JPT: a JF under a JA intervenes the JA's SKP JA/JF."""
    kepala = factories.make_pegawai("KEPALA SUBBAG", jenis="JA")
    ja_skp = factories.make_skp(
        kepala, jenis="JAJF", dari=date(2022, 3, 10), sampai=date(2022, 4, 30)
    )
    staf = factories.make_pegawai("STAF", jenis="JF", atasan=kepala)
    skp = factories.make_skp(staf, jenis="JAJF", rencana=0)
    db.session.commit()
    me = login(staf)
    html = text(me.hx_get(f"{P}/{skp.id}/rencana/tambah/utama"))
    assert f'<option value="{ja_skp.rencana[0].id}">Rencana 1</option>' in html
    assert "Belum ada peran untuk Anda pada Matrik Peran Hasil periode ini" in html
    data = {"teks": "Diketik sendiri", "intervensi_id": str(ja_skp.rencana[0].id)}
    assert me.hx_post(f"{P}/{skp.id}/rencana/tambah/utama", data=data).status_code == 200
