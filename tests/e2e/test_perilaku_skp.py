"""The manual's PERILAKU SKP chapter and Keberatan walked in Chromium, with and without JS.

ZAHARA (Bawahan, KOLABORATIF) and FITRIANI (Rekan Kerja, ADAPTIF) rate ACHMAD's SKP JPT
kualitatif of 02 Feb – 28 Feb 2022 (the demo, as the manual's screenshot shows it). Then IRDIAN,
rated BAIK in TRIWULAN I (set up here: the demo has nothing rated), objects, and her Atasan
Pejabat Penilai HARYOMO changes the predikat.
"""

import re

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from tests.e2e.conftest import login_as
from tests.e2e.walk import BaseWalk
from webapp.domain.tanggal import sekarang
from webapp.extensions import db
from webapp.models import Evaluasi, PeriodePenilaian, Skp

ZAHARA = "198806142010122003"
FITRIANI = "199009062014022001"
IRDIAN = "199111232019031005"
HARYOMO = "196805171994031002"
ACHMAD_NAMA = "Dr. ACHMAD SLAMET HIDAYAT, S.Pd., M.Si."
IRDIAN_NAMA = "IRDIAN NOVA ALEXCANDRA, S.Kom"


class Walk(BaseWalk):
    exact_titles = True

    def open(self, url: str, title: str):
        """A dialog opened by its link: a modal with JS, a page of its own without."""
        return self.dialog(title)

    def perilaku_skp_row(self):
        self.menu("Perilaku SKP")
        expect(self.page.get_by_role("heading", name="Perilaku SKP")).to_be_visible()
        table = self.page.get_by_role("table")
        expect(table.get_by_role("columnheader")).to_have_text(
            [
                "No",
                "Tahun",
                "Periode SKP",
                "Nama Pengaju / Pegawai yang Dinilai",
                "Anda Dijadikan Sebagai",
                "Pendekatan SPT",
                "Penilaian Perilaku",
            ]
        )
        rows = table.get_by_role("row").filter(has_text=ACHMAD_NAMA)
        expect(rows).to_have_count(1)
        return rows

    def rate(self, peran: str, aspek: str, other: str, teks: str):
        row = self.perilaku_skp_row()
        expect(row.get_by_role("cell")).to_have_text(
            ["1", "2022", "02 Feb - 28 Feb 2022", ACHMAD_NAMA, peran, "JPT KUALITATIF", "✎"]
        )
        row.get_by_role("link", name="Penilaian Perilaku").click()
        dlg = self.dialog("PENILAIAN PERILAKU")
        expect(dlg).to_contain_text(f"{ACHMAD_NAMA} PERIODE : 02 Feb - 28 Feb 2022")
        expect(dlg.get_by_role("row")).to_have_count(2)  # the header and this person's aspect
        expect(dlg).to_contain_text(aspek)
        expect(dlg).not_to_contain_text(other)
        expect(dlg.get_by_role("row").nth(1)).to_contain_text("Belum dinilai")
        dlg.get_by_role("link", name=f"Input Penilaian {aspek}").click()
        form = self.dialog(aspek)
        form.get_by_label("Input Penilaian").fill(teks)
        form.get_by_role("button", name="Simpan").click()
        dlg = self.dialog("PENILAIAN PERILAKU")
        expect(dlg.get_by_role("row").nth(1)).to_contain_text(teks)
        expect(self.dialog(aspek)).to_have_count(0)
        if self.js:  # the dialog stays open over the list until closed
            dlg.get_by_role("button", name="Tutup").click()
            expect(dlg).to_have_count(0)


@pytest.mark.parametrize("fixture", ["page", "page_nojs"])
def test_zahara_and_fitriani_rate_their_aspects(request, fixture):
    page = request.getfixturevalue(fixture)
    walk = Walk(page, js=fixture == "page")
    login_as(page, ZAHARA)
    walk.rate("Bawahan", "KOLABORATIF", "ADAPTIF", "Sangat cepat Menyesuaikan diri")
    walk.logout()
    login_as(page, FITRIANI)
    walk.rate("Rekan Kerja", "ADAPTIF", "KOLABORATIF", "Inovatif dan proaktif")


def _irdian_rated_baik(app) -> int:
    """ACHMAD rated IRDIAN's TRIWULAN I today (the bawahan helper's screen does this)."""
    with app.app_context():
        skp = db.session.scalar(
            select(Skp).where(Skp.pegawai_nip == IRDIAN, Skp.pendekatan == "kuantitatif")
        )
        tw1 = db.session.scalar(select(PeriodePenilaian).filter_by(tahun=2022, nomor=1))
        evaluasi = Evaluasi(
            skp=skp,
            periode=tw1,
            capaian_organisasi="baik",
            rating_hasil="sesuai",
            rating_perilaku="sesuai",
            predikat="baik",
            predikat_at=sekarang(),
            oleh_id=skp.penilai_id,
        )
        db.session.add(evaluasi)
        db.session.commit()
        evaluasi_id = evaluasi.id
        db.session.remove()
    return evaluasi_id


def _realisasi_irdian(walk):
    walk.menu("Rencana SKP JA/JF")
    rows = walk.page.locator("#periode-rows").get_by_role("row")
    row = rows.filter(has_text="01 Mar 2022 - 31 Mar 2022")
    row.get_by_role("link", name="Realisasi", exact=True).click()
    expect(walk.page.get_by_role("heading", level=1)).to_contain_text("REALISASI SKP JA/JF")


@pytest.mark.parametrize("fixture", ["page", "page_nojs"])
def test_irdian_objects_and_haryomo_changes_the_predikat(request, fixture, e2e_app):
    page = request.getfixturevalue(fixture)
    walk = Walk(page, js=fixture == "page")
    evaluasi_id = _irdian_rated_baik(e2e_app)

    # IRDIAN: Rencana SKP JA/JF → Realisasi of her March SKP → the summary's "Keberatan".
    login_as(page, IRDIAN)
    _realisasi_irdian(walk)
    ringkas = page.get_by_role("row").filter(has_text="PREDIKAT KINERJA PEGAWAI")
    expect(ringkas).to_contain_text("BAIK")
    page.get_by_role("link", name="Keberatan", exact=True).click()
    dlg = walk.dialog("Keberatan")
    expect(dlg).to_contain_text("Predikat Kinerja Pegawai: BAIK")
    dlg.get_by_label("Alasan Keberatan").fill("Realisasi 8 Dokumen belum dipertimbangkan.")
    dlg.get_by_role("button", name="Ajukan Keberatan").click()
    expect(page.get_by_text("Keberatan diajukan kepada Atasan Pejabat Penilai.")).to_be_visible()
    # Without JS the objection's own page answers; with JS the realisasi page reloads.
    menunggu = re.compile(r"Menunggu keputusan (Atasan Pejabat Penilai \()?Drs\. HARYOMO")
    expect(page.get_by_text(menunggu)).to_be_visible()
    expect(page.get_by_role("button", name="Ajukan Keberatan")).to_have_count(0)
    walk.logout()

    # HARYOMO, her Atasan II: the menu "Keberatan" shows, he decides.
    login_as(page, HARYOMO)
    walk.menu("Keberatan")
    row = page.get_by_role("row").filter(has_text=IRDIAN_NAMA)
    expect(row).to_contain_text("TRIWULAN I 2022")
    expect(row).to_contain_text("Realisasi 8 Dokumen belum dipertimbangkan.")
    expect(row).to_contain_text("Menunggu keputusan")
    row.get_by_role("link", name="Putuskan").click()
    dlg = walk.dialog("Keputusan Keberatan")
    dlg.get_by_label("Predikat diubah").check()
    dlg.get_by_label("Predikat Baru").select_option(label="SANGAT BAIK")
    dlg.get_by_label("Penjelasan").fill("Bukti dukung lengkap.")
    dlg.get_by_role("button", name="Simpan").click()
    walk.saved("Keputusan Keberatan")
    row = page.get_by_role("row").filter(has_text=IRDIAN_NAMA)
    expect(row).to_contain_text("Diubah menjadi SANGAT BAIK")
    expect(row).to_contain_text("Sudah diputus")
    walk.logout()

    # IRDIAN sees both on her realisasi: the predikat she objected to and the decision.
    login_as(page, IRDIAN)
    _realisasi_irdian(walk)
    expect(page.get_by_text("predikat diubah menjadi SANGAT BAIK")).to_be_visible()
    page.goto(f"/keberatan/ajukan/{evaluasi_id}")
    expect(page.get_by_text("Predikat diubah menjadi SANGAT BAIK")).to_be_visible()
    expect(page.get_by_text("Bukti dukung lengkap.", exact=False)).to_be_visible()
