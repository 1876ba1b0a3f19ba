"""The manual's first chapter, Perjanjian Kinerja, walked in Chromium by its labels.

Every walk runs twice: with JavaScript (htmx dialogs, rows swapped in place, hx-confirm) and
without (forms post, the page reloads, deleting goes through the confirmation page).
"""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import JPT, login_as
from tests.e2e.walk import BaseWalk

SASARAN = "Meningkatnya kualitas layanan manajemen kinerja ASN"
SASARAN_BARU = "Meningkatnya kualitas dan ketepatan layanan manajemen kinerja ASN"
INDIKATOR_1 = "Indeks kepuasan layanan kinerja"
INDIKATOR_2 = "Persentase layanan selesai tepat waktu"


class Walk(BaseWalk):
    """The Perjanjian Kinerja screens."""

    def row(self, container, text: str):
        return container.get_by_role("row").filter(has_text=text)

    def table(self, column: str):
        """The table with this column header (the manual's column names)."""
        return self.page.get_by_role("table").filter(
            has=self.page.get_by_role("columnheader", name=column, exact=True)
        )

    def year_row(self, tahun: int):
        return self.page.get_by_role("row").filter(
            has=self.page.get_by_role("cell", name=str(tahun), exact=True)
        )


def expect_cells(row, texts):
    """The row's first cells read `texts` (the Edit/Hapus icons after them are not checked)."""
    cells = row.get_by_role("cell")
    for i, text in enumerate(texts):
        expect(cells.nth(i)).to_have_text(text)


@pytest.fixture(params=["js", "nojs"])
def walk(request):
    js = request.param == "js"
    page = request.getfixturevalue("page" if js else "page_nojs")
    login_as(page, JPT)
    page.get_by_role("navigation", name="Menu utama").get_by_role(
        "link", name="Perjanjian Kinerja"
    ).click()
    expect(page.get_by_role("heading", name="Perjanjian Kinerja", exact=True)).to_be_visible()
    return Walk(page, js)


def test_pk_2021_opens_as_in_the_manual(walk):
    page = walk.page
    expect(walk.year_row(2022)).to_be_visible()
    walk.year_row(2021).get_by_role("link", name="Buka").click()

    expect(page.get_by_role("heading", name="PERJANJIAN KINERJA TAHUN 2021")).to_be_visible()
    for label in ("Tambah Sasaran Strategis", "Cek RKT", "Tambah Program"):
        expect(page.get_by_role("link", name=label)).to_be_visible()
    table = walk.table("Sasaran Strategis")
    headers = table.get_by_role("columnheader")
    expect(headers).to_have_text(
        ["No", "Sasaran Strategis", "Indikator", "Target", "Edit", "Hapus"]
    )
    rows = table.locator("tbody").get_by_role("row")
    expect(rows).to_have_count(4)
    expect(rows.nth(0)).to_contain_text("Meningkatnya pelaksanaan area perubahan manajemen")
    expect(rows.nth(0).get_by_role("listitem")).to_have_text(
        [
            "Nilai manajemen Perubahan",
            "Nilai Penataan dan Penguatan organisasi",
            "Nilai penataan tatalaksana",
            "Nilai Kapasitas Organisasi Setjen MPR RI",
        ]
    )
    expect(rows.nth(0).get_by_role("cell").nth(3)).to_have_text(
        "4.3 Nilai\n4.29 Nilai\n3.27 Nilai\n4.54 Nilai", use_inner_text=True
    )
    expect(rows.nth(1)).to_contain_text("12.67 Nilai")
    expect(rows.nth(2)).to_contain_text("4.58 Nilai")
    expect(rows.nth(3)).to_contain_text("Terselenggaranya Layanan Internal Biro SDM")
    expect(rows.nth(3).get_by_role("cell").nth(3)).to_have_text("86 Persen (%)")
    expect(page.get_by_text("Showing 1 to 4 of 4 entries")).to_be_visible()


def test_tambah_tahun_sasaran_and_indikator(walk):
    page = walk.page

    # Tambah a year.
    page.get_by_role("link", name="Tambah", exact=True).click()
    dialog = walk.dialog("Tambah Perjanjian Kinerja")
    dialog.get_by_label("Tahun").fill("2023")
    dialog.get_by_role("button", name="Simpan").click()
    expect(page.get_by_text("Perjanjian Kinerja tahun 2023 disimpan.")).to_be_visible()
    walk.saved("Tambah Perjanjian Kinerja")
    expect(walk.year_row(2023)).to_be_visible()

    # Open it: empty.
    walk.year_row(2023).get_by_role("link", name="Buka").click()
    expect(page.get_by_role("heading", name="PERJANJIAN KINERJA TAHUN 2023")).to_be_visible()
    table = walk.table("Sasaran Strategis")
    expect(table.get_by_text("Belum ada Sasaran Strategis.")).to_be_visible()

    # Tambah Sasaran Strategis.
    page.get_by_role("link", name="Tambah Sasaran Strategis").click()
    dialog = walk.dialog("Tambah Sasaran Strategis")
    dialog.get_by_label("Sasaran Strategis").fill(SASARAN)
    dialog.get_by_role("button", name="Simpan").click()
    expect(page.get_by_text("Sasaran Strategis disimpan.")).to_be_visible()
    walk.saved("Tambah Sasaran Strategis")
    row = walk.row(table, SASARAN)
    expect(row).to_be_visible()
    expect(row.get_by_role("cell").first).to_have_text("1")
    expect(table.get_by_text("Belum ada Sasaran Strategis.")).to_be_hidden()

    # Edit → Ubah Sasaran: the text, then two indicators.
    row.get_by_role("link", name="Edit").click()
    expect(page.get_by_role("heading", name="Ubah Sasaran")).to_be_visible()
    ubah = page.get_by_role("form", name="Ubah Sasaran")
    expect(ubah.get_by_label("Sasaran Strategis")).to_have_value(SASARAN)
    ubah.get_by_label("Sasaran Strategis").fill(SASARAN_BARU)
    ubah.get_by_role("button", name="Simpan").click()
    expect(page.get_by_text("Sasaran Strategis disimpan.")).to_be_visible()
    expect(
        page.get_by_role("form", name="Ubah Sasaran").get_by_label("Sasaran Strategis")
    ).to_have_value(SASARAN_BARU)

    for teks, target, satuan in ((INDIKATOR_1, "4,3", "Nilai"), (INDIKATOR_2, "86", "Persen (%)")):
        form = page.get_by_role("form", name="Tambah Indikator")
        form.get_by_label("Indikator").fill(teks)
        form.get_by_label("Target").fill(target)
        form.get_by_label("Pilih Satuan").select_option(satuan)
        form.get_by_role("button", name="Simpan").click()
        expect(page.get_by_text("Indikator disimpan.")).to_be_visible()
        indikator_table = walk.table("Satuan Target")
        expect(walk.row(indikator_table, teks)).to_be_visible()
        # The form is empty again, ready for the next one.
        expect(
            page.get_by_role("form", name="Tambah Indikator").get_by_label("Indikator")
        ).to_have_value("")

    rows = indikator_table.locator("tbody").get_by_role("row")
    expect(rows).to_have_count(2)
    expect_cells(rows.nth(0), ["1", INDIKATOR_1, "4.3", "Nilai"])
    expect_cells(rows.nth(1), ["2", INDIKATOR_2, "86", "Persen (%)"])
    if not walk.js:
        # With htmx the rows arrive out of band and the footer keeps its old count (reported).
        expect(page.get_by_text("Showing 1 to 2 of 2 entries")).to_be_visible()

    # Edit the second indicator.
    walk.row(indikator_table, INDIKATOR_2).get_by_role("link", name="Edit").click()
    dialog = walk.dialog("Ubah Indikator")
    expect(dialog.get_by_label("Target")).to_have_value("86")
    expect(dialog.get_by_label("Pilih Satuan")).to_have_value("Persen (%)")
    dialog.get_by_label("Target").fill("90,5")
    dialog.get_by_role("button", name="Simpan").click()
    expect(page.get_by_text("Indikator diubah.")).to_be_visible()
    walk.saved("Ubah Indikator")
    expect(walk.row(indikator_table, INDIKATOR_2).get_by_role("cell").nth(2)).to_have_text("90.5")
    expect(walk.row(indikator_table, INDIKATOR_2).get_by_role("cell").first).to_have_text("2")

    # Delete the first one.
    walk.hapus(walk.row(indikator_table, INDIKATOR_1))
    expect(page.get_by_text("Indikator dihapus.")).to_be_visible()
    expect(walk.row(indikator_table, INDIKATOR_1)).to_have_count(0)
    expect(walk.row(indikator_table, INDIKATOR_2)).to_be_visible()

    # Back to the year: the sasaran with what is left of its indicators.
    page.get_by_role("link", name="Perjanjian Kinerja Tahun 2023").click()
    expect(page.get_by_role("heading", name="PERJANJIAN KINERJA TAHUN 2023")).to_be_visible()
    table = walk.table("Sasaran Strategis")
    row = walk.row(table, SASARAN_BARU)
    expect_cells(row, ["1", SASARAN_BARU, INDIKATOR_2, "90.5 Persen (%)"])

    # Delete the sasaran.
    walk.hapus(row)
    expect(page.get_by_text("Sasaran Strategis dihapus.")).to_be_visible()
    expect(walk.row(table, SASARAN_BARU)).to_have_count(0)
    expect(table.get_by_text("Belum ada Sasaran Strategis.")).to_be_visible()

    # Reloading shows the same: the changes are in the database, not only on screen.
    page.reload()
    expect(
        walk.table("Sasaran Strategis").get_by_text("Belum ada Sasaran Strategis.")
    ).to_be_visible()


def test_ubah_and_hapus_tahun(walk):
    page = walk.page
    page.get_by_role("link", name="Tambah", exact=True).click()
    dialog = walk.dialog("Tambah Perjanjian Kinerja")
    dialog.get_by_label("Tahun").fill("2023")
    dialog.get_by_role("button", name="Simpan").click()
    walk.saved("Tambah Perjanjian Kinerja")

    walk.year_row(2023).get_by_role("link", name="Edit").click()
    dialog = walk.dialog("Ubah Tahun Perjanjian Kinerja")
    expect(dialog.get_by_label("Tahun")).to_have_value("2023")
    dialog.get_by_label("Tahun").fill("2024")
    dialog.get_by_role("button", name="Simpan").click()
    expect(page.get_by_text("Tahun diubah menjadi 2024.")).to_be_visible()
    walk.saved("Ubah Tahun Perjanjian Kinerja")
    expect(walk.year_row(2024)).to_be_visible()
    expect(walk.year_row(2023)).to_have_count(0)

    walk.hapus(walk.year_row(2024))
    expect(page.get_by_text("Perjanjian Kinerja tahun 2024 dihapus.")).to_be_visible()
    expect(walk.year_row(2024)).to_have_count(0)
    expect(walk.year_row(2021)).to_be_visible()
    expect(walk.year_row(2022)).to_be_visible()


def test_bad_input_is_refused_in_indonesian_and_kept(walk):
    page = walk.page

    # A year that is not a year, then one that exists.
    page.get_by_role("link", name="Tambah", exact=True).click()
    dialog = walk.dialog("Tambah Perjanjian Kinerja")
    dialog.get_by_label("Tahun").fill("20x3")
    dialog.get_by_role("button", name="Simpan").click()
    dialog = walk.dialog("Tambah Perjanjian Kinerja")
    expect(dialog.get_by_text("Tahun harus 4 digit angka antara 2000 dan 2100.")).to_be_visible()
    expect(dialog.get_by_label("Tahun")).to_have_value("20x3")
    dialog.get_by_label("Tahun").fill("2021")
    dialog.get_by_role("button", name="Simpan").click()
    dialog = walk.dialog("Tambah Perjanjian Kinerja")
    expect(dialog.get_by_text("Perjanjian Kinerja tahun 2021 sudah ada.")).to_be_visible()

    # Target "abc" on an indicator of 2022's Strategis 1.
    page.goto("/perjanjian-kinerja/")
    walk.year_row(2022).get_by_role("link", name="Buka").click()
    table = walk.table("Sasaran Strategis")
    walk.row(table, "Strategis 1").get_by_role("link", name="Edit").click()
    form = page.get_by_role("form", name="Tambah Indikator")
    form.get_by_label("Indikator").fill("Indikator 3")
    form.get_by_label("Target").fill("abc")
    form.get_by_label("Pilih Satuan").select_option("Dokumen")
    form.get_by_role("button", name="Simpan").click()

    form = page.get_by_role("form", name="Tambah Indikator")
    expect(form.get_by_text("Harus berupa angka, misalnya 4,3 atau 86.")).to_be_visible()
    expect(form.get_by_label("Target")).to_have_value("abc")
    expect(form.get_by_label("Target")).to_have_attribute("aria-invalid", "true")
    expect(form.get_by_label("Indikator")).to_have_value("Indikator 3")
    expect(form.get_by_label("Pilih Satuan")).to_have_value("Dokumen")
    indikator_table = walk.table("Satuan Target")
    expect(indikator_table.locator("tbody").get_by_role("row")).to_have_count(2)

    # Nothing chosen and nothing typed: every field says so.
    form.get_by_label("Indikator").fill("")
    form.get_by_label("Target").fill("")
    form.get_by_label("Pilih Satuan").select_option("")
    form.get_by_role("button", name="Simpan").click()
    form = page.get_by_role("form", name="Tambah Indikator")
    expect(form.get_by_text("Wajib diisi.")).to_have_count(3)

    # Corrected, it goes in.
    form.get_by_label("Indikator").fill("Indikator 3")
    form.get_by_label("Target").fill("1.250,5")
    form.get_by_label("Pilih Satuan").select_option("Dokumen")
    form.get_by_role("button", name="Simpan").click()
    expect(page.get_by_text("Indikator disimpan.")).to_be_visible()
    expect(walk.row(indikator_table, "Indikator 3").get_by_role("cell").nth(2)).to_have_text(
        "1250.5"
    )


@pytest.mark.parametrize("js", [True, False], ids=["js", "nojs"])
def test_login_first_then_back_to_perjanjian_kinerja(request, js):
    page = request.getfixturevalue("page" if js else "page_nojs")
    page.goto("/perjanjian-kinerja/")
    expect(page.get_by_text("Silakan masuk terlebih dahulu.")).to_be_visible()
    page.get_by_label("NIP").fill(JPT)
    page.get_by_label("Password").fill("kinerja2022")
    page.get_by_role("button", name="Masuk").click()
    expect(page.get_by_role("heading", name="Perjanjian Kinerja", exact=True)).to_be_visible()
    expect(
        page.get_by_role("navigation", name="Menu utama").get_by_role(
            "link", name="Perjanjian Kinerja"
        )
    ).to_have_attribute("aria-current", "page")


def test_entry_count_follows_rows_added_and_deleted_in_place(page):
    login_as(page, JPT)
    page.get_by_role("navigation", name="Menu utama").get_by_role(
        "link", name="Perjanjian Kinerja"
    ).click()
    footer = page.locator("#pk-table .table-footer")
    expect(footer).to_contain_text("Showing 1 to 2 of 2 entries")
    page.get_by_role("link", name="Tambah", exact=True).click()
    dialog = page.get_by_role("dialog", name="Tambah Perjanjian Kinerja")
    dialog.get_by_label("Tahun").fill("2023")
    dialog.get_by_role("button", name="Simpan").click()
    expect(footer).to_contain_text("Showing 1 to 3 of 3 entries")
    page.once("dialog", lambda d: d.accept())
    page.get_by_role("row").filter(has_text="2023").get_by_role("link", name="Hapus").click()
    expect(footer).to_contain_text("Showing 1 to 2 of 2 entries")
