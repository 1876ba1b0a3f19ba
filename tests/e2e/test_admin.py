"""The admin screens (menus "Pegawai" and "Unit Kerja", Impor) walked in Chromium by their labels,
as the demo operator+admin. Tambah pegawai, Nonaktifkan and Impor run with and without JavaScript.
"""

import csv
import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import JPT, login_as
from tests.e2e.walk import BaseWalk

ADMIN = "198511302009011004"  # OPERATOR KINERJA: operator and admin
ZAHARA_NIP = "198806142010122003"
NIP_BARU = "199203152020121002"
NAMA_BARU = "RINA ANDRIANI, S.E."
PASSWORD_BARU = "rahasia2024"
DIREKTORAT = "Direktorat Kinerja Aparatur Sipil Negara"
KOLOM = [
    "NIP",
    "Nama",
    "Jabatan",
    "Jenis Jabatan",
    "Pangkat/Golongan",
    "Unit Kerja",
    "NIP Atasan",
    "Password",
]


class Walk(BaseWalk):
    """The admin screens: a menu opens a page with its heading; dialogs are awaited."""

    def menu(self, label: str):
        super().menu(label)
        expect(self.page.get_by_role("heading", name=label, level=1)).to_be_visible()

    def dialog(self, title: str):
        found = super().dialog(title)
        expect(found).to_be_visible()
        return found

    def rows(self):
        return self.page.locator("#tbody-pegawai").get_by_role("row")

    def row(self, text: str):
        return self.rows().filter(has_text=text)

    def select_unit(self, select, nama: str):
        """Unit kerja options are indented with no-break spaces: pick the option by its text."""
        option = select.locator("option", has_text=nama)
        select.select_option(value=option.get_attribute("value"))


@pytest.fixture(params=["js", "nojs"])
def walk(request):
    js = request.param == "js"
    page = request.getfixturevalue("page" if js else "page_nojs")
    login_as(page, ADMIN)
    return Walk(page, js)


@pytest.fixture
def walk_js(page):
    login_as(page, ADMIN)
    return Walk(page, True)


def test_pegawai_list_show_entries_and_search(walk_js):
    w, page = walk_js, walk_js.page
    w.menu("Pegawai")
    expect(page.get_by_role("combobox", name=re.compile(r"Show\b.*\bentries"))).to_have_value("10")
    expect(page.get_by_text("Showing 1 to 6 of 6 entries")).to_be_visible()
    expect(w.rows()).to_have_count(6)

    page.get_by_role("searchbox", name="Search:").press_sequentially("ZAHARA", delay=30)
    expect(page.get_by_text("Showing 1 to 1 of 1 entries")).to_be_visible()
    expect(w.rows()).to_have_count(1)
    expect(w.row("ZAHARA, S.Sos.")).to_contain_text(ZAHARA_NIP)


def fill_pegawai(dialog, w: Walk, nip: str):
    dialog.get_by_label("NIP", exact=True).fill(nip)
    dialog.get_by_label("Nama (dengan gelar)").fill(NAMA_BARU)
    dialog.get_by_label("Jabatan", exact=True).fill("Analis Kinerja")
    dialog.get_by_label("Jenis Jabatan").select_option("JA")
    dialog.get_by_label("Pangkat/Golongan").select_option(label="Penata Muda, III/a")
    w.select_unit(dialog.get_by_label("Unit Kerja", exact=True), DIREKTORAT)
    dialog.get_by_label("Atasan Langsung (NIP)").fill(JPT)
    dialog.get_by_label("Password awal").fill(PASSWORD_BARU)


def test_tambah_pegawai_then_log_in_as_them(walk):
    w, page = walk, walk.page
    w.menu("Pegawai")
    page.get_by_role("link", name="Tambah", exact=True).click()
    dialog = w.dialog("Tambah Pegawai")

    # A NIP whose first 8 digits are no date (month 13): refused, what was typed is kept.
    fill_pegawai(dialog, w, "199213152020121002")
    dialog.get_by_role("button", name="Simpan").click()
    dialog = w.dialog("Tambah Pegawai")
    expect(
        dialog.get_by_text("8 digit pertama NIP harus tanggal lahir yang sah (TahunBulanTanggal).")
    ).to_be_visible()
    expect(dialog.get_by_label("NIP", exact=True)).to_have_value("199213152020121002")
    expect(dialog.get_by_label("Nama (dengan gelar)")).to_have_value(NAMA_BARU)

    # Too short: another Indonesian message.
    dialog.get_by_label("NIP", exact=True).fill("12345")
    dialog.get_by_label("Password awal").fill(PASSWORD_BARU)
    dialog.get_by_role("button", name="Simpan").click()
    dialog = w.dialog("Tambah Pegawai")
    expect(dialog.get_by_text("NIP harus 18 digit angka.")).to_be_visible()

    fill_pegawai(dialog, w, NIP_BARU)
    dialog.get_by_role("button", name="Simpan").click()
    w.saved("Tambah Pegawai")
    expect(page.get_by_role("status")).to_contain_text(f"Pegawai {NAMA_BARU} ditambahkan.")
    row = w.row(NIP_BARU)
    expect(row).to_have_count(1)
    expect(row).to_contain_text(NAMA_BARU)
    expect(row).to_contain_text("Dr. ACHMAD SLAMET HIDAYAT")
    expect(row).to_contain_text(DIREKTORAT)

    w.logout()
    login_as(page, NIP_BARU, PASSWORD_BARU)
    expect(page.locator("header .who")).to_have_text(NAMA_BARU)
    expect(page.get_by_role("row", name=f"NIP {NIP_BARU}")).to_be_visible()
    nav = page.get_by_role("navigation", name="Menu utama")
    expect(nav.get_by_role("link", name="Ubah Profile")).to_be_visible()
    expect(nav.get_by_role("link", name="Pegawai", exact=True)).to_have_count(0)


def test_ubah_pegawai(walk_js):
    w, page = walk_js, walk_js.page
    w.menu("Pegawai")
    w.row("ZAHARA, S.Sos.").get_by_role("link", name="Ubah").click()
    dialog = w.dialog("Ubah Pegawai")
    expect(dialog.get_by_label("NIP", exact=True)).to_have_value(ZAHARA_NIP)
    expect(dialog.get_by_label("Atasan Langsung (NIP)")).to_have_value(JPT)
    dialog.get_by_label("Jabatan", exact=True).fill("Analis SDM Aparatur Ahli Madya")
    dialog.get_by_role("button", name="Simpan").click()
    w.saved("Ubah Pegawai")
    expect(w.row("ZAHARA, S.Sos.")).to_contain_text("Analis SDM Aparatur Ahli Madya")

    page.reload()  # saved, not only swapped into the page
    expect(w.row("ZAHARA, S.Sos.")).to_contain_text("Analis SDM Aparatur Ahli Madya")


def test_nonaktifkan_pegawai_cannot_log_in(walk):
    w, page = walk, walk.page
    w.menu("Pegawai")
    row = w.row("ZAHARA, S.Sos.")
    if w.js:
        messages = []

        def accept(dialog):
            messages.append(dialog.message)
            dialog.accept()

        page.once("dialog", accept)
        row.get_by_role("link", name="Nonaktifkan").click()
        expect(row).to_contain_text("Nonaktif")
        assert messages and messages[0].startswith("Nonaktifkan ZAHARA"), messages
    else:
        row.get_by_role("link", name="Nonaktifkan").click()
        expect(page.get_by_role("heading", name="Nonaktifkan pegawai")).to_be_visible()
        expect(page.get_by_text("Nonaktifkan ZAHARA, S.Sos.")).to_be_visible()
        page.get_by_role("button", name="Nonaktifkan").click()
        expect(page.get_by_role("status")).to_contain_text("dinonaktifkan")
    page.reload()
    expect(w.row("ZAHARA, S.Sos.")).to_contain_text("Nonaktif")
    expect(w.row("ZAHARA, S.Sos.").get_by_role("button", name="Aktifkan")).to_be_visible()

    w.logout()
    login_as(page, ZAHARA_NIP)
    expect(page.get_by_text("NIP atau password salah.")).to_be_visible()
    expect(page.get_by_role("navigation", name="Menu utama")).to_have_count(0)


def test_unit_kerja_tambah_sub_unit(walk_js):
    w, page = walk_js, walk_js.page
    w.menu("Unit Kerja")
    page.get_by_role("link", name="Tambah", exact=True).click()
    dialog = w.dialog("Tambah Unit Kerja")
    dialog.get_by_label("Nama Unit Kerja").fill("Subdirektorat Penilaian Kinerja")
    w.select_unit(dialog.get_by_label("Induk Unit Kerja"), DIREKTORAT)
    dialog.get_by_role("button", name="Simpan").click()
    w.saved("Tambah Unit Kerja")

    rows = page.locator("#pohon-unit tbody tr")
    expect(rows).to_have_count(4)
    names = [t.strip() for t in rows.locator("td:first-child").all_inner_texts()]
    assert names[2] == "└ " + DIREKTORAT and names[3] == "└ Subdirektorat Penilaian Kinerja", names

    page.reload()
    expect(page.get_by_role("cell", name="Subdirektorat Penilaian Kinerja")).to_be_visible()


def write_csv(path, *rows):
    """A CSV as a spreadsheet saves it (names with a comma, like "RINA ANDRIANI, S.E.", quoted)."""
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(rows)


def impor(w: Walk, path):
    w.menu("Pegawai")
    w.page.get_by_role("link", name="Impor", exact=True).click()
    expect(w.page.get_by_role("heading", name="Impor Pegawai")).to_be_visible()
    w.page.get_by_label("Berkas (.xlsx atau .csv)").set_input_files(str(path))
    w.page.get_by_role("button", name="Impor").click()


def test_impor_csv_reports_bad_row_and_saves_good_one(walk, tmp_path):
    w, page = walk, walk.page
    path = tmp_path / "pegawai.csv"
    write_csv(
        path,
        KOLOM,
        [NIP_BARU, NAMA_BARU, "Analis Kinerja", "JA", "III/a", DIREKTORAT, JPT, PASSWORD_BARU],
        [
            "19920315202012100X",
            "BUDI SANTOSO",
            "Analis Kinerja",
            "JA",
            "III/a",
            DIREKTORAT,
            JPT,
            "",
        ],
    )
    impor(w, path)

    hasil = page.get_by_role("region", name="Hasil impor")
    expect(hasil).to_contain_text("1 pegawai diimpor, 1 baris ditolak.")
    bad = hasil.get_by_role("row").filter(has=page.get_by_role("cell", name="3", exact=True))
    expect(bad).to_have_count(1)
    expect(bad).to_contain_text("NIP harus 18 digit angka.")
    expect(hasil.get_by_role("row").filter(has_text=NIP_BARU)).to_have_count(0)

    w.menu("Pegawai")
    page.get_by_role("searchbox", name="Search:").fill(NIP_BARU)
    page.get_by_role("searchbox", name="Search:").press("Enter")
    expect(page.get_by_text("Showing 1 to 1 of 1 entries")).to_be_visible()
    expect(w.row(NIP_BARU)).to_contain_text(NAMA_BARU)
    expect(w.row(NIP_BARU)).to_contain_text("Dr. ACHMAD SLAMET HIDAYAT")
    expect(page.get_by_role("cell", name="BUDI SANTOSO")).to_have_count(0)

    w.logout()  # the Password column makes the imported account usable at once
    login_as(page, NIP_BARU, PASSWORD_BARU)
    expect(page.locator("header .who")).to_have_text(NAMA_BARU)


def test_impor_csv_missing_columns(walk, tmp_path):
    w, page = walk, walk.page
    path = tmp_path / "kurang.csv"
    write_csv(path, ["NIP", "Nama"], [NIP_BARU, NAMA_BARU])
    impor(w, path)

    message = page.get_by_text(re.compile("Kolom berikut tidak ada di baris judul"))
    expect(message).to_be_visible()
    expect(message).to_contain_text("jenis jabatan")
    expect(message).to_contain_text("nip atasan")
    expect(page.get_by_role("region", name="Hasil impor")).to_have_count(0)

    w.menu("Pegawai")
    expect(page.get_by_text("Showing 1 to 6 of 6 entries")).to_be_visible()
