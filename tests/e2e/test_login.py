"""Masuk and Keluar in a real browser, with JavaScript on and off."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import JPT, login_as


@pytest.fixture(params=["js", "nojs"])
def any_page(request):
    """The same walk with JavaScript on (`js`) and off (`nojs`)."""
    return request.getfixturevalue("page" if request.param == "js" else "page_nojs")


def test_wrong_password_keeps_the_nip(any_page):
    page = any_page
    login_as(page, JPT, password="salah-sekali")

    expect(page.get_by_text("NIP atau password salah.")).to_be_visible()
    expect(page.get_by_label("NIP")).to_have_value(JPT)
    expect(page.get_by_label("Password")).to_have_value("")
    expect(page.get_by_role("button", name="Keluar")).to_have_count(0)


def test_empty_form_says_wajib_diisi(any_page):
    page = any_page
    page.goto("/login")
    page.get_by_role("button", name="Masuk").click()

    expect(page.get_by_text("Wajib diisi.")).to_have_count(2)
    expect(page.get_by_role("button", name="Keluar")).to_have_count(0)


def test_jpt_logs_in_sees_the_menu_and_logs_out(any_page):
    page = any_page
    login_as(page, JPT)

    expect(page.get_by_role("heading", name="Dashboard")).to_be_visible()
    expect(page.get_by_text("Dr. ACHMAD SLAMET HIDAYAT, S.Pd., M.Si.").first).to_be_visible()
    menu = page.get_by_role("navigation", name="Menu utama")
    for label in ("Dashboard", "Perjanjian Kinerja", "Ubah Profile"):
        expect(menu.get_by_role("link", name=label, exact=True)).to_be_visible()
    expect(menu.get_by_role("link", name="Dashboard", exact=True)).to_have_attribute(
        "aria-current", "page"
    )

    page.get_by_role("button", name="Keluar").click()

    expect(page.get_by_text("Anda telah keluar.")).to_be_visible()
    expect(page.get_by_role("button", name="Masuk")).to_be_visible()
    expect(page.get_by_role("navigation", name="Menu utama")).to_have_count(0)
    # Logged out for real: the dashboard sends us back to the login form.
    page.goto("/")
    expect(page.get_by_role("button", name="Masuk")).to_be_visible()
