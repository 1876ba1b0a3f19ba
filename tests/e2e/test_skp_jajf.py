"""The manual's SKP JA/JF chapters walked in Chromium: IRDIAN's plan cascaded from ACHMAD's
Matrik Peran Hasil (Input Kinerja Utama, Salin, Rencana Kinerja Atasan), indicators whose target
labels follow the aspek, Kinerja Tambahan, Set Penilai, Ajukan; ACHMAD approves in SKP Bawahan.

The demo's IRDIAN already has 01 Mar 2022 - 31 Mar 2022: he deletes it and opens 16 Mar 2022 -
31 Mar 2022 (the manual's screenshot is of a March period), which overlaps ACHMAD's SKP JPT whose
"Strategis 1" holds the roles "Peran 1 aja" and "Peran 2 aja" given to him.
"""

import pytest
from playwright.sync_api import expect
from sqlalchemy import delete, select

from tests.e2e.conftest import JPT
from tests.e2e.test_skp_jpt import JPT_NAMA, Walk, kualitatif_indikator, open_target
from tests.e2e.test_skp_jpt import start as jpt_start
from webapp.extensions import db
from webapp.models import PenilaianPerilaku, Realisasi, Skp

IRDIAN = "199111232019031005"
IRDIAN_NAMA = "IRDIAN NOVA ALEXCANDRA, S.Kom"
PERIODE = "16 Mar 2022 - 31 Mar 2022"
PANJANG = "16 Maret 2022 - 31 Maret 2022"
RINGKAS = "16 Mar - 31 Mar 2022"


@pytest.fixture(autouse=True)
def _irdians_march_skp_as_a_draft(e2e_app, base_url):
    """The demo's 01 Mar SKP of IRDIAN is approved, with TRIWULAN I realisasi (issue 10 §8);
    these walks start from it as the draft it was before, which he may delete."""
    with e2e_app.app_context():
        skp = db.session.scalar(
            select(Skp).where(Skp.pegawai_nip == IRDIAN, Skp.pendekatan == "kuantitatif")
        )
        for model in (Realisasi, PenilaianPerilaku):
            db.session.execute(delete(model).where(model.skp_id == skp.id))
        skp.status = "draft"
        skp.riwayat.clear()
        db.session.commit()
        db.session.remove()


def start(page, js: bool, pendekatan: str):
    """IRDIAN: Rencana SKP JA/JF → Hapus the demo's March period → Tambah 16–31 Mar → Target SKP."""
    walk = jpt_start(page, js, nip=IRDIAN, menu="Rencana SKP JA/JF", februari="01 Feb")
    walk.hapus(walk.periode_row("01 Mar 2022 - 31 Mar 2022"))
    walk.tambah_periode("2022-03-16", "2022-03-31", pendekatan, PERIODE)
    open_target(walk, PERIODE, PANJANG, judul="JA/JF")
    return walk


def salin_peran(walk: Walk, peran: str, label: str, title: str = "Input Kinerja Utama"):
    """Input Kinerja Utama: the roles ACHMAD gave, Salin one, the leader's result chosen."""
    walk.page.get_by_role("link", name="Input Kinerja Utama").click()
    dlg = walk.dialog(title)
    mph = dlg.get_by_role("table", name="Matrik Peran Hasil JPT")
    expect(mph.get_by_role("columnheader")).to_have_text(
        ["No", "JPT", "Rencana Kinerja JPT", "Produk dan layanan Tim Kerja", "Salin"]
    )
    for teks in ("Peran 1 aja", "Peran 2 aja"):
        row = mph.get_by_role("row").filter(has_text=teks)
        expect(row).to_contain_text(JPT_NAMA)
        expect(row).to_contain_text("Strategis 1")
    expect(mph).not_to_contain_text("fitri")  # FITRIANI's roles are hers
    mph.get_by_role("row").filter(has_text=peran).get_by_role("button", name="Salin").click()
    dlg = walk.dialog(title)
    expect(dlg.get_by_label(label)).to_have_value(peran)
    atasan = dlg.get_by_label("Rencana Kinerja Atasan")
    expect(atasan.locator("option:checked")).to_have_text("Strategis 1")
    dlg.get_by_role("button", name="Simpan").first.click()
    walk.saved(title)


def indikator(walk: Walk, rencana: str, title: str, teks: str, aspek: str, target, satuan):
    walk.rencana_row(rencana).get_by_role("link", name="Tambah Indikator").click()
    dlg = walk.dialog(title)
    dlg.get_by_label("Indikator Kinerja").fill(teks)
    dlg.get_by_label("Aspek").select_option(aspek)
    if walk.js:  # the labels follow the aspek at once (static/app.js)
        expect(dlg.get_by_label(f"Target {aspek}")).to_be_visible()
    else:
        aspek = "Kuantitas"  # the server names them on the next render
    dlg.get_by_label(f"Target {aspek}").fill(str(target))
    dlg.get_by_label(f"Satuan {aspek}").select_option(satuan)
    dlg.get_by_role("button", name="Simpan").click()
    walk.saved(title)
    row = walk.indikator_row(teks)
    expect(row).to_have_count(1)
    return row


def finish(walk: Walk):
    """Set Penilai (Atasan: ACHMAD) on the seven aspects, Ajukan; ACHMAD approves."""
    walk.set_penilai_semua(nama=JPT_NAMA)
    walk.ajukan()
    walk.atasan_setujui(RINGKAS, atasan=JPT, owner_nama=IRDIAN_NAMA)


def test_kuantitatif_cascaded_from_the_matrik_peran_hasil(page):
    walk = start(page, js=True, pendekatan="Kuantitatif")
    headers = walk.hasil().locator("thead tr").first.get_by_role("columnheader")
    expect(headers).to_have_text(
        [
            "NO",
            "RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI",
            "RENCANA HASIL KERJA",
            "ASPEK",
            "INDIKATOR KINERJA INDIVIDU",
            "TARGET",
            "Manual Indikator",
        ]
    )
    salin_peran(walk, "Peran 1 aja", "Rencana Kinerja (Kinerja Utama)")
    cells = walk.rencana_row("Peran 1 aja").get_by_role("cell")
    expect(cells.nth(0)).to_have_text("1")
    expect(cells.nth(1)).to_have_text("Strategis 1")

    row = indikator(
        walk, "Peran 1 aja", "Tambah Indikator", "Indikator 1111", "Kuantitas", 8, "Dokumen"
    )
    expect(row.get_by_role("cell").nth(3)).to_have_text("Kuantitas")
    expect(row.get_by_role("cell").nth(5)).to_have_text("8 Dokumen")
    row = indikator(
        walk, "Peran 1 aja", "Tambah Indikator", "Laporan tepat waktu", "Waktu", 1, "Bulan"
    )
    expect(row.get_by_role("cell").nth(3)).to_have_text("Waktu")
    expect(row.get_by_role("cell").nth(5)).to_have_text("1 Bulan")
    # Edit opens on the indicator's own aspek.
    row.get_by_role("link", name="Edit").click()
    dlg = walk.dialog("Edit Indikator")
    expect(dlg.get_by_label("Target Waktu")).to_have_value("1")
    dlg.get_by_role("button", name="Tutup").click()

    # Input Kinerja Tambahan with its indicator.
    page.get_by_role("link", name="Input Kinerja Tambahan").click()
    dlg = walk.dialog("Input Kinerja Tambahan")
    expect(dlg.get_by_label("Rencana Kinerja Atasan")).to_have_count(0)
    dlg.get_by_label("Kinerja tambahan", exact=True).fill("Tambahan 1")
    dlg.get_by_role("button", name="Simpan").click()
    walk.saved("Input Kinerja Tambahan")
    row = indikator(
        walk,
        "Tambahan 1",
        "INDIKATOR KINERJA TAMBAHAN",
        "Indikator Tambahan",
        "Kuantitas",
        21,
        "Dokumen",
    )
    expect(row.get_by_role("cell").nth(5)).to_have_text("21 Dokumen")
    finish(walk)


def test_kualitatif_cascaded_from_the_matrik_peran_hasil(page):
    walk = start(page, js=True, pendekatan="Kualitatif")
    salin_peran(walk, "Peran 2 aja", "Hasil Kerja (Kinerja Utama)")
    dlg = walk.dialog("Edit Kinerja Utama")
    expect(dlg.get_by_label("Hasil Kerja (Kinerja Utama)")).to_have_value("Peran 2 aja")
    kualitatif_indikator(walk, "Edit Kinerja Utama", "Indikator 11", 1)
    kualitatif_indikator(walk, "Edit Kinerja Utama", "Indikator 12", 2)
    walk.dialog("Edit Kinerja Utama").get_by_role("button", name="Tutup").click()
    expect(walk.indikator_row("Indikator 12")).to_have_count(1)

    page.get_by_role("link", name="Input Kinerja Tambahan").click()
    dlg = walk.dialog("Input Kinerja Tambahan")
    dlg.get_by_label("Hasil Kerja (Kinerja Tambahan)").fill("Tambahan Maret")
    dlg.get_by_role("button", name="Simpan").first.click()
    kualitatif_indikator(walk, "Edit Kinerja Tambahan", "Laporan tambahan", 1)
    walk.dialog("Edit Kinerja Tambahan").get_by_role("button", name="Tutup").click()
    expect(walk.indikator_row("Laporan tambahan")).to_have_count(1)
    finish(walk)


def test_kuantitatif_without_javascript(page_nojs):
    walk = start(page_nojs, js=False, pendekatan="Kuantitatif")
    salin_peran(walk, "Peran 2 aja", "Rencana Kinerja (Kinerja Utama)")
    expect(walk.rencana_row("Peran 2 aja").get_by_role("cell").nth(1)).to_have_text("Strategis 1")
    row = indikator(
        walk, "Peran 2 aja", "Tambah Indikator", "Indikator 3", "Kuantitas", 5, "Dokumen"
    )
    expect(row.get_by_role("cell").nth(5)).to_have_text("5 Dokumen")
    finish(walk)
