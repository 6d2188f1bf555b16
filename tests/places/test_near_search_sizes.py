"""The site search near a postcode at sizes: paging that keeps the place, and queries that stay
flat (tests/places/test_near_search.py has the shared listings, which these would disturb)."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from events.models import EventPage
from tests.helpers import parse

from .test_near_search import add_page, at, titles

pytestmark = pytest.mark.django_db


def test_the_search_form_works_without_javascript_and_pages_keep_the_place(make_group, postcodes, topics):
    for number in range(25):
        make_group(
            f"Food Group {number:02d}",
            summary="Food for all",
            topics=[topics["food"]],
            **at((f"{53.08 + number / 1000:.6f}", "-2.98")),
        )
    first = parse(Client().get("/en/search/?q=food&near=LL12+0AB&within=3&topic=food"))
    form = first.select_one("form.search-form")
    assert form["method"] == "get"
    assert {field["name"] for field in form.select("input, select")} >= {"q", "near", "within", "topic"}
    assert titles(first) == [f"Food Group {number:02d}" for number in range(20)]
    next_link = first.select_one('.pagination a[rel="next"]')["href"]
    assert "near=LL12" in next_link and "within=3" in next_link and "topic=food" in next_link
    second = parse(Client().get("/en/search/" + next_link))
    assert titles(second) == [f"Food Group {number:02d}" for number in range(20, 25)]


def count_queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert len(parse(response).select(".distance")) == 20  # the distance filter did run
    return len(queries)


def test_queries_stay_flat(make_group, postcodes, venues, event_index):
    client = Client()
    path = "/en/search/?q=food&near=LL12+0AB&within=5"

    def add(start, end):
        for number in range(start, end):
            make_group(
                f"Food Group {number:03d}", summary="Food", **at((f"{53.05 + number / 10000:.6f}", "-2.99"))
            )
            add_page(
                event_index["en"],
                EventPage(
                    title=f"Food Event {number:03d}",
                    summary="Food",
                    start_date="2026-12-05",
                    venue=venues["llay"],
                ),
            )

    add(0, 15)
    client.get(path)
    cache.clear()
    at_15_each = count_queries(client, path)
    add(15, 75)
    cache.clear()
    # The nearest 20 are then all events (one type fewer to fetch), never more queries.
    # 21: the search page's cards now fetch their topics for the pictogram (one query for the page).
    assert count_queries(client, path) <= at_15_each <= 21
