"""The manual's "REALISASI SKP JF/JA MODEL KUANTITATIF" walked in Chromium: IRDIAN opens
Realisasi from Rencana SKP JA/JF, enters "Input Realisasi" on Indikator 1111 with a bukti dukung
file, and sees "8 Dokumen dari penilaian atasan" with the file's link, with JavaScript on and off;
ACHMAD, his Pejabat Penilai, writes "Input Umpan Balik" ("Pimpinan : …").

The demo's SKP JA/JF of IRDIAN is still a draft: the test approves it first (the realisasi of an
SKP starts once its Pejabat Penilai has approved it).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import JPT, login_as
from tests.e2e.test_crawl import crawl_page, waiting  # noqa: F401 (fixtures)
from tests.e2e.walk import BaseWalk
from tests.factories import PDF
from webapp.extensions import db
from webapp.models import Pegawai, Skp

IRDIAN = "199111232019031005"
PERIODE = "01 Mar 2022 - 31 Mar 2022"


@pytest.fixture
def irdian_disetujui(e2e_app, base_url, tmp_path):
    """IRDIAN's March SKP JA/JF approved; bukti dukung stored in a temporary directory."""
    before = e2e_app.config.get("BUKTI_DUKUNG_DIR")
    e2e_app.config["BUKTI_DUKUNG_DIR"] = str(tmp_path / "bukti")
    with e2e_app.app_context():
        irdian = db.session.query(Pegawai).filter_by(nip=IRDIAN).one()
        skp = db.session.query(Skp).filter_by(pegawai_id=irdian.id, pendekatan="kuantitatif").one()
        skp.status = "disetujui"
        skp_id = skp.id
        db.session.commit()
        db.session.remove()
    berkas = tmp_path / "laporan-maret.pdf"
    berkas.write_bytes(PDF)
    yield skp_id, berkas
    e2e_app.config["BUKTI_DUKUNG_DIR"] = before


class Walk(BaseWalk):
    exact_titles = True

    def indikator_row(self, teks: str):
        return self.page.locator("#skp-hasil tr[id^=indikator-]").filter(has_text=teks)


def open_realisasi(walk: Walk):
    walk.menu("Rencana SKP JA/JF")
    row = walk.page.locator("#periode-rows").get_by_role("row").filter(has_text=PERIODE)
    row.get_by_role("link", name="Realisasi", exact=True).click()
    expect(walk.page.get_by_role("heading", level=1)).to_contain_text("REALISASI SKP JA/JF")
    hasil = walk.page.locator("#skp-hasil")
    expect(hasil.get_by_role("columnheader")).to_have_text(
        [
            "NO",
            "RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI",
            "RENCANA HASIL KERJA",
            "ASPEK",
            "INDIKATOR KINERJA INDIVIDU",
            "TARGET",
            "REALISASI BERDASARKAN BUKTI DUKUNG",
            "UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG",
        ]
    )
    expect(walk.page.get_by_label("Periode Penilaian", exact=True)).to_have_value("tw1")


def input_realisasi(walk: Walk, berkas):
    row = walk.indikator_row("Indikator 1111")
    expect(row).to_contain_text("Pimpinan :")
    row.get_by_role("link", name="Input Realisasi").click()
    dlg = walk.dialog("Input Realisasi")
    expect(dlg).to_contain_text("Indikator 1111")
    expect(dlg).to_contain_text("8 Dokumen")
    dlg.get_by_label("Realisasi", exact=True).fill("8")
    dlg.get_by_label("Keterangan Tambahan").fill("dari penilaian atasan")
    dlg.get_by_label("Berkas bukti dukung").set_input_files(str(berkas))
    dlg.get_by_role("button", name="Simpan").click()
    walk.saved("Input Realisasi")
    row = walk.indikator_row("Indikator 1111")
    expect(row).to_contain_text("8 Dokumen dari penilaian atasan")
    link = row.get_by_role("link", name="laporan-maret.pdf")
    expect(link).to_be_visible()
    return link


def test_irdian_enters_realisasi_with_a_file(page, irdian_disetujui):
    _skp_id, berkas = irdian_disetujui
    walk = Walk(page, js=True)
    login_as(page, IRDIAN)
    open_realisasi(walk)
    link = input_realisasi(walk, berkas)
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename == "laporan-maret.pdf"
    assert Path(download.value.path()).read_bytes() == PDF
    # Hapus of a bukti dukung in the dialog: asked first, gone from the dialog and the row.
    walk.indikator_row("Indikator 1111").get_by_role("link", name="Input Realisasi").click()
    dlg = walk.dialog("Input Realisasi")
    expect(dlg.get_by_label("Realisasi", exact=True)).to_have_value("8")
    walk.hapus(dlg.locator("#bukti-list li").filter(has_text="laporan-maret.pdf"))
    expect(
        walk.indikator_row("Indikator 1111").get_by_role("link", name="laporan-maret.pdf")
    ).to_have_count(0)
    page.keyboard.press("Escape")
    # A file whose content is not what its name says is refused, nothing else lost.
    walk.indikator_row("Indikator 2").get_by_role("link", name="Input Realisasi").click()
    dlg = walk.dialog("Input Realisasi")
    dlg.get_by_label("Realisasi", exact=True).fill("2")
    dlg.get_by_label("Berkas bukti dukung").set_input_files(
        files=[{"name": "palsu.pdf", "mimeType": "application/pdf", "buffer": b"<html>"}]
    )
    dlg.get_by_role("button", name="Simpan").click()
    expect(dlg.locator(".error").first).to_contain_text("palsu.pdf")
    expect(dlg.get_by_label("Realisasi", exact=True)).to_have_value("2")


def test_irdian_enters_realisasi_without_javascript(page_nojs, irdian_disetujui):
    _skp_id, berkas = irdian_disetujui
    walk = Walk(page_nojs, js=False)
    login_as(page_nojs, IRDIAN)
    open_realisasi(walk)
    input_realisasi(walk, berkas)


@pytest.mark.parametrize("js", [True, False], ids=["js", "nojs"])
def test_achmad_writes_umpan_balik(request, js, irdian_disetujui):
    skp_id, _berkas = irdian_disetujui
    page = request.getfixturevalue("page" if js else "page_nojs")
    walk = Walk(page, js=js)
    login_as(page, JPT)
    page.goto(f"/skp-bawahan/{skp_id}/realisasi")
    row = walk.indikator_row("Indikator 1111")
    expect(row.get_by_role("link", name="Input Realisasi")).to_have_count(0)
    row.get_by_role("link", name="Input Umpan Balik").click()
    title = "UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG"
    dlg = walk.dialog(title)
    dlg.get_by_label("Umpan Balik Berkelanjutan Berdasarkan Bukti Dukung").fill("Pertahankan")
    dlg.get_by_role("button", name="Simpan").click()
    walk.saved(title)
    expect(walk.indikator_row("Indikator 1111")).to_contain_text("Pimpinan : Pertahankan")


def test_realisasi_screens_fit_and_are_accessible(crawl_page, e2e_app, irdian_disetujui):  # noqa: F811
    """The crawl's checks (no sideways page scroll at 390 px, row actions reachable, axe-core,
    44 px tap targets, dialogs by keyboard) on the realisasi screens with data: IRDIAN's
    kuantitatif SKP with a realisasi and its file, ACHMAD's kualitatif SKP JPT with an entry, and
    ACHMAD's view of IRDIAN's realisasi as Pejabat Penilai. (The demo's SKP are drafts, so the
    full crawl sees only the "belum disetujui" message.)"""
    from tests.e2e.test_crawl import Crawl, pattern

    skp_id, berkas = irdian_disetujui
    kual_id = _achmad_kualitatif(e2e_app)
    walk = Walk(crawl_page, js=True)
    login_as(crawl_page, IRDIAN)
    open_realisasi(walk)
    input_realisasi(walk, berkas)
    seen: set[str] = set()

    def new_dialog(href: str) -> bool:
        if pattern(href) in seen:
            return False
        seen.add(pattern(href))
        return True

    jf = Crawl(crawl_page, "jf")
    jf.visit(f"/skp-jajf/{skp_id}/realisasi", new_dialog)
    walk.logout()
    login_as(crawl_page, JPT)
    dialog = f"/skp-jpt/{kual_id}/realisasi/tw1/rencana/{_first_rencana(e2e_app, kual_id)}"
    crawl_page.goto(dialog)
    crawl_page.get_by_label("Realisasi", exact=True).fill("Realisasi 1")
    crawl_page.get_by_role("button", name="Simpan").click()
    expect(crawl_page.get_by_role("dialog").locator("#entri-rows")).to_contain_text("Realisasi 1")
    jpt = Crawl(crawl_page, "jpt")
    jpt.visit(f"/skp-jpt/{kual_id}/realisasi", new_dialog)
    jpt.visit(dialog, new_dialog)
    jpt.visit(f"/skp-bawahan/{skp_id}/realisasi", new_dialog)
    problems = jf.problems + jpt.problems + crawl_page.errors
    assert len(seen) >= 4, seen
    assert not problems, "\n".join(problems)


def _first_rencana(app, skp_id: int) -> int:
    from webapp.models import RencanaHasilKerja

    with app.app_context():
        rid = (
            db.session.query(RencanaHasilKerja.id)
            .filter_by(skp_id=skp_id)
            .order_by(RencanaHasilKerja.id)
            .first()[0]
        )
        db.session.remove()
    return rid


def test_kualitatif_entries_in_the_hasil_kerja_dialog(page, e2e_app, irdian_disetujui):
    """ACHMAD's SKP JPT kualitatif: Input Realisasi on "Kinerja Utama" lists the period's
    entries (No, Indikator, Edit, Hapus); each added entry shows in the dialog and on the page."""
    kual_id = _achmad_kualitatif(e2e_app)
    walk = Walk(page, js=True)
    login_as(page, JPT)
    page.goto(f"/skp-jpt/{kual_id}/realisasi")
    row = page.locator("#skp-hasil tr[id^=rencana-row-]").filter(has_text="Kinerja Utama").first
    row.get_by_role("link", name="Input Realisasi").click()
    dlg = walk.dialog("Input Realisasi")
    expect(dlg.get_by_role("columnheader")).to_have_text(["No", "Indikator", "Edit", "Hapus"])
    for teks in ("Realisasi 1", "Realisasi 2"):
        dlg.get_by_label("Realisasi", exact=True).fill(teks)
        dlg.get_by_role("button", name="Simpan").click()
        expect(dlg.locator("#entri-rows")).to_contain_text(teks)
        expect(dlg.get_by_label("Realisasi", exact=True)).to_have_value("")
    expect(row).to_contain_text("Realisasi 1")  # the page's row, behind the dialog
    expect(row).to_contain_text("Realisasi 2")
    entri = dlg.locator("#entri-rows tr").filter(has_text="Realisasi 1")
    entri.get_by_role("link", name="Edit").click()
    edit = walk.dialog("Edit Realisasi")
    edit.get_by_label("Realisasi", exact=True).fill("Realisasi satu")
    edit.get_by_role("button", name="Simpan").click()
    dlg = walk.dialog("Input Realisasi")
    expect(dlg.locator("#entri-rows")).to_contain_text("Realisasi satu")
    walk.hapus(dlg.locator("#entri-rows tr").filter(has_text="Realisasi 2"))
    expect(dlg.locator("#entri-rows tr")).to_have_count(1)
    page.keyboard.press("Escape")
    expect(row).to_contain_text("Realisasi satu")
    expect(row).not_to_contain_text("Realisasi 2")


def _achmad_kualitatif(app) -> int:
    """ACHMAD's SKP JPT kualitatif (02 Feb – 28 Feb 2022), approved as the demo has it."""
    with app.app_context():
        achmad = db.session.query(Pegawai).filter_by(nip=JPT).one()
        kual = db.session.query(Skp).filter_by(pegawai_id=achmad.id, pendekatan="kualitatif").one()
        kual.status = "disetujui"
        kual_id = kual.id
        db.session.commit()
        db.session.remove()
    return kual_id
