"""Kept routes (home/routing.py): a public address leads to its page without Wagtail's walk
down the tree after the first request, and never to a page it no longer leads to."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from tests.helpers import parse

pytestmark = pytest.mark.django_db

GROUP = "/en/groups/gresford-library/"


@pytest.fixture
def reader():
    return Client(enforce_csrf_checks=True)


@pytest.fixture
def library(make_group, locales):
    group = make_group("Gresford Library", summary="Books and a warm room.")
    group.save_revision().publish()
    return group


def served(reader, path):
    with CaptureQueriesContext(connection) as queries:
        response = reader.get(path)
    return response, [query["sql"] for query in queries]


def test_the_second_request_reads_neither_the_site_nor_the_pages_above(reader, library):
    first, first_queries = served(reader, GROUP)
    again, queries = served(reader, GROUP)
    assert first.status_code == again.status_code == 200
    assert parse(again).h1.get_text() == "Gresford Library"
    assert any("wagtailcore_site" in sql for sql in first_queries)
    assert not [sql for sql in queries if "wagtailcore_site" in sql or "wagtailcore_locale" in sql]
    assert len(queries) < len(first_queries)


def test_views_that_are_not_pages_read_no_site_either(reader, library):
    reader.get("/en/search/?q=library")
    search, queries = served(reader, "/en/search/?q=library")
    assert "Gresford Library" in parse(search).get_text()
    assert not [sql for sql in queries if "wagtailcore_site" in sql]


def test_each_language_keeps_its_own_route(reader, library, locales):
    welsh = library.copy_for_translation(locales["cy"])
    welsh.title, welsh.slug = "Llyfrgell Gresffordd", "llyfrgell-gresffordd"
    welsh.save_revision().publish()
    for _ in range(2):
        assert parse(reader.get(GROUP)).h1.get_text() == "Gresford Library"
        assert parse(reader.get("/cy/grwpiau/llyfrgell-gresffordd/")).h1.get_text() == "Llyfrgell Gresffordd"
    assert reader.get("/cy/grwpiau/gresford-library/").status_code == 404


def test_a_page_renamed_without_publishing_is_not_reached_at_its_old_address(reader, library, directory):
    reader.get("/en/groups/")
    reader.get(GROUP)  # kept as "start at the directory, then the child gresford-library"
    # Behind the cache's back (no signal, so the page-tree version stays where it was).
    index = directory["en"]
    Page.objects.filter(pk=index.pk).update(
        slug="community-groups", url_path=index.url_path.replace("/groups/", "/community-groups/")
    )
    assert reader.get("/en/groups/").status_code == 404
    assert reader.get(GROUP).status_code == 404


def test_a_page_taken_offline_or_made_private_behind_the_cache_is_not_shown(reader, library, make_group):
    reader.get(GROUP)
    Page.objects.filter(pk=library.pk).update(live=False)
    assert reader.get(GROUP).status_code == 404

    cafe = make_group("Rhos Cafe")
    reader.get("/en/groups/rhos-cafe/")
    PageViewRestriction.objects.create(page=cafe, restriction_type=PageViewRestriction.LOGIN)
    response = reader.get("/en/groups/rhos-cafe/")
    assert response.status_code == 302 and response["Location"].startswith("/en/_util/login/")


def test_a_public_page_is_served_without_reading_restrictions(reader, library):
    reader.get(GROUP)
    _, queries = served(reader, GROUP)
    assert not [sql for sql in queries if "wagtailcore_pageviewrestriction" in sql]


def test_a_private_section_and_every_alias_of_a_private_page_still_ask_for_sign_in(
    reader, library, directory, make_group, locales
):
    """Wagtail's rule, kept: restrictions cover the pages below, and an alias takes its source's."""
    for path in ("/en/groups/", GROUP, "/cy/grwpiau/"):
        reader.get(path)
    PageViewRestriction.objects.create(page=directory["en"], restriction_type=PageViewRestriction.LOGIN)
    private = make_group("Rhos Cafe")
    private.save_revision().publish()
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    private.copy_for_translation(locales["cy"], alias=True)  # made after the restriction
    for _ in range(2):
        assert reader.get(GROUP)["Location"].startswith("/en/_util/login/")
        assert reader.get("/en/groups/rhos-cafe/")["Location"].startswith("/en/_util/login/")
        assert b'name="password"' in reader.get("/cy/grwpiau/rhos-cafe/").content


def test_sub_routes_and_a_missing_page_still_route(reader, library):
    for _ in range(2):
        suggest = reader.get("/en/groups/suggest/")
        assert suggest.status_code == 200 and parse(suggest).h1.get_text() == "Suggest a group"
        assert reader.get("/en/groups/no-such-group/").status_code == 404
        assert reader.get("/en/groups/gresford-library/no-such-part/").status_code == 404


def test_a_welsh_alias_is_served_at_its_address_as_wagtail_serves_it(reader, library, locales):
    library.copy_for_translation(locales["cy"], alias=True)
    for _ in range(2):
        alias = reader.get("/cy/grwpiau/gresford-library/")
        assert alias.status_code == 200 and parse(alias).h1.get_text() == "Gresford Library"
