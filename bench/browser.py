"""Chromium (Playwright, the Chrome DevTools Protocol): bytes over the wire and requests of a
cold first visit of each screen, each inline action's bytes, and the same on a slow link
(400 kbit/s each way, 400 ms latency): cold visit and click → row updated."""

from __future__ import annotations

import time

from bench.screens import ACTIONS, SCREENS

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
SLOW = {
    "offline": False,
    "latency": 400,
    "downloadThroughput": 400_000 / 8,
    "uploadThroughput": 400_000 / 8,
}


class Wire:
    """Counts what crosses the network for one page via CDP Network events."""

    def __init__(self, context, page, slow: bool):
        self.cdp = context.new_cdp_session(page)
        self.cdp.send("Network.enable")
        self.cdp.send("Network.setCacheDisabled", {"cacheDisabled": False})
        if slow:
            self.cdp.send("Network.emulateNetworkConditions", SLOW)
        self.reset()
        self.cdp.on("Network.requestWillBeSent", self._sent)
        self.cdp.on("Network.loadingFinished", self._finished)
        self.cdp.on("Network.loadingFailed", self._failed)

    def reset(self):
        self.requests, self.down, self.up, self.failed = 0, 0, 0, 0

    def _sent(self, e):
        self.requests += 1
        self.up += len((e["request"].get("postData") or "").encode())

    def _finished(self, e):
        self.down += int(e["encodedDataLength"])

    def _failed(self, e):
        self.failed += 1


def _context(browser, base: str, cookie: str):
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    context.set_default_timeout(60_000)
    cookies = []
    for part in cookie.split("; "):
        name, _, value = part.partition("=")
        cookies.append({"name": name, "value": value, "url": base})
    context.add_cookies(cookies)
    return context


def _path(template: str, v: dict) -> str:
    from bench.inprocess import _url

    return _url(template, v)


def measure(base: str, cookies: dict[str, str], v: dict, slow_link: bool = True) -> dict:
    """`cookies`: role → Cookie header of a logged-in session; `v`: the SKP measured."""
    from playwright.sync_api import sync_playwright

    out = {"screens": [], "actions": [], "slow": []}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            for screen in SCREENS:
                context = _context(browser, base, cookies[screen.role])
                page = context.new_page()
                wire = Wire(context, page, slow=False)
                page.goto(base + _path(screen.path, v), wait_until="networkidle")
                out["screens"].append(
                    {"screen": screen.name, "bytes": wire.down, "requests": wire.requests}
                )
                context.close()
            for n, action in enumerate(ACTIONS, start=1):
                out["actions"].append(_action(browser, base, cookies, action, v, n, slow=False))
            if slow_link:
                skp_screen = next(s for s in SCREENS if s.per_skp and s.role == "owner")
                context = _context(browser, base, cookies["owner"])
                page = context.new_page()
                Wire(context, page, slow=True)
                t0 = time.perf_counter()
                page.goto(base + _path(skp_screen.path, v), wait_until="load")
                out["slow"].append(
                    {"what": f"cold visit: {skp_screen.name}", "s": time.perf_counter() - t0}
                )
                context.close()
                for n, action in enumerate(ACTIONS, start=100):
                    r = _action(browser, base, cookies, action, v, n, slow=True)
                    out["slow"].append(
                        {"what": f"click → row updated: {action.name}", "s": r["click_s"]}
                    )
        finally:
            browser.close()
    return out


def _action(browser, base, cookies, action, v, n: int, slow: bool) -> dict:
    context = _context(browser, base, cookies[action.role])
    page = context.new_page()
    wire = Wire(context, page, slow=slow)
    page.goto(base + _path(action.page, v), wait_until="networkidle")
    wire.reset()
    page.locator(_path(action.row, v)).get_by_role("link", name=action.link).first.click()
    dialog = page.get_by_role("dialog", name=action.title)
    dialog.wait_for()
    page.wait_for_timeout(500)  # lets the last CDP events (loadingFinished) arrive
    dialog_bytes, dialog_requests = wire.down, wire.requests
    for label, value in action.fill.items():
        dialog.get_by_label(label, exact=True).fill(value.format(n=n))
    wire.reset()
    expected = action.expect.format(n=n)
    t0 = time.perf_counter()
    dialog.get_by_role("button", name=action.submit).click()
    try:
        page.locator("tr", has_text=expected).first.wait_for(timeout=30_000)
    except Exception:
        errors = " | ".join(page.locator(".error").all_inner_texts())
        raise RuntimeError(f"{action.name}: {expected!r} did not show; errors: {errors}") from None
    click_s = time.perf_counter() - t0
    page.wait_for_timeout(3000 if slow else 500)  # the save's loadingFinished, footer refreshes
    result = {
        "action": action.name,
        "dialog_bytes": dialog_bytes,
        "dialog_requests": dialog_requests,
        "up_bytes": wire.up,
        "down_bytes": wire.down,
        "requests": wire.requests,  # the save and the footers that fetch themselves after it
        "click_s": click_s,
    }
    context.close()
    return result
