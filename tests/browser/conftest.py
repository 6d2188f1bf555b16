"""Real-browser tests: Debian's Chromium, driven by Playwright, against pytest-django's live server.

Run them with ``.venv/bin/python -m pytest -q tests/browser`` (or ``-m browser``; skip them with
``-m "not browser"``). They need ``apt-get install chromium`` and the pins in
requirements-dev.txt; no browser is ever downloaded (never run ``playwright install``).

The demo content is loaded once for the whole package and *committed*, because the live server
answers from another thread (on PostgreSQL, with another connection): data inside a test's
transaction would be invisible to it. Afterwards the database is flushed and put back as the
migrations left it (``tests.conftest.committed_then_put_back``). Every test only reads that site.
"""

import os
from io import StringIO
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import call_command
from playwright.sync_api import sync_playwright

from tests.conftest import committed_then_put_back

from .pages import DESKTOP

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_configure(config):
    config.addinivalue_line("markers", "browser: runs in a real browser (Chromium through Playwright)")


@pytest.fixture(scope="package")
def browser_site(django_db_setup, django_db_blocker):
    """The demo site, committed once for every browser test, then removed again."""
    with committed_then_put_back(django_db_blocker):
        call_command("load_demo_content", stdout=StringIO())
        cache.clear()
        yield


@pytest.fixture(scope="package")
def browser(browser_site):
    """One Chromium for all the browser tests; each test gets a fresh context from ``open_page``.

    Scoped to this package rather than the session, and started only after the demo site is in
    the database: Playwright's sync API keeps an asyncio loop running in this thread, and
    Django refuses database calls from a thread with a running loop (SynchronousOnlyOperation).
    So the database work happens before Chromium starts and after it stops, and tests outside
    this package never run beside that loop.
    """
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: `make chromium` installs Debian's chromium")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield chromium
        chromium.close()


@pytest.fixture
def transactional_db(browser_site):
    """What ``live_server`` asks for here: the committed demo site above.

    pytest-django makes every test that uses ``live_server`` request ``transactional_db``, whose
    flush after each test would throw the shared demo site away (and the seconds it takes to
    load). These tests only read, so they share it instead.
    """


@pytest.fixture
def open_page(browser):
    """Open a page in a fresh browser context: ``open_page(width=320, javascript=False)``."""
    contexts = []

    def open_(width=DESKTOP, height=900, javascript=True):
        context = browser.new_context(
            viewport={"width": width, "height": height},
            java_script_enabled=javascript,
            service_workers="block",
        )
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield open_
    for context in contexts:
        context.close()
