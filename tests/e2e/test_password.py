"""Ubah Password in Chromium, with JavaScript on and off: the other browser's session ends,
this one stays, and the new password is the one that logs in."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import JPT, TIMEOUT_MS, login_as
from tests.e2e.walk import BaseWalk
from webapp.demo import DEMO_PASSWORD

BARU = "sandi-baru-2026"


class PasswordWalk(BaseWalk):
    def ubah_password(self, lama: str, baru: str, konfirmasi: str):
        self.page.get_by_role("link", name="Ubah Password").click()
        dialog = self.dialog("Ubah Password")
        expect(dialog).to_be_visible()
        dialog.get_by_label("Password Lama", exact=True).fill(lama)
        dialog.get_by_label("Password Baru", exact=True).fill(baru)
        dialog.get_by_label("Konfirmasi Password Baru", exact=True).fill(konfirmasi)
        dialog.get_by_role("button", name="Simpan").click()
        return dialog


@pytest.fixture(params=["js", "nojs"])
def walk(request):
    page = request.getfixturevalue("page" if request.param == "js" else "page_nojs")
    return PasswordWalk(page, js=request.param == "js")


def test_ubah_password_ends_the_other_session_and_the_new_one_logs_in(walk, browser, base_url):
    # The same account is also logged in on another computer.
    other = browser.new_context(base_url=base_url)
    other.set_default_timeout(TIMEOUT_MS)
    elsewhere = other.new_page()
    login_as(elsewhere, JPT)
    expect(elsewhere.get_by_role("button", name="Keluar")).to_be_visible()

    page = walk.page
    login_as(page, JPT)
    # A confirmation that differs is refused by the field, nothing is saved.
    dialog = walk.ubah_password(DEMO_PASSWORD, BARU, "sandi-lain-2026")
    expect(dialog.get_by_text("Tidak sama dengan Password Baru.")).to_be_visible()
    if walk.js:
        dialog.get_by_role("button", name="Tutup").click()
    walk.ubah_password(DEMO_PASSWORD, BARU, BARU)
    walk.saved("Ubah Password")
    expect(page.get_by_text("Password diubah.")).to_be_visible()

    # This browser is still logged in; the other computer's session has ended.
    walk.menu("Ubah Profile")
    expect(page.get_by_role("button", name="Keluar")).to_be_visible()
    elsewhere.goto("/")
    expect(elsewhere.get_by_role("button", name="Masuk")).to_be_visible()
    other.close()

    # After Keluar only the new password logs in.
    walk.logout()
    login_as(page, JPT, password=DEMO_PASSWORD)
    expect(page.get_by_text("NIP atau password salah.")).to_be_visible()
    login_as(page, JPT, password=BARU)
    expect(page.get_by_role("heading", name="Dashboard")).to_be_visible()
