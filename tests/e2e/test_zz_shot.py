from tests.e2e.conftest import login_as
from tests.e2e.test_realisasi import IRDIAN, Walk, input_realisasi, open_realisasi, irdian_disetujui  # noqa

def test_shot(page, irdian_disetujui):
    skp_id, berkas = irdian_disetujui
    walk = Walk(page, js=True)
    login_as(page, IRDIAN)
    open_realisasi(walk)
    input_realisasi(walk, berkas)
    page.set_viewport_size({"width": 1366, "height": 900})
    page.screenshot(path="/tmp/r/desk.png", full_page=True)
    walk.indikator_row("Indikator 2").get_by_role("link", name="Input Realisasi").click()
    page.wait_for_timeout(500)
    page.screenshot(path="/tmp/r/dialog.png")
    page.keyboard.press("Escape")
    page.set_viewport_size({"width": 390, "height": 844})
    page.wait_for_timeout(300)
    w = page.evaluate("[document.documentElement.scrollWidth, innerWidth]")
    print("WIDTH", w)
    page.screenshot(path="/tmp/r/phone.png", full_page=True)
