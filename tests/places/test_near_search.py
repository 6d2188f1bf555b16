"""The site search near a postcode: groups, events and opportunities within N miles, nearest
first, the distance shown, with the query and the other filters, in both languages."""

import pytest
from django.test import Client

from directory.models import GroupPage
from events.models import EventPage
from stories.models import StoryPage
from tests.conftest import all_locales, empty_section, shared_by_the_module, the_home_pages
from tests.helpers import parse
from tests.home.test_public_visibility import restrict
from volunteering.models import OpportunityPage

from .conftest import CHIRK, GRESFORD, GWERSYLLT, LLAY, add_postcodes, add_venues

pytestmark = pytest.mark.django_db


def titles(soup):
    return [link.get_text() for link in soup.select(".search-result__title a")]


def distances(soup):
    return [span.get_text() for span in soup.select(".search-result .distance")]


def at(place, **fields):
    return {"latitude": place[0], "longitude": place[1], **fields}


def add_page(parent, page):
    """Publish ``page`` under the listing ``parent``; returns it."""
    page.live = True
    parent.add_child(instance=page)
    return page


def add_group(directory, title, language="en", **fields):
    return add_page(directory[language], GroupPage(title=title, **fields))


def build_listings():
    """Food listings of three types around LL12 0AB, with a story (no place) and what must not
    show: a private group, a draft, a wagtail-localize alias' Welsh copy and Welsh pages."""
    locales = all_locales()
    homes = the_home_pages(locales)
    sections = {
        name: empty_section(name, homes, locales)
        for name in ("directory", "event_index", "volunteering_index", "story_index")
    }
    add_postcodes()
    venues = add_venues()
    directory = sections["directory"]
    library = add_group(directory, "Gresford Food Library", summary="Food and books", **at(GRESFORD))
    add_group(directory, "Llay Food Bank", summary="Food for families", **at(LLAY))
    add_group(directory, "Gwersyllt Garden", summary="Vegetables", **at(GWERSYLLT))
    add_group(directory, "Chirk Food Club", summary="Food in Chirk", **at(CHIRK))
    add_group(directory, "Nowhere Food", summary="Food anywhere")  # no coordinates
    restrict(add_group(directory, "Private Food", summary="Food", **at(GRESFORD)), "login")
    draft = add_group(directory, "Draft Food", summary="Food", **at(GRESFORD))
    GroupPage.objects.filter(pk=draft.pk).update(live=False)
    add_group(directory, "Aliased Food", summary="Food", **at(LLAY)).copy_for_translation(
        locales["cy"], alias=True
    )
    add_group(directory, "Banc Bwyd Llai", language="cy", summary="Bwyd i deuluoedd", **at(LLAY))
    add_group(directory, "Llyfrgell Bwyd Gresffordd", language="cy", summary="Bwyd a llyfrau", **at(GRESFORD))
    events = sections["event_index"]["en"]
    add_page(
        events,
        EventPage(
            title="Chirk Food Fair", summary="Food stalls", start_date="2026-12-05", venue=venues["chirk"]
        ),
    )
    add_page(
        events,
        EventPage(
            title="Llay Food Swap", summary="Food to share", start_date="2026-12-05", venue=venues["llay"]
        ),
    )
    add_page(
        sections["volunteering_index"]["en"],
        OpportunityPage(
            title="Gresford Food Sorter",
            summary="Sort food",
            what_you_do="Sort the food",
            commitment="flexible",
            group=library,
            venue=venues["gresford"],
        ),
    )
    add_page(
        sections["story_index"]["en"], StoryPage(title="A Food Story", standfirst="Food", summary="Food")
    )


@pytest.fixture(scope="module")
def listings_site(django_db_setup, django_db_blocker):
    """Built once for the module: every test that uses it only reads."""
    with shared_by_the_module(django_db_blocker):
        build_listings()
        yield


@pytest.fixture
def listings(listings_site, db):
    """Use in tests: the shared listings inside the test's own transaction."""


def test_search_near_a_postcode_lists_every_type_nearest_first_with_the_distance(listings):
    soup = parse(Client().get("/en/search/", {"q": "food", "near": "LL12 0AB", "within": "3"}))
    assert titles(soup) == [
        "Gresford Food Library",
        "Gresford Food Sorter",
        "Llay Food Bank",
        "Aliased Food",
        "Llay Food Swap",
    ]
    assert distances(soup) == ["0.7 miles", "0.7 miles", "0.9 miles", "0.9 miles", "0.9 miles"]
    assert soup.select_one(".result-count").get_text() == "5 results"
    summary = soup.select_one(".near-summary").get_text()
    assert "Within 3 miles of LL12 0AB, nearest first" in summary
    assert "Listings without a location are not included" in summary
    assert soup.select_one('input[name="near"]')["value"] == "LL12 0AB"
    assert soup.select_one('select[name="within"] option[selected]')["value"] == "3"


def test_in_welsh_the_distance_is_in_milltir(listings):
    soup = parse(Client().get("/cy/chwilio/", {"q": "bwyd", "near": "LL12 0AB", "within": "1"}))
    assert titles(soup) == ["Llyfrgell Bwyd Gresffordd", "Banc Bwyd Llai"]
    assert distances(soup) == ["0.7 milltir", "0.9 milltir"]
    summary = soup.select_one(".near-summary").get_text()
    assert "O fewn 1 filltir i LL12 0AB, yr agosaf yn gyntaf" in summary
    assert "Nid yw rhestrau heb leoliad wedi'u cynnwys" in summary


def test_near_combines_with_the_type_and_the_radius(listings):
    events = parse(
        Client().get("/en/search/", {"q": "food", "near": "LL12", "within": "10", "type": "events"})
    )
    assert titles(events) == ["Llay Food Swap"]  # Chirk is 10.5 miles away
    assert "(1)" in events.select_one('.type-filter a[href*="type=events"]').get_text()
    assert "(3)" in events.select_one('.type-filter a[href*="type=groups"]').get_text()


def test_near_alone_lists_everything_near_without_a_query(listings):
    soup = parse(Client().get("/en/search/", {"near": "LL12 0AB", "within": "1"}))
    assert titles(soup) == [
        "Gresford Food Library",
        "Gresford Food Sorter",
        "Llay Food Bank",
        "Aliased Food",
        "Llay Food Swap",
    ]


@pytest.mark.parametrize(
    ("path", "query", "near", "message"),
    [
        ("/en/search/", "food", "wrexham", "“wrexham” is not a postcode. Enter one such as LL11 1AY, or just LL11."),
        ("/en/search/", "food", "LL99 9ZZ", "We do not know where LL99 9ZZ is. Check it, or try just LL99."),
        ("/cy/chwilio/", "bwyd", "wrecsam", "Nid yw “wrecsam” yn god post. Rhowch un fel LL11 1AY, neu LL11 yn unig."),
        ("/cy/chwilio/", "bwyd", "LL99 9ZZ", "Nid ydym yn gwybod ble mae LL99 9ZZ."),
    ],
)  # fmt: skip
def test_a_bad_postcode_says_so_and_gives_the_unfiltered_results(listings, path, query, near, message):
    response = Client().get(path, {"q": query, "near": near, "within": "3"})
    assert response.status_code == 200
    soup = parse(response)
    assert message in soup.select_one("#id_near_error").get_text()
    assert not soup.select(".distance") and not soup.select_one(".near-summary")
    # Every match of the query, with or without a place: the story and Chirk too.
    expected = 9 if path.startswith("/en/") else 2
    assert len(titles(soup)) == expected
