"""Volunteering near a postcode: by the venue's distance, then newest; other filters still apply."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.helpers import parse
from tests.home.test_public_visibility import restrict
from tests.places.conftest import postcodes, titles_and_distances, venues  # noqa: F401 - fixtures

pytestmark = pytest.mark.django_db


def titles(soup):
    return titles_and_distances(soup, "opportunity-card")[0]


def distances(soup):
    return titles_and_distances(soup, "opportunity-card")[1]


@pytest.fixture
def opportunities(make_opportunity, venues, postcodes, locales):  # noqa: F811 - the fixture imported above
    make_opportunity("Chirk Stewards", venue=venues["chirk"])
    make_opportunity("Llay Coaches", venue=venues["llay"], evenings=True)
    make_opportunity("Gresford Shelves", venue=venues["gresford"])
    make_opportunity("Phone Friend", from_home=True)
    restrict(make_opportunity("Private Near", venue=venues["gresford"]), "login")
    draft = make_opportunity("Draft Near", venue=venues["gresford"])
    type(draft).objects.filter(pk=draft.pk).update(live=False)
    make_opportunity("Aliased Near", venue=venues["llay"]).copy_for_translation(locales["cy"], alias=True)
    make_opportunity("Silffoedd Gresffordd", language="cy", venue=venues["gresford"])
    make_opportunity("Hyfforddwyr Llai", language="cy", venue=venues["llay"])


def test_opportunities_near_a_postcode_nearest_first(opportunities):
    soup = parse(Client().get("/en/volunteer/?near=LL12+0AB&within=3"))
    assert titles(soup) == ["Gresford Shelves", "Aliased Near", "Llay Coaches"]
    assert distances(soup) == ["0.7 miles", "0.9 miles", "0.9 miles"]
    assert "Listings without a location are not included" in soup.select_one(".near-summary").get_text()
    evenings = parse(Client().get("/en/volunteer/?near=LL12+0AB&within=3&time=evenings"))
    assert titles(evenings) == ["Llay Coaches"]


def test_in_welsh(opportunities):
    soup = parse(Client().get("/cy/gwirfoddoli/?near=LL12+0AB&within=1"))
    assert titles(soup) == ["Silffoedd Gresffordd", "Hyfforddwyr Llai"]
    assert distances(soup) == ["0.7 milltir", "0.9 milltir"]


def test_an_unknown_postcode_lists_every_opportunity(opportunities):
    soup = parse(Client().get("/en/volunteer/?near=LL99+9ZZ"))
    assert "We do not know where LL99 9ZZ is" in soup.select_one("#id_near_error").get_text()
    assert len(titles(soup)) == 5


def test_queries_stay_flat(make_opportunity, venues, postcodes):  # noqa: F811
    client = Client()

    def count():
        with CaptureQueriesContext(connection) as queries:
            soup = parse(client.get("/en/volunteer/?near=LL12+0AB&within=5"))
        assert len(distances(soup)) == len(titles(soup)) > 0
        return len(queries)

    for number in range(30):
        make_opportunity(f"Role {number}", venue=venues["gresford"])
    client.get("/en/volunteer/?near=LL12+0AB&within=5")
    at_30 = count()
    for number in range(30, 300):
        make_opportunity(f"Role {number}", venue=venues["llay"])
    client.get("/en/volunteer/?near=LL12+0AB&within=5")  # the page-tree facts, kept again
    assert count() == at_30 <= 15
