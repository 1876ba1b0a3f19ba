"""Browser tests: the real app on a live server thread, driven by Debian's Chromium (Playwright).

The app here is NOT the session `app` of tests/conftest.py: it has CSRF enabled (as in production)
and its own file-backed SQLite database holding the demo agency, reloaded before every test.
"""

from __future__ import annotations

import os
import re
import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from webapp import create_app
from webapp.demo import DEMO_PASSWORD, load_demo
from webapp.extensions import db

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
NO_BROWSER = f"Chromium tidak ditemukan ({CHROMIUM}): uji browser dilewati"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
TIMEOUT_MS = 10_000  # a local server answers in milliseconds: fail fast, not after 30 s

JPT = "197202281999121001"  # Dr. ACHMAD SLAMET HIDAYAT, the demo JPT


def pytest_collection_modifyitems(config, items):
    """Every test under tests/e2e is a browser test (`-m "not e2e"` leaves them out)."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.path).parents:
            item.add_marker(pytest.mark.e2e)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    # Remember each phase's report on the item, so fixtures can see whether the test failed.
    report = yield
    setattr(item, "rep_" + report.when, report)
    return report


@pytest.fixture(autouse=True)
def _ctx():
    """Replaces tests/conftest.py's `_ctx`: browser tests do not use the session app at all."""
    yield


# --- the server ------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def e2e_app(tmp_path_factory):
    path = tmp_path_factory.mktemp("e2e") / "e2e.sqlite3"
    app = create_app(
        {
            "SECRET_KEY": "e2e",
            "SQLALCHEMY_DATABASE_URI": "sqlite:///" + str(path),
            "WTF_CSRF_ENABLED": True,
            # The limiter's on/off switch is shared by every app in the process (the last
            # init_app wins) and tests/views/test_auth.py needs it on: keep it on, with the
            # generous limits of tests/conftest.py.
            "LOGIN_SLOWDOWN_FREE": 10000,
            "LOGIN_RATE_LIMIT_PER_ADDRESS": "10000 per minute",
            "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",  # fast in tests only
        }
    )
    with app.app_context():
        db.create_all()
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


@pytest.fixture(scope="session")
def live_server(e2e_app):
    """The app served by werkzeug on a free port, in a daemon thread; yields its base URL."""
    server = make_server("127.0.0.1", 0, e2e_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="e2e-server", daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)


def reset_demo(app) -> None:
    """Empty every table and load the demo agency again (the schema stays)."""
    with app.app_context():
        db.session.remove()
        with db.engine.begin() as conn:
            # The models have foreign-key cycles: check them at COMMIT, when all is empty.
            conn.exec_driver_sql("PRAGMA defer_foreign_keys=ON")
            for table in reversed(db.metadata.sorted_tables):
                conn.execute(table.delete())
        load_demo()
        db.session.remove()


@pytest.fixture
def base_url(e2e_app, live_server):
    """The live server with freshly loaded demo data: every test starts from the same agency."""
    reset_demo(e2e_app)
    return live_server


# --- the browser -----------------------------------------------------------------------------


def _no_browser():
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(NO_BROWSER + " — REQUIRE_BROWSER=1: gagal", pytrace=False)
    pytest.skip(NO_BROWSER)


@pytest.fixture(scope="session")
def browser():
    if not os.access(CHROMIUM, os.X_OK):
        _no_browser()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - the dev extras install it
        _no_browser()
    pw = sync_playwright().start()
    browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
    yield browser
    browser.close()
    pw.stop()


def _artifact_name(item) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", item.nodeid)[-150:]


def _page(request, browser, base_url, **context_options):
    context = browser.new_context(base_url=base_url, locale="id-ID", **context_options)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    # Whatever goes wrong in the browser is a failure even if the test's own checks pass.
    page.problems = []
    page.on("pageerror", lambda exc: page.problems.append(f"JS error: {exc}"))
    # A Content-Security-Policy violation (an inline script or style, an eval in htmx) is one
    # too: Chromium reports it on the console ("Refused to … Content Security Policy …").
    page.on(
        "console",
        lambda m: (
            m.type == "error"
            and "Content Security Policy" in m.text
            and page.problems.append(f"CSP: {m.text}")
        ),
    )
    page.on(
        "response",
        lambda r: (
            r.status >= 500 and page.problems.append(f"{r.status} {r.request.method} {r.url}")
        ),
    )
    yield page
    call = getattr(request.node, "rep_call", None)
    if call is not None and call.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        name = _artifact_name(request.node)
        try:
            page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
            (ARTIFACTS / f"{name}.html").write_text(page.content())
        except Exception as exc:  # the page may be gone; the test's own failure matters more
            print(f"no screenshot: {exc}")
    context.close()
    if call is not None and call.passed:
        assert not page.problems, page.problems


@pytest.fixture
def page(request, browser, base_url):
    """A fresh browser context (no cookies) with JavaScript on."""
    yield from _page(request, browser, base_url)


@pytest.fixture
def page_nojs(request, browser, base_url):
    """A fresh browser context with JavaScript off: forms post and pages reload."""
    yield from _page(request, browser, base_url, java_script_enabled=False)


def login_as(page, nip: str, password: str = DEMO_PASSWORD) -> None:
    """The login form, filled in by its labels, as a user does."""
    page.goto("/login")
    page.get_by_label("NIP").fill(nip)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_load_state()
