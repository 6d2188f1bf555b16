"""The search backend: on SQLite, one-pass ranking that orders results exactly as Wagtail's own
backend does; on PostgreSQL, Wagtail's backend unchanged."""

import pytest
from django.db import connection
from django.test.utils import override_settings
from django.utils import translation
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from search import queries

pytestmark = pytest.mark.django_db

WAGTAILS_OWN = {"default": {"BACKEND": "wagtail.search.backends.database"}}


def test_sqlite_gets_the_one_pass_ranking_and_other_databases_wagtails_backend(db):
    ranked = type(get_search_backend()).__name__ == "RankedSQLiteSearchBackend"
    assert ranked == (connection.vendor == "sqlite")


@pytest.mark.parametrize(
    ("language", "query"),
    [("en", "community"), ("en", "repair cafe"), ("en", "library"), ("cy", "gymuned"), ("cy", "gwirfoddoli")],
)
def test_results_come_in_the_same_order_as_with_wagtails_own_backend(demo_content, language, query):
    def every_page_of_results(settings):
        with override_settings(WAGTAILSEARCH_BACKENDS=settings), translation.override(language):
            found = queries.search(query)
            paginator = found["page_of_results"].paginator
            return paginator.count, [
                page.pk
                for number in paginator.page_range
                for page in queries.search(query, page_number=number)["page_of_results"]
            ]

    count, order = every_page_of_results({"default": {"BACKEND": "search.backend"}})
    assert count > 1 and len(order) == count
    assert (count, order) == every_page_of_results(WAGTAILS_OWN)


@pytest.mark.parametrize(
    "path",
    [
        "/admin/pages/search/?q=comm",  # the admin's page search
        "/admin/choose-page/search/?q=comm",  # the page chooser's search
        "/admin/images/?q=comm",
        "/admin/documents/?q=comm",
    ],
)
def test_admin_searches_find_pages_by_the_start_of_a_word(client, django_user_model, demo_content, path):
    """The admin searches with ``.autocomplete()`` (the last word a prefix), not ``.search()``."""
    client.force_login(django_user_model.objects.create_superuser("council", "c@wrexham.example", "pw"))
    response = client.get(path)
    assert response.status_code == 200
    if "page" in path:
        assert "Community groups" in response.content.decode()


@pytest.mark.parametrize(
    ("language", "prefix"), [("en", "comm"), ("en", "repair ca"), ("en", "lib"), ("cy", "gymu")]
)
def test_autocomplete_comes_in_the_same_order_as_with_wagtails_own_backend(demo_content, language, prefix):
    def autocompleted(settings):
        with override_settings(WAGTAILSEARCH_BACKENDS=settings):
            pages = Page.objects.live().filter(locale=Locale.objects.get(language_code=language))
            return [page.pk for page in get_search_backend().autocomplete(prefix, pages)]

    order = autocompleted({"default": {"BACKEND": "search.backend"}})
    assert len(order) > 1
    assert order == autocompleted(WAGTAILS_OWN)
