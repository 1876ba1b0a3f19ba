"""The manual's chapter "MATRIK PERAN HASIL" walked in Chromium by its labels.

ACHMAD (the demo JPT) opens his SKP's results, sets Jumlah Kolom on "Tambahan 1 JPT", gives
IRDIAN two roles (one copied from IRDIAN's Uraian Jabatan with Salin), edits and deletes one, and
shrinks the columns; with JavaScript and without. FITRIANI, Ketua Tim on "Strategis 1", splits
her role for IRDIAN. On a 390-px phone nothing scrolls sideways but the matrix in its own card.
"""

from playwright.sync_api import expect

from tests.e2e.conftest import JPT, login_as
from tests.e2e.walk import BaseWalk

IRDIAN = "199111232019031005"
IRDIAN_NAMA = "IRDIAN NOVA ALEXCANDRA, S.Kom"
FITRIANI = "199009062014022001"
JPT_NAMA = "Dr. ACHMAD SLAMET HIDAYAT, S.Pd., M.Si."


class Walk(BaseWalk):
    exact_titles = True

    def matrik(self):
        return self.page.locator("#mph-matrik")

    def row(self, jabatan: str, nama: str):
        return self.matrik().locator("tbody tr").filter(has_text=jabatan).filter(has_text=nama)

    def open_results(self):
        page = self.page
        self.menu("Matrik Peran Hasil")
        expect(page.get_by_role("heading", name="Matrik Peran Hasil", exact=True)).to_be_visible()
        periode = page.locator("#mph-periode-rows tr").filter(has_text="01 Mar 2022 - 31 Mar 2022")
        expect(periode).to_contain_text("Kuantitatif")
        periode.get_by_role("link", name="Target SKP").click()
        hasil = page.locator("#mph-hasil")
        expect(hasil.get_by_role("heading")).to_have_text(
            f"RENCANA SKP JPT {JPT_NAMA} / {JPT} PERIODE 01 Maret 2022 - 31 Maret 2022"
        )
        expect(hasil).to_contain_text("C. UTAMA")
        expect(hasil).to_contain_text("D. TAMBAHAN")
        return hasil

    def jumlah_kolom(self, n: int):
        self.page.get_by_role("link", name="Input Jumlah Kolom").click()
        dlg = self.dialog("Input Jumlah Kolom")
        dlg.get_by_label("Jumlah Kolom").fill(str(n))
        dlg.get_by_role("button", name="Simpan").click()
        return dlg

    def input_data_matrik(self):
        self.page.get_by_role("link", name="Input Data Matrik").click()
        return self.dialog("Input Data Matrik")

    def pilih_irdian(self, dlg):
        """Nama Pegawai: with JS a name and a suggestion; without, the NIP and Tampilkan."""
        field = dlg.get_by_label("Nama Pegawai")
        if self.js:
            field.fill("IRDIAN")
            dlg.locator("#saran-pegawai").get_by_role("button", name=IRDIAN_NAMA).click()
            expect(field).to_have_value(IRDIAN)
        else:
            field.fill(IRDIAN)
            dlg.get_by_role("button", name="Tampilkan Uraian Jabatan").click()
            dlg = self.dialog("Input Data Matrik")
        uraian = dlg.locator("#uraian-jabatan")
        expect(uraian).to_contain_text("Melakukan pemeliharaan aplikasi kinerja")
        return dlg


def _walk_achmad(page, js: bool):
    login_as(page, JPT)
    walk = Walk(page, js)
    hasil = walk.open_results()
    hasil.get_by_role("row").filter(has_text="Tambahan 1 JPT").get_by_role(
        "link", name="Matrik Peran Hasil"
    ).click()
    expect(page.get_by_role("heading", name="Tambahan 1 JPT")).to_be_visible()
    expect(page.get_by_role("link", name="Input Data Matrik")).to_have_count(0)

    # Jumlah Kolom out of range is refused by the field.
    dlg = walk.jumlah_kolom(21)
    expect(dlg.get_by_text("Jumlah Kolom paling sedikit 1 dan paling banyak 20.")).to_be_visible()
    dlg.get_by_label("Jumlah Kolom").fill("2")
    dlg.get_by_role("button", name="Simpan").click()
    walk.saved("Input Jumlah Kolom")
    headers = walk.matrik().locator("thead tr").nth(1).get_by_role("columnheader")
    expect(headers).to_have_text(["Peran 1", "Peran 2"])

    # First role: Salin from IRDIAN's Uraian Jabatan into Peran.
    dlg = walk.pilih_irdian(walk.input_data_matrik())
    dlg.locator("#uraian-jabatan tr").filter(
        has_text="Melakukan pemeliharaan aplikasi kinerja"
    ).get_by_role("button", name="Salin").click()
    dlg = walk.dialog("Input Data Matrik")
    expect(dlg.get_by_label("Peran")).to_have_value("Melakukan pemeliharaan aplikasi kinerja")
    dlg.get_by_label("Anggota Tim").check()
    dlg.get_by_label("Produk").select_option(label="Peran 1")
    dlg.get_by_role("button", name="Simpan").click()
    walk.saved("Input Data Matrik")
    row = walk.row("Anggota Tim", IRDIAN_NAMA)
    expect(row).to_contain_text(IRDIAN)
    expect(row.get_by_role("cell").nth(2)).to_contain_text("Melakukan pemeliharaan aplikasi")

    # Second role, typed, in Peran 2: the same row.
    dlg = walk.input_data_matrik()
    dlg.get_by_label("Nama Pegawai").fill(IRDIAN)
    dlg.get_by_label("Anggota Tim").check()
    dlg.get_by_label("Produk").select_option(label="Peran 2")
    dlg.get_by_label("Peran").fill("Menyiapkan data tambahan")
    dlg.get_by_role("button", name="Simpan").click()
    walk.saved("Input Data Matrik")
    expect(walk.matrik().locator("tbody tr:not(.empty)")).to_have_count(1)
    expect(row.get_by_role("cell").nth(3)).to_have_text("Menyiapkan data tambahan ✎ ✖")

    # Edit the second role.
    row.get_by_role("cell").nth(3).get_by_role("link", name="Edit").click()
    dlg = walk.dialog("Edit Data Matrik")
    dlg.get_by_label("Peran").fill("Menyiapkan data tambahan triwulan")
    dlg.get_by_role("button", name="Simpan").click()
    walk.saved("Edit Data Matrik")
    expect(row.get_by_role("cell").nth(3)).to_contain_text("triwulan")
    return walk, row


def test_achmad_fills_a_matrix_for_irdian_with_js(page):
    walk, row = _walk_achmad(page, js=True)
    # Shrinking to one column asks first and names the role that goes.
    dlg = walk.jumlah_kolom(1)
    expect(dlg.get_by_role("alert")).to_contain_text("akan menghapus 1 peran")
    expect(dlg.get_by_role("alert")).to_contain_text("Menyiapkan data tambahan triwulan")
    dlg.get_by_role("button", name="Simpan").click()
    walk.saved("Input Jumlah Kolom")
    expect(walk.matrik().locator("thead tr").nth(1).get_by_role("columnheader")).to_have_text(
        ["Peran 1"]
    )
    row = walk.row("Anggota Tim", IRDIAN_NAMA)
    expect(row).not_to_contain_text("triwulan")
    # Hapus the last role: the row goes, the table says it is empty.
    cell = row.get_by_role("cell").nth(2)
    messages = []
    page = walk.page
    page.once("dialog", lambda d: (messages.append(d.message), d.accept()))
    cell.get_by_role("link", name="Hapus").click()
    expect(row).to_have_count(0)
    assert messages and messages[0].startswith("Hapus peran Peran 1"), messages
    expect(page.get_by_text("Belum ada peran. Klik Input Data Matrik.")).to_be_visible()


def test_achmad_fills_a_matrix_for_irdian_without_js(page_nojs):
    walk, row = _walk_achmad(page_nojs, js=False)
    walk.hapus(row.get_by_role("cell").nth(3))
    expect(walk.row("Anggota Tim", IRDIAN_NAMA)).not_to_contain_text("triwulan")
    expect(walk.row("Anggota Tim", IRDIAN_NAMA)).to_contain_text("Melakukan pemeliharaan")


def test_ketua_tim_splits_her_role_and_fits_a_phone(page):
    page.set_viewport_size({"width": 390, "height": 844})
    login_as(page, FITRIANI)
    walk = Walk(page, js=True)
    walk.menu("Matrik Peran Hasil")
    ketua = page.locator("#mph-ketua-judul").locator("xpath=..")
    row = ketua.get_by_role("row").filter(has_text="peran 1 fitri")
    expect(row).to_contain_text(JPT_NAMA)
    row.get_by_role("link", name="Bagi Peran").click()
    expect(page.get_by_role("heading", name="Peran 1: peran 1 fitri")).to_be_visible()
    walk.jumlah_kolom(1)
    walk.saved("Input Jumlah Kolom")
    dlg = walk.input_data_matrik()
    expect(dlg.get_by_label("Ketua Tim")).to_have_count(0)
    dlg = walk.pilih_irdian(dlg)
    dlg.get_by_label("Produk").select_option(label="Peran 1")
    dlg.get_by_label("Peran").fill("Bagian Irdian dari peran 1 fitri")
    _no_sideways_scroll(page)
    dlg.get_by_role("button", name="Simpan").click()
    walk.saved("Input Data Matrik")
    expect(walk.row("Anggota Tim", IRDIAN_NAMA)).to_contain_text("Bagian Irdian")
    _no_sideways_scroll(page)
    # ACHMAD's results and matrix on the phone too.
    walk.logout()
    login_as(page, JPT)
    walk.open_results()
    _no_sideways_scroll(page)
    page.locator("#mph-hasil").get_by_role("row").filter(has_text="Strategis 1").get_by_role(
        "link", name="Matrik Peran Hasil"
    ).click()
    expect(walk.row("Ketua Tim", "FITRIANI")).to_contain_text("Peran 3 fitri")
    _no_sideways_scroll(page)


def _no_sideways_scroll(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the page is {width} px wide on a 390-px phone"
