"""The crawl: every screen and dialog each demo role can reach, on a phone and on a desktop.

Logged in as each demo role, the crawl follows every menu entry and every same-site link (GET
only: nothing is submitted, Keluar is never clicked), and opens every link that loads a dialog
(by keyboard). URLs are deduplicated by their pattern (numbers replaced), at most
`PER_PATTERN` of each, so a new screen joins by itself and the run stays short. On every screen
and open dialog, at 390 x 844 and 1366 x 768:

- the page is no wider than the viewport (`scrollWidth <= innerWidth`);
- every row action (a link or button in a table row) can be brought into the viewport (its own
  table box scrolls sideways, ADR 0018) and is not covered by anything (a click would reach it);
- axe-core (tests/e2e/vendor/axe.min.js) finds no serious or critical violation;
- on the phone, every control (button, icon, select, field, menu and table link) is a tap target
  of at least 44 x 44 px.

axe-core is served to the page from a same-origin URL that the browser context answers itself, so
the app's Content-Security-Policy stays on: a CSP violation, a JS error or a 5xx anywhere in the
crawl fails it too. Dialogs must also be usable by keyboard alone: opened with Enter, focus is inside; Escape closes
it and focus is back on the link that opened it. The menu screens' first visit (HTML, gzip) stays
within `BUDGET`. Set PHONE_SHOTS=/some/dir to keep a phone-size screenshot of each screen.
"""

from __future__ import annotations

import gzip
import os
import re
from collections import Counter, deque
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.e2e.conftest import ARTIFACTS, JPT, TIMEOUT_MS, login_as
from webapp.extensions import db
from webapp.models import Pegawai, PermintaanAtasan

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
AXE_URL = "/__e2e__/axe.min.js"  # answered by the browser context from AXE, never by the app
ROLES = {
    "jpt": JPT,  # Dr. ACHMAD SLAMET HIDAYAT: JPT, atasan
    "jf": "199111232019031005",  # IRDIAN NOVA ALEXCANDRA: JF
    "admin": "198511302009011004",  # OPERATOR KINERJA: operator and admin
}
ZAHARA = "198806142010122003"
VIEWPORTS = {"phone": (390, 844), "desktop": (1366, 768)}
PER_PATTERN = 1  # screens per URL pattern (the machine is small; raise it to see more data)
MAX_SCREENS = 120  # per role: a runaway crawl fails instead of running for ever
BUDGET = 14 * 1024  # first visit of a menu screen, HTML gzipped: one initial TCP window
SKIP = re.compile(r"^/(logout|static/)|\.(pdf|csv|xlsx?)$|/(cetak|unduh|download|pdf)(/|$)")

# A row action (link or button in a table row) brought into view the way a user would (the
# page scrolls, its table box scrolls sideways), then hit-tested: what a tap there reaches.
CHECK_JS = """
(scope) => {
  const out = [];
  const root = scope ? document.querySelector(scope) : document;
  const de = document.documentElement;
  if (de.scrollWidth > innerWidth)
    out.push(`page is ${de.scrollWidth}px wide in a ${innerWidth}px viewport`);
  if (scope) {
    const d = root.querySelector("dialog");
    const r = d && d.getBoundingClientRect();
    if (r && (r.left < -0.5 || r.right > innerWidth + 0.5))
      out.push(`dialog spans x=${Math.round(r.left)}..${Math.round(r.right)}`);
  }
  const boxes = new Set();
  const actions = [...root.querySelectorAll("tr a[href], tr button")]
    .filter((e) => e.getClientRects().length && getComputedStyle(e).visibility !== "hidden");
  for (const el of actions) {
    el.scrollIntoView({block: "center", inline: "center"});
    for (let p = el.parentElement; p; p = p.parentElement)
      if (p.scrollLeft) boxes.add(p);
    const r = el.getBoundingClientRect();
    const name = (el.getAttribute("aria-label") || el.textContent).trim().slice(0, 40);
    const cx = r.left + r.width / 2, cy = r.top + r.height / 2;
    const hit = document.elementFromPoint(cx, cy);
    if (r.left < -0.5 || r.right > innerWidth + 0.5)
      out.push(`row action "${name}" at x=${Math.round(r.left)}..${Math.round(r.right)}`);
    else if (!hit || !(hit === el || el.contains(hit)))
      out.push(`row action "${name}" is covered by <${hit ? hit.tagName.toLowerCase() : "?"}>`);
  }
  if (innerWidth <= 700) {  // a phone: every control is a tap target of at least 44 x 44 px
    const controls = root.querySelectorAll(
      "button, .button, .icon, summary, select, nav a, td a, header a, " +
      "input:not([type=hidden]):not([type=checkbox]):not([type=radio])");
    for (const el of controls) {
      const r = el.getBoundingClientRect();
      if (!el.getClientRects().length || getComputedStyle(el).visibility === "hidden") continue;
      if (r.width < 43.5 || r.height < 43.5) {
        const name = (el.getAttribute("aria-label") || el.textContent || el.name || el.tagName)
          .trim().slice(0, 40);
        out.push(`tap target "${name}" is ${Math.round(r.width)}x${Math.round(r.height)} px`);
      }
    }
  }
  boxes.forEach((b) => { b.scrollLeft = 0; });
  scrollTo(0, 0);
  return out;
}
"""

AXE_JS = """
async (scope) => {
  const context = scope ? document.querySelector(scope) : document;
  const result = await axe.run(context, {resultTypes: ["violations"]});
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `axe ${v.impact} ${v.id}: ${v.help} — ` +
      v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | "));
}
"""

LINKS_JS = """
() => [...document.querySelectorAll("a[href]")]
  .filter((a) => a.origin === location.origin)
  .map((a) => ({
    href: a.pathname + a.search,
    dialog: a.getAttribute("hx-target") === "#modal-root",
  }))
"""


def pattern(url: str) -> str:
    """/skp-jpt/12/rencana/3?jenis=utama -> /skp-jpt/#/rencana/#; every Hapus page is one."""
    path = url.split("?")[0]
    return "hapus" if path.endswith("/hapus") else re.sub(r"\d+", "#", path)


def _fixed(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", text.replace("#", "N")).strip("_")[:80] or "root"


class Crawl:
    def __init__(self, page, role: str):
        self.page = page
        self.role = role
        self.problems: list[str] = []
        self.screens: list[str] = []
        self.dialogs: list[str] = []
        self.sizes: dict[str, int] = {}
        self.shots = os.environ.get("PHONE_SHOTS")

    # --- checks --------------------------------------------------------------------------

    def check(self, where: str, scope: str | None = None) -> None:
        page = self.page
        found = page.evaluate(CHECK_JS, scope)
        if not page.evaluate("!!window.axe"):
            page.add_script_tag(url=AXE_URL)
        found += page.evaluate(AXE_JS, scope)
        self.problems += [f"{where}: {p}" for p in found]

    def shot(self, name: str) -> None:
        if self.shots:
            Path(self.shots).mkdir(parents=True, exist_ok=True)
            self.page.screenshot(path=f"{self.shots}/{self.role}-{_fixed(name)}.png")

    # --- screens and dialogs -------------------------------------------------------------

    def visit(self, url: str, new_dialog) -> list[str]:
        """Check the screen at `url` and the dialogs its links open; return its links."""
        page = self.page
        response = page.goto(url)
        if response is None or response.status >= 400:
            status = response.status if response else "no response"
            self.problems.append(f"[{self.role}] {url}: HTTP {status}")
            return []
        if "text/html" not in response.headers.get("content-type", ""):
            return []
        self.screens.append(url)
        links = page.evaluate(LINKS_JS)
        dialogs = [link["href"] for link in links if link["dialog"] and new_dialog(link["href"])]
        self.dialogs += dialogs
        for size, (width, height) in VIEWPORTS.items():
            page.set_viewport_size({"width": width, "height": height})
            page.evaluate("() => new Promise((r) => requestAnimationFrame(() => setTimeout(r)))")
            where = f"[{self.role} {size}] {url}"
            self.check(where)
            if size == "phone":
                self.shot(pattern(url))
            for href in dialogs:
                self.open_dialog(f"{where} dialog {href}", href, shot=size == "phone")
        return [link["href"] for link in links]

    def open_dialog(self, where: str, href: str, shot: bool) -> None:
        """Open a dialog by keyboard (Enter on its link), check it, close it with Escape."""
        page = self.page
        opener = page.locator(f'a[hx-target="#modal-root"][href="{href}"]').first
        opener.focus()
        opener.press("Enter")
        dialog = page.locator("#modal-root dialog[open]")
        dialog.wait_for()
        if not page.evaluate("document.activeElement.closest('dialog[open]') !== null"):
            self.problems.append(f"{where}: focus is not inside the dialog")
        self.check(where, "#modal-root")
        if shot:
            self.shot("dialog" + pattern(href))
        page.keyboard.press("Escape")
        dialog.wait_for(state="detached")
        if not page.evaluate(
            "(h) => document.activeElement && document.activeElement.getAttribute('href') === h",
            href,
        ):
            self.problems.append(f"{where}: focus did not return to its opener after Escape")

    def run(self) -> None:
        page = self.page
        page.goto("/")
        menu = page.evaluate(
            "() => [...document.querySelectorAll('nav.menu a')].map((a) => a.pathname + a.search)"
        )
        assert menu, f"{self.role}: no menu"
        for url in menu:
            self.sizes[url] = len(gzip.compress(page.request.get(url).body()))
        queue = deque(["/", *menu])
        seen: set[str] = set()
        per_pattern: Counter[str] = Counter()
        dialog_patterns: set[str] = set()

        def new_dialog(href: str) -> bool:
            if SKIP.search(href) or pattern(href) in dialog_patterns:
                return False
            dialog_patterns.add(pattern(href))
            return True

        while queue:
            url = queue.popleft()
            if url in seen or SKIP.search(url) or per_pattern[pattern(url)] >= PER_PATTERN:
                continue
            seen.add(url)
            per_pattern[pattern(url)] += 1
            assert len(seen) <= MAX_SCREENS, f"{self.role}: more than {MAX_SCREENS} screens"
            # A dialog's URL without JS is a screen of its own: it is queued as well.
            queue.extend(self.visit(url, new_dialog))


@pytest.fixture
def waiting(e2e_app, base_url):
    """The demo agency plus what makes conditional screens appear: ZAHARA asks ACHMAD to be her
    Atasan II, so "Persetujuan Atasan" is in his menu (it shows only while someone waits)."""
    with e2e_app.app_context():
        nip = {p.nip: p for p in db.session.scalars(select(Pegawai))}
        db.session.add(
            PermintaanAtasan(pegawai=nip[ZAHARA], tingkat="ii", atasan=nip[ROLES["jpt"]])
        )
        db.session.commit()
        db.session.remove()
    return base_url


@pytest.fixture
def crawl_page(browser, base_url, waiting):
    # axe-core is served as if it were one of the app's own files, so the app's
    # Content-Security-Policy (script-src 'self') stays on and its violations are caught.
    context = browser.new_context(base_url=base_url, locale="id-ID")
    context.set_default_timeout(TIMEOUT_MS)
    context.route(
        "**" + AXE_URL,
        lambda route: route.fulfill(path=str(AXE), content_type="text/javascript"),
    )
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(f"JS error: {exc}"))
    page.on(
        "console",
        lambda m: (
            m.type == "error"
            and "Content Security Policy" in m.text
            and errors.append(f"CSP on {page.url}: {m.text}")
        ),
    )
    page.on(
        "response",
        lambda r: r.status >= 500 and errors.append(f"{r.status} {r.request.method} {r.url}"),
    )
    page.errors = errors
    yield page
    context.close()


def test_login_screen(crawl_page):
    crawl = Crawl(crawl_page, "anonymous")
    crawl.visit("/login", lambda href: True)
    assert crawl.screens == ["/login"]
    problems = crawl.problems + crawl_page.errors
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("role", ROLES)
def test_every_screen_fits_and_is_accessible(crawl_page, role):
    login_as(crawl_page, ROLES[role])
    crawl = Crawl(crawl_page, role)
    crawl.run()
    print(
        f"\n{role}: {len(crawl.screens)} screens, {len(crawl.dialogs)} dialogs, "
        f"{len(crawl.problems)} problems; first visit (gzip B): {crawl.sizes}"
    )
    assert len(crawl.screens) >= 3, crawl.screens
    problems = crawl.problems + crawl_page.errors
    problems += [
        f"[{role}] {url}: first visit {size} B gzip > {BUDGET} B"
        for url, size in crawl.sizes.items()
        if size > BUDGET
    ]
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"crawl-{role}.txt").write_text(
        "\n".join(
            ["screens:", *crawl.screens, "dialogs:", *crawl.dialogs]
            + ["first visit (HTML, gzip bytes):"]
            + [f"{size} {url}" for url, size in crawl.sizes.items()]
            + ["problems:", *problems]
        )
    )
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems)
