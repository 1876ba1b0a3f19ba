"""Security headers on every response, and no page that needs an inline script or style (issue 6
§6; docs/decisions/0008-security-headers.md). Chromium runs the CSP in tests/e2e."""

import re
from pathlib import Path

import pytest

from tests.access_rules import RULES
from webapp.headers import CSP

WEBAPP = Path(__file__).resolve().parents[2] / "webapp"
SAFE = {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}
# What the CSP would refuse in a page: a script without src, an on…= handler, a style attribute
# or element, htmx's eval-based hx-on / hx-vals "js:", a javascript: URL.
INLINE = re.compile(
    r"<script(?![^>]*\bsrc=)[^>]*>|\son[a-z]+\s*=|\sstyle\s*=|<style|hx-on|js:|javascript:", re.I
)


def assert_secure(response, cache: bool = False):
    for name, value in SAFE.items():
        assert response.headers[name] == value, name
    csp = response.headers["Content-Security-Policy"]
    assert csp == CSP
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    if not cache:
        assert response.headers["Cache-Control"] == "no-store"


def test_a_logged_in_page_and_its_fragment(world, login):
    owner = login(world.owner)
    for r in (owner.get("/perjanjian-kinerja/"), owner.hx_get("/perjanjian-kinerja/")):
        assert r.status_code == 200
        assert_secure(r)


def test_redirects_errors_and_the_login_page(world, login, client):
    owner = login(world.owner)
    assert_secure(owner.get("/perjanjian-kinerja/99999"))  # 404
    assert_secure(owner.post("/logout"))  # 302
    assert_secure(client.get("/login"))
    assert_secure(client.get("/"))  # 302 to the login page


def test_static_files_keep_their_long_cache(client):
    r = client.get("/static/app.js")
    assert r.status_code == 200
    assert_secure(r, cache=True)
    assert "max-age=31536000" in r.headers["Cache-Control"]
    assert "no-store" not in r.headers["Cache-Control"]


def test_htmx_evaluates_nothing_and_injects_no_style(client):
    html = client.get("/login").get_data(as_text=True)
    config = re.search(r'name="htmx-config" content=\'([^\']+)\'', html).group(1)
    for setting in (
        '"allowEval":false',
        '"allowScriptTags":false',
        '"includeIndicatorStyles":false',
    ):
        assert setting in config


@pytest.mark.parametrize(
    "path", sorted(p for p in WEBAPP.rglob("*.html") if "print" not in p.parts), ids=str
)
def test_no_template_needs_inline_script_or_style(path):
    found = INLINE.findall(path.read_text())
    assert not found, f"{path.relative_to(WEBAPP)}: {found}"


def test_no_rendered_page_needs_inline_script_or_style(app, world, login):
    """Every GET route, as a role that may open it, page and fragment."""
    actors = {}
    checked = 0
    for endpoint, entry in sorted(RULES.items()):
        if entry.get is None or endpoint == "static":
            continue
        allowed = [r for r, s in entry.get.items() if s == 200]
        if not allowed:
            continue
        role = "owner" if "owner" in allowed else allowed[-1]
        if role not in actors:
            actors[role] = login(None if role == "anonymous" else getattr(world, role))
        for r in (actors[role].get(entry.url(world)), actors[role].hx_get(entry.url(world))):
            body = r.get_data(as_text=True)
            assert not INLINE.findall(body), (endpoint, INLINE.findall(body))
            assert_secure(r)
            checked += 1
    assert checked > 40
