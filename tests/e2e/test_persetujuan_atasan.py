"""A pegawai names a new Atasan Langsung in Ubah Profile; it takes effect only when that person
approves it on "Persetujuan Atasan" — walked in Chromium with and without JavaScript.

ZAHARA (Atasan Langsung ACHMAD) asks for HARYOMO; ACHMAD stays until HARYOMO clicks Setujui.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import JPT, login_as
from tests.e2e.test_profile import expect_saved, open_profile, simpan
from tests.e2e.walk import BaseWalk

ZAHARA = "198806142010122003"
HARYOMO = "196805171994031002"
HARYOMO_NAMA = "Drs. HARYOMO DWI PUTRANTO, S.Pd., M.Hum."
ACHMAD_NAMA = "Dr. ACHMAD SLAMET HIDAYAT, S.Pd., M.Si."


class Walk(BaseWalk):
    def atasan_langsung_on_dashboard(self):
        self.menu("Dashboard")
        row = self.page.get_by_role("row", name=re.compile("^Atasan Langsung"))
        return row.get_by_role("cell")

    def setujui(self, row):
        """Setujui on a row: accept the browser's confirm (JS) or the confirmation page."""
        if self.js:
            messages = []

            def accept(dialog):
                messages.append(dialog.message)
                dialog.accept()

            self.page.once("dialog", accept)
            row.get_by_role("link", name="Setujui").click()
            expect(row).to_have_count(0)
            assert messages and messages[0].startswith(f"Setujui {HARYOMO_NAMA}"), messages
        else:
            row.get_by_role("link", name="Setujui").click()
            heading = self.page.get_by_role("heading", name="Setujui Permintaan Atasan")
            expect(heading).to_be_visible()
            self.page.get_by_role("button", name="Setujui").click()
            expect(heading).to_have_count(0)


@pytest.mark.parametrize("fixture", ["page", "page_nojs"])
def test_new_atasan_langsung_takes_effect_when_approved(request, fixture):
    page = request.getfixturevalue(fixture)
    walk = Walk(page, js=fixture == "page")

    # ZAHARA names HARYOMO as Atasan Langsung.
    login_as(page, ZAHARA)
    dialog = open_profile(page)
    dialog.get_by_label("Atasan Langsung", exact=True).fill(HARYOMO)
    simpan(dialog, "kinerja2022")
    expect_saved(page)
    expect(page.get_by_role("status")).to_contain_text("menunggu persetujuan")

    # Until HARYOMO decides, ACHMAD stays; the profile says what waits.
    dialog = open_profile(page)
    field = dialog.get_by_label("Atasan Langsung", exact=True)
    expect(field).to_have_value(HARYOMO)
    expect(field).to_have_accessible_description(
        # The current atasan by name and NIP (issue 8), then the request that waits.
        re.compile(re.escape(f"{ACHMAD_NAMA} ({JPT}) Menunggu persetujuan: {HARYOMO_NAMA}"))
    )
    expect(walk.atasan_langsung_on_dashboard()).to_contain_text(ACHMAD_NAMA)
    expect(walk.atasan_langsung_on_dashboard()).to_contain_text("menunggu persetujuan")
    walk.logout()

    # HARYOMO finds the request from the menu and approves it.
    login_as(page, HARYOMO)
    walk.menu("Persetujuan Atasan")
    expect(page.get_by_role("heading", name="Persetujuan Atasan", level=1)).to_be_visible()
    row = page.get_by_role("row").filter(has_text="ZAHARA, S.Sos.")
    expect(row).to_contain_text("Atasan Langsung")
    expect(row).to_contain_text(ACHMAD_NAMA)
    walk.setujui(row)
    expect(page.get_by_role("status")).to_contain_text(
        f"Atasan Langsung ZAHARA, S.Sos.: {HARYOMO_NAMA} disetujui."
    )
    if not walk.js:
        expect(page.get_by_text("Tidak ada permintaan yang menunggu")).to_be_visible()
    walk.logout()

    # Now HARYOMO is ZAHARA's Atasan Langsung, and nothing waits any more.
    login_as(page, ZAHARA)
    cell = walk.atasan_langsung_on_dashboard()
    expect(cell).to_have_text(HARYOMO_NAMA)
    dialog = open_profile(page)
    expect(dialog.get_by_label("Atasan Langsung", exact=True)).to_have_value(HARYOMO)
    expect(dialog).not_to_contain_text("Menunggu persetujuan")
