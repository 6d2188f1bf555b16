"""Upcoming events on the pages of the groups that organise them, and on the home page."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.page_cache import forget_page_tree
from tests.helpers import translate
from tests.home.test_public_visibility import restrict

pytestmark = pytest.mark.django_db


def section_titles(response):
    assert response.status_code == 200
    section = BeautifulSoup(response.content.decode(), "html.parser").select_one(".event-section")
    if section is None:
        return None
    return [link.get_text() for link in section.select(".card__title a")]


def test_group_page_lists_its_next_five_events(client, make_event, group_pages):
    group = group_pages["en"]
    for days in (9, 2, 30, 5, 12, 40):
        make_event(f"In {days} days", days=days, group=group)
    make_event("Last Week", days=-7, group=group)
    make_event("Someone Else's", days=1)
    response = client.get("/en/groups/rhos-community-cafe/")
    assert section_titles(response) == ["In 2 days", "In 5 days", "In 9 days", "In 12 days", "In 30 days"]
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    assert soup.select_one(".event-section h2").get_text() == "Upcoming events"
    assert (
        soup.find("a", string="All events by this group")["href"] == "/en/events/?group=rhos-community-cafe"
    )


def test_welsh_group_page_lists_the_welsh_events(client, make_event, group_pages, locales):
    english = make_event("Repair Café", days=2, group=group_pages["en"])
    translate(english, locales["cy"], title="Caffi Trwsio", slug="caffi-trwsio")
    make_event("Sgwrs", language="cy", days=4, group=group_pages["en"])
    response = client.get("/cy/grwpiau/caffi-cymunedol-rhos/")
    assert section_titles(response) == ["Caffi Trwsio", "Sgwrs"]
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    assert soup.select_one('.card__title a[href="/cy/digwyddiadau/caffi-trwsio/"]')
    assert soup.select_one('a[href="/cy/digwyddiadau/?group=caffi-cymunedol-rhos"]')


def test_group_without_events_shows_no_section(client, make_event, group_pages):
    make_event("Past Event", days=-3, group=group_pages["en"])
    assert section_titles(client.get("/en/groups/rhos-community-cafe/")) is None


def test_group_page_queries_stay_flat(count_queries, make_event, group_pages):
    path = "/en/groups/rhos-community-cafe/"
    without_events = count_queries(path)
    make_event("First", days=1, group=group_pages["en"])
    with_one = count_queries(path)
    for days in range(2, 12):
        make_event(f"Event {days}", days=days, group=group_pages["en"])
    assert count_queries(path) == with_one == without_events
    assert with_one < 15


def test_home_page_shows_the_next_three_events_of_its_language(client, make_event, home_pages):
    for days in (6, 1, 3, 10):
        make_event(f"In {days} days", days=days)
    make_event("Digwyddiad", language="cy", days=2)
    make_event("Yesterday", days=-1)
    response = client.get("/en/")
    assert section_titles(response) == ["In 1 days", "In 3 days", "In 6 days"]
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    assert soup.find("a", string="See all events")["href"] == "/en/events/"
    welsh = client.get("/cy/")
    assert section_titles(welsh) == ["Digwyddiad"]


def test_home_page_without_events_has_no_section(client, event_index):
    assert section_titles(client.get("/en/")) is None


def test_the_next_events_are_kept_until_one_of_them_is_over_or_an_event_is_published(
    client, make_event, home_pages, locales, now
):
    first = make_event("Tomorrow", days=1)  # 10:00 to 12:00
    for days in (3, 6, 10):
        make_event(f"In {days} days", days=days)
    # Never listed, however the kept list moves on: a private event, a draft, a Welsh alias.
    restrict(make_event("Private", days=4), "login")
    draft = make_event("Draft", days=4)
    type(draft).objects.filter(pk=draft.pk).update(live=False)
    make_event("Aliased", days=20).copy_for_translation(locales["cy"], alias=True)  # on /cy/
    forget_page_tree()
    assert section_titles(client.get("/en/")) == ["Tomorrow", "In 3 days", "In 6 days"]
    now.return_value = first.occurrences.get().end - timedelta(minutes=1)  # still on
    with CaptureQueriesContext(connection) as queries:
        assert section_titles(client.get("/en/")) == ["Tomorrow", "In 3 days", "In 6 days"]
    assert not [query for query in queries if "events_eventoccurrence" in query["sql"]]
    now.return_value = first.occurrences.get().end  # over: the list moves on unpublished
    assert section_titles(client.get("/en/")) == ["In 3 days", "In 6 days", "In 10 days"]
    assert section_titles(client.get("/cy/")) is None
    make_event("Sooner", days=1)  # the day after the new "now": publishing retires the list
    assert section_titles(client.get("/en/")) == ["Sooner", "In 3 days", "In 6 days"]


def test_a_group_page_keeps_its_own_next_events(client, make_event, group_pages, home_pages):
    make_event("The Group's", days=3, group=group_pages["en"])
    make_event("Everyone's", days=1)
    assert section_titles(client.get("/en/")) == ["Everyone's", "The Group's"]
    assert section_titles(client.get("/en/groups/rhos-community-cafe/")) == ["The Group's"]
    assert section_titles(client.get("/cy/grwpiau/caffi-cymunedol-rhos/")) is None
