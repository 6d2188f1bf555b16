from datetime import time, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from directory.models import GroupPage
from events.models import EventCancelledDate, EventPage, Venue
from home.page_cache import forget_page_tree
from tests.helpers import translate


@pytest.fixture(autouse=True)
def fixed_clock(now):
    """Every events test runs at the root conftest's fixed "now"."""


@pytest.fixture
def venues(areas):
    return {
        "stiwt": Venue.objects.create(
            name="The Stiwt",
            name_cy="Y Stiwt",
            address="Broad Street\nRhosllanerchrugog",
            address_cy="Stryt Lydan\nRhosllannerchrugog",
            postcode="LL14 1RB",
            area=areas["rhos"],
            latitude="53.011",
            longitude="-3.058",
        ),
        "hall": Venue.objects.create(
            name="Gresford Memorial Hall",
            name_cy="Neuadd Goffa Gresffordd",
            address="Chester Road, Gresford",
            postcode="LL12 8NU",
            area=areas["gresford"],
        ),
    }


@pytest.fixture
def make_event(event_index):
    """Add a live event to the listing of ``language``, ``days`` from today; returns the page.

    It starts at 10:00 and ends at 12:00 unless told otherwise; pass start_time=None and
    end_time=None for an all-day event.
    """

    def make(title, language="en", days=0, topics=(), cancelled=(), **fields):
        fields.setdefault("start_date", timezone.localdate() + timedelta(days=days))
        fields.setdefault("start_time", time(10))
        fields.setdefault("end_time", time(12))
        fields.setdefault("summary", f"About {title}")
        event = EventPage(title=title, live=True, **fields)
        event.topics.set(topics)
        event.cancelled_dates = [EventCancelledDate(date=day) for day in cancelled]
        event_index[language].add_child(instance=event)
        forget_page_tree()  # as publishing it would
        return event

    return make


@pytest.fixture
def group_pages(directory, locales):
    """A directory with one group, in English and Welsh."""
    group = GroupPage(title="Rhos Community Café", slug="rhos-community-cafe", summary="Tea and talk")
    directory["en"].add_child(instance=group)
    group.save_revision().publish()
    welsh = translate(group, locales["cy"], title="Caffi Cymunedol Rhos", slug="caffi-cymunedol-rhos")
    return {"en": group, "cy": welsh}


@pytest.fixture
def count_queries(client):
    """The number of queries a page takes once per-process caches (site root paths, choices) are warm."""

    def count(path):
        for _warm_up in range(2):  # other apps' sections fill their caches over two requests
            assert client.get(path).status_code == 200
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        return len(queries)

    return count
