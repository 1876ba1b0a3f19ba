"""The manual's "Ubah Profile" dialog, walked in Chromium by its labels.

As the demo JPT (ACHMAD): the dialog shows the manual's fields with the demo agency's people;
Rekan Kerja is added by the NIP/name suggestions (JS) or by typing the NIP (no JS); a wrong
Konfirmasi Password and choosing oneself as Atasan II are refused with Indonesian messages.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import JPT, login_as

PASSWORD = "kinerja2022"
HARYOMO_NIP = "196805171994031002"
ZAHARA_NIP = "198806142010122003"
DIREKTORAT = "Direktorat Kinerja Aparatur Sipil Negara"
DIREKTUR = "Direktur Kinerja Aparatur Sipil Negara"


def open_profile(page):
    """The menu's "Ubah Profile" entry; returns the dialog's form area."""
    menu = page.get_by_role("navigation", name="Menu utama")
    menu.get_by_role("link", name="Ubah Profile").click()
    dialog = page.get_by_role("region", name="Ubah Profile")
    expect(dialog).to_be_visible()
    return dialog


def rekan_checkbox(dialog, nama: str):
    return dialog.get_by_role("group", name="Rekan Kerja", exact=True).get_by_role(
        "checkbox", name=re.compile(re.escape(nama))
    )


def simpan(dialog, password: str = PASSWORD):
    dialog.get_by_label("Konfirmasi Password").fill(password)
    dialog.get_by_role("button", name="Simpan").click()


def expect_saved(page):
    """No message by any field, and the flash says it was saved."""
    page.wait_for_load_state()
    errors = page.locator("#main .error")
    expect(
        errors,
        "saving ACHMAD's profile with the right password was refused: "
        + " | ".join(errors.all_inner_texts()),
    ).to_have_count(0)
    expect(page.get_by_role("status")).to_contain_text("Profil disimpan.")


def test_profile_shows_the_manuals_fields(page):
    login_as(page, JPT)
    dialog = open_profile(page)

    expect(dialog.get_by_label("Konfirmasi Password")).to_have_value("")
    expect(rekan_checkbox(dialog, "FITRIANI PANJAITAN, A.Md")).to_be_checked()
    expect(dialog.get_by_role("group", name="Bawahan", exact=True)).to_contain_text(
        "IRDIAN NOVA ALEXCANDRA, S.Kom"
    )
    atasan = dialog.get_by_label("Atasan Langsung", exact=True)
    expect(atasan).to_have_value(HARYOMO_NIP)
    expect(atasan).to_have_accessible_description(
        re.compile(re.escape("Drs. HARYOMO DWI PUTRANTO, S.Pd., M.Hum."))
    )
    expect(dialog.get_by_label("Atasan II", exact=True)).to_have_value("")
    expect(dialog.get_by_label("Atasan III", exact=True)).to_have_value("")
    expect(dialog.get_by_label("Unit Kerja").locator("option:checked")).to_contain_text(DIREKTORAT)
    expect(dialog.get_by_label("Jabatan", exact=True)).to_have_value(DIREKTUR)


@pytest.mark.parametrize("fixture", ["page", "page_nojs"])
def test_unchanged_demo_profile_saves(request, fixture):
    """The demo agency as loaded (Rekan Kerja FITRIANI, Bawahan IRDIAN, who both also name
    ACHMAD as their Atasan Langsung, as demo-cast.md says) must be savable as it stands."""
    page = request.getfixturevalue(fixture)
    login_as(page, JPT)
    simpan(open_profile(page))
    expect_saved(page)
    dialog = open_profile(page)
    expect(rekan_checkbox(dialog, "FITRIANI PANJAITAN, A.Md")).to_be_checked()


def test_add_rekan_kerja_by_suggestion_and_save(page):
    login_as(page, JPT)
    dialog = open_profile(page)

    field = dialog.get_by_label("Tambah Rekan Kerja")
    field.press_sequentially("ZAH", delay=50)
    saran = dialog.get_by_role("list", name="Saran pegawai")
    suggestion = saran.get_by_role("button", name=re.compile(r"ZAHARA, S\.Sos\."))
    expect(suggestion, "typing ZAH should suggest ZAHARA").to_be_visible()
    suggestion.click()
    expect(field).to_have_value(re.compile(ZAHARA_NIP))

    simpan(dialog)
    expect_saved(page)

    dialog = open_profile(page)
    expect(rekan_checkbox(dialog, "ZAHARA, S.Sos.")).to_be_checked()
    expect(rekan_checkbox(dialog, "FITRIANI PANJAITAN, A.Md")).to_be_checked()


def test_add_rekan_kerja_without_javascript(page_nojs):
    page = page_nojs
    login_as(page, JPT)
    dialog = open_profile(page)

    dialog.get_by_label("Tambah Rekan Kerja").fill(ZAHARA_NIP)
    simpan(dialog)
    expect_saved(page)

    dialog = open_profile(page)
    expect(rekan_checkbox(dialog, "ZAHARA, S.Sos.")).to_be_checked()


@pytest.mark.parametrize("fixture", ["page", "page_nojs"])
def test_wrong_password_saves_nothing_and_keeps_what_was_typed(request, fixture):
    page = request.getfixturevalue(fixture)
    login_as(page, JPT)
    dialog = open_profile(page)

    dialog.get_by_label("Tambah Rekan Kerja").fill(ZAHARA_NIP)
    dialog.get_by_label("Jabatan", exact=True).fill("Direktur Kinerja ASN (baru)")
    simpan(dialog, "salah-sekali")

    dialog = page.get_by_role("region", name="Ubah Profile")
    expect(dialog.get_by_text("Password salah.")).to_be_visible()
    expect(dialog.get_by_label("Tambah Rekan Kerja")).to_have_value(ZAHARA_NIP)
    expect(dialog.get_by_label("Jabatan", exact=True)).to_have_value("Direktur Kinerja ASN (baru)")
    expect(page.get_by_role("status")).not_to_contain_text("Profil disimpan.")

    dialog = open_profile(page)
    expect(rekan_checkbox(dialog, "ZAHARA")).to_have_count(0)
    expect(dialog.get_by_label("Jabatan", exact=True)).to_have_value(DIREKTUR)


def test_himself_as_atasan_ii_is_refused(page):
    login_as(page, JPT)
    dialog = open_profile(page)

    field = dialog.get_by_label("Atasan II", exact=True)
    field.press_sequentially("ACHMAD", delay=50)
    suggestion = dialog.get_by_role("list", name="Saran pegawai").get_by_role(
        "button", name=re.compile("ACHMAD SLAMET HIDAYAT")
    )
    suggestion.click()
    expect(field).to_have_value(JPT)
    simpan(dialog)

    dialog = page.get_by_role("region", name="Ubah Profile")
    expect(
        dialog.get_by_text("Anda tidak dapat memilih diri sendiri sebagai Atasan II.")
    ).to_be_visible()
    expect(dialog.get_by_label("Atasan II", exact=True)).to_have_value(JPT)
    expect(page.get_by_role("status")).not_to_contain_text("Profil disimpan.")

    dialog = open_profile(page)
    expect(dialog.get_by_label("Atasan II", exact=True)).to_have_value("")
