"""Perjanjian Kinerja: every route, as a page and as an htmx fragment."""

import gzip
from decimal import Decimal

import pytest
from sqlalchemy import select

from tests import factories
from webapp.extensions import db
from webapp.models import IndikatorSasaran, PerjanjianKinerja, ProgramPK, SasaranStrategis

P = "/perjanjian-kinerja"


@pytest.fixture
def jpt():
    return factories.make_pegawai("Dr. JPT UJI", jenis="JPT")


@pytest.fixture
def pk(jpt):
    return factories.make_pk(jpt, tahun=2021, sasaran=2)


def exists(model, record_id) -> bool:
    return db.session.scalar(select(model.id).where(model.id == record_id)) is not None


def gz(response) -> int:
    return len(gzip.compress(response.get_data()))


def text(response) -> str:
    return response.get_data(as_text=True)


# --- list of years -------------------------------------------------------------------


def test_list_page_and_fragment(login, jpt, pk):
    me = login(jpt)
    page = me.get(f"{P}/")
    assert page.status_code == 200
    body = text(page)
    assert "<html" in body and "Perjanjian Kinerja" in body and ">2021<" in body
    assert "Show" in body and "entries" in body and "Showing 1 to 1 of 1 entries" in body
    assert 'aria-label="Buka"' in body and 'aria-label="Edit"' in body
    fragment = me.hx_get(f"{P}/?q=2021")
    assert "<html" not in text(fragment) and 'id="pk-table"' in text(fragment)
    assert "Showing 1 to 1 of 1 entries" in text(fragment)
    assert "Showing 0 to 0 of 0 entries" in text(me.hx_get(f"{P}/?q=1999"))
    assert page.headers["Vary"].count("HX-Request") == 1


def test_list_shows_only_my_years(login, jpt, pk):
    factories.make_pk(factories.make_pegawai(jenis="JPT"), tahun=2030)
    body = text(login(jpt).get(f"{P}/"))
    assert ">2021<" in body and ">2030<" not in body


def test_non_jpt_gets_403(login):
    ja = factories.make_pegawai(jenis="JA")
    assert login(ja).get(f"{P}/").status_code == 403


def test_tambah_with_htmx_appends_the_row_and_closes_the_dialog(login, jpt):
    me = login(jpt)
    dialog = me.hx_get(f"{P}/tambah")
    assert "<dialog" in text(dialog) and 'name="tahun"' in text(dialog) and "Simpan" in text(dialog)
    r = me.hx_post(f"{P}/tambah", data={"tahun": "2023"})
    assert r.status_code == 200 and r.headers["HX-Trigger"] == "closeModal"
    assert 'hx-swap-oob="beforeend:#pk-rows"' in text(r) and ">2023<" in text(r)
    assert "disimpan" in text(r)  # the flash message rides out of band
    assert gz(r) < 2048
    assert db.session.scalar(select(PerjanjianKinerja.tahun)) == 2023


def test_tambah_without_js_redirects(login, jpt):
    me = login(jpt)
    page = me.get(f"{P}/tambah")
    assert "<html" in text(page) and "<dialog" not in text(page) and "Tahun" in text(page)
    r = me.post(f"{P}/tambah", data={"tahun": "2023"})
    assert r.status_code == 302 and r.headers["Location"].endswith(f"{P}/")


@pytest.mark.parametrize(
    ("tahun", "message"),
    [
        ("", "Wajib diisi."),
        ("20x1", "Tahun harus 4 digit"),
        ("1999", "Tahun harus 4 digit"),
        ("2021", "Perjanjian Kinerja tahun 2021 sudah ada."),
    ],
)
def test_tambah_refuses_bad_year_and_keeps_input(login, jpt, pk, tahun, message):
    r = login(jpt).hx_post(f"{P}/tambah", data={"tahun": tahun})
    assert r.status_code == 422
    assert message in text(r) and f'value="{tahun}"' in text(r)
    assert db.session.scalar(select(db.func.count()).select_from(PerjanjianKinerja)) == 1


def test_edit_year_returns_the_changed_row_only(login, jpt, pk):
    me = login(jpt)
    assert 'value="2021"' in text(me.hx_get(f"{P}/{pk.id}/edit"))
    r = me.hx_post(f"{P}/{pk.id}/edit?no=1", data={"tahun": "2024"})
    assert r.status_code == 200 and f'id="pk-{pk.id}" hx-swap-oob="true"' in text(r)
    assert gz(r) < 2048
    assert db.session.get(PerjanjianKinerja, pk.id).tahun == 2024


def test_hapus_confirms_without_js_and_deletes(login, jpt, pk):
    me = login(jpt)
    pk_id = pk.id
    confirm = me.get(f"{P}/{pk_id}/hapus")
    assert "Konfirmasi Hapus" in text(confirm) and "tahun 2021" in text(confirm)
    assert exists(PerjanjianKinerja, pk_id)
    r = me.hx_post(f"{P}/{pk_id}/hapus")
    assert r.status_code == 200 and "<tr" not in text(r)
    assert not exists(PerjanjianKinerja, pk_id)
    assert db.session.scalar(select(db.func.count()).select_from(IndikatorSasaran)) == 0


# --- one year ----------------------------------------------------------------------------


def test_detail_shows_the_manuals_table(login, jpt, pk):
    me = login(jpt)
    body = text(me.get(f"{P}/{pk.id}"))
    assert "PERJANJIAN KINERJA TAHUN 2021" in body
    for label in ("Tambah Sasaran Strategis", "Cek RKT", "Tambah Program"):
        assert label in body
    for header in ("No", "Sasaran Strategis", "Indikator", "Target", "Edit", "Hapus"):
        assert f"<th>{header}</th>" in body
    assert "4.3 Nilai" in body and "86 Persen (%)" in body and "Rp 1.250.000" in body
    fragment = text(me.hx_get(f"{P}/{pk.id}?per_page=10&page=1"))
    assert 'id="sasaran-table"' in fragment and "<html" not in fragment


def test_sasaran_tambah(login, jpt, pk):
    me = login(jpt)
    assert "<dialog" in text(me.hx_get(f"{P}/{pk.id}/sasaran/tambah"))
    r = me.hx_post(f"{P}/{pk.id}/sasaran/tambah", data={"teks": "Sasaran <b>baru</b>"})
    assert r.status_code == 200 and "beforeend:#sasaran-rows" in text(r)
    assert "Sasaran &lt;b&gt;baru&lt;/b&gt;" in text(r)  # escaped
    assert gz(r) < 2048
    bad = me.hx_post(f"{P}/{pk.id}/sasaran/tambah", data={"teks": "x" * 1001})
    assert bad.status_code == 422 and "Paling banyak 1000 karakter." in text(bad)
    empty = me.post(f"{P}/{pk.id}/sasaran/tambah", data={"teks": "  "})
    assert empty.status_code == 422 and "Wajib diisi." in text(empty) and "<html" in text(empty)


def test_ubah_sasaran_page_and_stale_save(login, jpt, pk):
    me = login(jpt)
    sasaran = pk.sasaran[0]
    page = text(me.get(f"{P}/sasaran/{sasaran.id}"))
    assert "Ubah Sasaran" in page and "Pilih Satuan" in page and "Satuan Target" in page
    assert "Showing 1 to 2 of 2 entries" in page
    version = sasaran.version_id
    r = me.hx_post(f"{P}/sasaran/{sasaran.id}", data={"teks": "Baru", "version": version})
    assert r.status_code == 200 and 'id="sasaran-form"' in text(r) and "<html" not in text(r)
    assert db.session.get(SasaranStrategis, sasaran.id).teks == "Baru"
    stale = me.hx_post(f"{P}/sasaran/{sasaran.id}", data={"teks": "Lama", "version": version})
    assert stale.status_code == 422 and "telah diubah oleh pengguna lain" in text(stale)
    assert db.session.get(SasaranStrategis, sasaran.id).teks == "Baru"
    plain = me.post(f"{P}/sasaran/{sasaran.id}", data={"teks": "Tanpa JS", "version": version + 1})
    assert plain.status_code == 302


def test_indikator_tambah_accepts_decimal_comma(login, jpt, pk):
    me = login(jpt)
    sasaran = pk.sasaran[0]
    r = me.hx_post(
        f"{P}/sasaran/{sasaran.id}/indikator",
        data={"indikator": "Nilai RB", "target": "4,3", "satuan": "Nilai"},
    )
    assert r.status_code == 200 and "beforeend:#indikator-rows" in text(r)
    assert 'id="indikator-form"' in text(r) and gz(r) < 2048
    added = db.session.scalar(select(IndikatorSasaran).where(IndikatorSasaran.teks == "Nilai RB"))
    assert added.target == Decimal("4.3") and added.urutan == 3
    plain = me.post(
        f"{P}/sasaran/{sasaran.id}/indikator",
        data={"indikator": "Dua", "target": "86", "satuan": "Persen (%)"},
    )
    assert plain.status_code == 302


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"indikator": "A", "target": "abc", "satuan": "Nilai"}, "Harus berupa angka"),
        ({"indikator": "A", "target": "1", "satuan": "Kilo"}, "Satuan tidak dikenal."),
        ({"indikator": "", "target": "1", "satuan": "Nilai"}, "Wajib diisi."),
        ({"indikator": "A", "target": "-1", "satuan": "Nilai"}, "Tidak boleh kurang dari 0"),
    ],
)
def test_indikator_tambah_refuses_bad_input(login, jpt, pk, data, message):
    me = login(jpt)
    sasaran = pk.sasaran[0]
    r = me.hx_post(f"{P}/sasaran/{sasaran.id}/indikator", data=data)
    assert r.status_code == 422 and message in text(r)
    assert f'value="{data["target"]}"' in text(r)
    page = me.post(f"{P}/sasaran/{sasaran.id}/indikator", data=data)
    assert page.status_code == 422 and "<html" in text(page) and message in text(page)
    assert len(db.session.get(SasaranStrategis, sasaran.id).indikator) == 2


def test_indikator_edit_and_hapus(login, jpt, pk):
    me = login(jpt)
    ind = pk.sasaran[0].indikator[0]
    dialog = text(me.hx_get(f"{P}/indikator/{ind.id}/edit"))
    assert 'value="4.3"' in dialog and "Ubah Indikator" in dialog
    r = me.hx_post(
        f"{P}/indikator/{ind.id}/edit?no=1",
        data={
            "ubah-indikator": "Diubah",
            "ubah-target": "12,67",
            "ubah-satuan": "Indeks",
            "ubah-version": ind.version_id,
        },
    )
    assert r.status_code == 200 and f'id="indikator-{ind.id}" hx-swap-oob="true"' in text(r)
    assert "12.67" in text(r) and gz(r) < 2048
    assert db.session.get(IndikatorSasaran, ind.id).target == Decimal("12.67")
    ind_id = ind.id
    assert "Konfirmasi Hapus" in text(me.get(f"{P}/indikator/{ind_id}/hapus"))
    assert me.post(f"{P}/indikator/{ind_id}/hapus").status_code == 302
    assert not exists(IndikatorSasaran, ind_id)


def test_sasaran_hapus_removes_its_indicators(login, jpt, pk):
    me = login(jpt)
    sasaran_id = pk.sasaran[0].id
    r = me.hx_post(f"{P}/sasaran/{sasaran_id}/hapus")
    assert r.status_code == 200 and text(r).strip().startswith('<div id="flash"')
    assert not exists(SasaranStrategis, sasaran_id)
    assert db.session.scalar(select(db.func.count()).select_from(IndikatorSasaran)) == 2


def test_program_tambah_edit_hapus(login, jpt, pk):
    me = login(jpt)
    assert "Anggaran (Rupiah)" in text(me.hx_get(f"{P}/{pk.id}/program/tambah"))
    r = me.hx_post(
        f"{P}/{pk.id}/program/tambah", data={"nama": "Program B", "anggaran": "2.500.000,50"}
    )
    assert r.status_code == 200 and "Rp 2.500.000,50" in text(r)
    program = db.session.scalar(select(ProgramPK).where(ProgramPK.nama == "Program B"))
    assert program.anggaran == Decimal("2500000.50")
    bad = me.hx_post(f"{P}/{pk.id}/program/tambah", data={"nama": "X", "anggaran": "banyak"})
    assert bad.status_code == 422 and "Harus berupa angka" in text(bad)
    assert 'value="1250000"' in text(me.hx_get(f"{P}/program/{pk.program[0].id}/edit"))
    edit = me.hx_post(
        f"{P}/program/{program.id}/edit?no=2",
        data={"nama": "Program C", "anggaran": "10", "version": program.version_id},
    )
    assert f'id="program-{program.id}" hx-swap-oob="true"' in text(edit)
    program_id = program.id
    assert me.hx_post(f"{P}/program/{program_id}/hapus").status_code == 200
    assert not exists(ProgramPK, program_id)


def test_cek_rkt(login, jpt, pk):
    me = login(jpt)
    body = text(me.get(f"{P}/{pk.id}/rkt"))
    assert "RENCANA KERJA TAHUNAN 2021" in body and "Sasaran 2" in body
    assert "Indikator 2.2" in body and "86 Persen (%)" in body and "Rp 1.250.000" in body
    fragment = text(me.hx_get(f"{P}/{pk.id}/rkt"))
    assert "<html" not in fragment and "RENCANA KERJA TAHUNAN 2021" in fragment


# --- budgets -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        lambda pk: f"{P}/",
        lambda pk: f"{P}/{pk.id}",
        lambda pk: f"{P}/{pk.id}/rkt",
        lambda pk: f"{P}/sasaran/{pk.sasaran[0].id}",
    ],
)
def test_query_count_does_not_grow_with_rows(login, count_queries, url):
    counts = []
    for n in (3, 30):
        owner = factories.make_pegawai(jenis="JPT")
        for year in range(2000, 2000 + n):
            factories.make_pk(owner, tahun=year, sasaran=1)
        pk = factories.make_pk(owner, tahun=2100, sasaran=n)
        for s in pk.sasaran:
            s.indikator += [
                IndikatorSasaran(urutan=3 + k, teks=f"x{k}", target=1, satuan="Nilai")
                for k in range(n)
            ]
        me = login(owner)
        with count_queries() as queries:
            assert me.get(url(pk)).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


def test_full_page_with_ten_sasaran_is_small(login, jpt):
    pk = factories.make_pk(jpt, tahun=2022, sasaran=10)
    r = login(jpt).get(f"{P}/{pk.id}")
    size = gz(r)
    print(f"PK page with 10 sasaran: {len(r.get_data())} B raw, {size} B gzipped")
    assert size < 12 * 1024
