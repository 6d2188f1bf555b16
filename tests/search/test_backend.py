"""The search backend: on SQLite, one-pass ranking that orders results exactly as Wagtail's own
backend does; on PostgreSQL, Wagtail's backend unchanged."""

import pytest
from django.db import connection
from django.test.utils import override_settings
from django.utils import translation
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
                page.pk for number in paginator.page_range for page in queries.search(query, page_number=number)["page_of_results"]
            ]

    count, order = every_page_of_results({"default": {"BACKEND": "search.backend"}})
    assert count > 1 and len(order) == count
    assert (count, order) == every_page_of_results(WAGTAILS_OWN)
