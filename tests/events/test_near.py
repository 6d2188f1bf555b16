"""Events near a postcode: by the venue's distance, then date; the rest of the filters still apply."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.helpers import parse
from tests.home.test_public_visibility import restrict
from tests.places.conftest import postcodes, titles_and_distances, venues  # noqa: F401 - fixtures

pytestmark = pytest.mark.django_db


def titles(soup):
    return titles_and_distances(soup, "event-card")[0]


def distances(soup):
    return titles_and_distances(soup, "event-card")[1]


@pytest.fixture
def events(make_event, venues, postcodes, locales):  # noqa: F811 - the fixture imported above
    make_event("Chirk Fair", days=1, venue=venues["chirk"])
    make_event("Llay Quiz", days=1, venue=venues["llay"], is_free=True)
    make_event("Gresford Talk", days=5, venue=venues["gresford"], is_free=True)
    make_event("Gresford Coffee", days=2, venue=venues["gresford"])
    make_event("Online Meeting", days=1)
    restrict(make_event("Private Near", days=1, venue=venues["gresford"]), "login")
    draft = make_event("Draft Near", days=1, venue=venues["gresford"])
    type(draft).objects.filter(pk=draft.pk).update(live=False)
    make_event("Aliased Near", days=9, venue=venues["gresford"]).copy_for_translation(
        locales["cy"], alias=True
    )
    make_event("Sgwrs Gresffordd", language="cy", days=3, venue=venues["gresford"])
    make_event("Cwis Llai", language="cy", days=1, venue=venues["llay"])


def test_events_near_a_postcode_nearest_first_then_soonest(events):
    soup = parse(Client().get("/en/events/?near=LL12+0AB&within=3"))
    assert titles(soup) == ["Gresford Coffee", "Gresford Talk", "Aliased Near", "Llay Quiz"]
    assert distances(soup) == ["0.7 miles"] * 3 + ["0.9 miles"]
    assert not soup.select(".event-month__heading")  # one list by distance, not months
    assert "Listings without a location are not included" in soup.select_one(".near-summary").get_text()
    free = parse(Client().get("/en/events/?near=LL12+0AB&within=3&free=on"))
    assert titles(free) == ["Gresford Talk", "Llay Quiz"]


def test_in_welsh(events):
    soup = parse(Client().get("/cy/digwyddiadau/?near=LL12+0AB&within=1"))
    assert titles(soup) == ["Sgwrs Gresffordd", "Cwis Llai"]
    assert distances(soup) == ["0.7 milltir", "0.9 milltir"]


def test_a_bad_postcode_lists_every_event(events):
    soup = parse(Client().get("/en/events/?near=nowhere"))
    assert "is not a postcode" in soup.select_one("#id_near_error").get_text()
    assert len(titles(soup)) == 6


def test_queries_stay_flat(make_event, venues, postcodes):  # noqa: F811
    client = Client()

    def count():
        client.get("/en/events/?near=LL12+0AB&within=5")  # publishing retired the cached facts
        with CaptureQueriesContext(connection) as queries:
            soup = parse(client.get("/en/events/?near=LL12+0AB&within=5"))
        assert len(distances(soup)) == min(len(titles(soup)), 30) > 0
        return len(queries)

    for number in range(30):
        make_event(f"Event {number}", days=number % 20, venue=venues["gresford"])
    at_30 = count()
    for number in range(30, 300):
        make_event(f"Event {number}", days=number % 20, venue=venues["llay"])
    assert count() == at_30 <= 15
