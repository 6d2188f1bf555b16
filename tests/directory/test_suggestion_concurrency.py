"""A double click, or many readers at once, never gives a 500 nor a second draft.

The posts go through pytest-django's live server, so each is answered in a thread of its own
(on PostgreSQL with a database connection of its own) while the others are under way.
"""

import threading
import urllib.error
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar

import pytest
from bs4 import BeautifulSoup
from django.db import connection

from directory.models import GroupPage, GroupSuggestion
from tests.conftest import committed_then_put_back

POSTS = 12
SUGGESTION = {
    "name": "Brymbo Knitters",
    "description": "We knit for the neonatal unit.",
    "submitter_email": "resident@example.org",
    "consent": "on",
}


@pytest.fixture
def committed_db(django_db_setup, django_db_blocker):
    with committed_then_put_back(django_db_blocker):
        yield


@pytest.fixture
def db(committed_db):
    """The fixtures' pages are committed, so that the live server's threads see them."""


@pytest.fixture
def transactional_db(committed_db):
    """What ``live_server`` asks for: the same committed database, put back afterwards."""


@pytest.fixture
def suggest_url(live_server, directory, settings):
    settings.TRUSTED_PROXY_COUNT = 1  # each reader their own address, so the hourly limit lets all through
    return live_server.url + "/en/groups/suggest/"


@pytest.fixture
def one_request_at_a_time_on_sqlite(live_server):
    """On SQLite the live server's threads share the test's one in-memory connection, which
    cannot run two transactions at once, so there the posts queue (as SQLite's writers do)."""
    if connection.vendor != "sqlite":
        yield
        return
    server = live_server.thread.httpd
    application, lock = server.get_app(), threading.Lock()

    def one_at_a_time(environ, start_response):
        with lock:
            return application(environ, start_response)

    server.set_app(one_at_a_time)
    yield
    server.set_app(application)


def open_form(url, address):
    """A reader's browser: their own cookies, the form's CSRF token, their own address."""
    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
    browser.addheaders = [("X-Forwarded-For", address)]
    with browser.open(url) as form_page:
        token = BeautifulSoup(form_page.read(), "html.parser").select_one(
            'input[name="csrfmiddlewaretoken"]'
        )["value"]
    return browser, token


def post_all_at_once(url, forms):
    """Send every (browser, data) at the same moment; the status of each answer."""
    start = threading.Barrier(len(forms))
    statuses = []

    def post(browser, data):
        start.wait()
        try:
            with browser.open(url, urllib.parse.urlencode(data).encode()) as response:
                statuses.append(response.status)  # the thanks page, after the redirect
        except urllib.error.HTTPError as error:
            statuses.append(error.code)

    threads = [threading.Thread(target=post, args=form) for form in forms]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses


def test_suggestions_sent_at_once_make_one_draft_each_under_its_own_address(
    suggest_url, one_request_at_a_time_on_sqlite
):
    # Half the posts are one reader's repeated clicks; the other half suggest a group of the
    # same name, each from another reader.
    forms = []
    for number in range(POSTS):
        email = "resident@example.org" if number % 2 else f"reader{number}@example.org"
        browser, token = open_form(suggest_url, f"203.0.113.{number + 1}")
        forms.append((browser, {**SUGGESTION, "submitter_email": email, "csrfmiddlewaretoken": token}))
    assert post_all_at_once(suggest_url, forms) == [200] * POSTS
    drafts = POSTS // 2 + 1
    assert GroupSuggestion.objects.filter(submitter_email="resident@example.org").count() == 1
    slugs = sorted(GroupPage.objects.filter(title="Brymbo Knitters").values_list("slug", flat=True))
    assert slugs == sorted(
        ["brymbo-knitters"] + [f"brymbo-knitters-{number}" for number in range(2, drafts + 1)]
    )
