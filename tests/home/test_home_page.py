"""The home page opens with what a resident came for: a welcome in both languages, a search
box and four entry points, then what is on; its title names the site once."""

import pytest
from django.test import Client, override_settings
from wagtail.models import PageViewRestriction

from tests.helpers import parse

pytestmark = pytest.mark.django_db

ENTRY_POINTS = {
    "en": [
        ("Find a group", "/en/groups/"),
        ("Find something to do this week", "/en/events/?when=week"),
        ("Volunteer", "/en/volunteer/"),
        ("Start something", "/en/guides/"),
    ],
    "cy": [
        ("Dod o hyd i grŵp", "/cy/grwpiau/"),
        ("Dod o hyd i rywbeth i'w wneud yr wythnos hon", "/cy/digwyddiadau/?when=week"),
        ("Gwirfoddoli", "/cy/gwirfoddoli/"),
        ("Dechrau rhywbeth", "/cy/canllawiau/"),
    ],
}
SITE_NAME = {"en": "Together in Wrexham", "cy": "Gyda'n Gilydd yn Wrecsam"}


def entry_points(soup):
    return [(link.get_text(strip=True), link["href"]) for link in soup.select(".entry-points a")]


@pytest.fixture
def sections(directory, event_index, volunteering_index, guide_index):
    return {"directory": directory, "events": event_index}


@pytest.mark.parametrize("language", ["en", "cy"])
@override_settings(PAGE_CACHE_SECONDS=600)
def test_the_home_page_opens_with_a_welcome_a_search_box_and_the_entry_points(sections, language):
    client = Client(enforce_csrf_checks=True)  # as readers arrive, through the page cache
    for _twice in range(2):  # the second answer comes from the page cache
        soup = parse(client.get(f"/{language}/"))
        hero = soup.select_one("main .home-hero")
        assert [span["lang"] for span in hero.select(".home-hero__greeting span")] == ["cy", "en"]
        search = hero.select_one("form.home-search")
        assert search["action"] == {"en": "/en/search/", "cy": "/cy/chwilio/"}[language]
        assert search.select_one("input[name=q]")["id"] == search.select_one("label")["for"]
        assert entry_points(soup) == ENTRY_POINTS[language]
        # Each entry point's picture is decorative: its words are beside it.
        assert {image["alt"] for image in soup.select(".entry-point img")} == {""}


def test_an_entry_point_appears_only_while_its_section_is_public(directory, event_index, home_pages):
    PageViewRestriction.objects.create(page=event_index["en"], restriction_type=PageViewRestriction.LOGIN)
    event_index["cy"].unpublish()
    # No volunteering or guides sections at all; events private in English, a draft in Welsh.
    assert entry_points(parse(Client().get("/en/"))) == [("Find a group", "/en/groups/")]
    assert entry_points(parse(Client().get("/cy/"))) == [("Dod o hyd i grŵp", "/cy/grwpiau/")]


@pytest.mark.parametrize("language", ["en", "cy"])
def test_the_home_page_title_names_the_site_once(client, sections, make_group, language):
    soup = parse(client.get(f"/{language}/"))
    assert soup.h1.get_text(strip=True) == SITE_NAME[language]
    assert soup.title.get_text() == SITE_NAME[language]
    # Other pages keep "page – site".
    listing = parse(client.get(sections["directory"][language].url))
    assert listing.title.get_text() == f"{sections['directory'][language].title} – {SITE_NAME[language]}"


@pytest.mark.parametrize("language", ["en", "cy"])
def test_the_header_shows_the_bilingual_wordmark_welsh_first(client, home_pages, language):
    soup = parse(client.get(f"/{language}/"))
    wordmark = soup.select_one("header a.wordmark")
    assert wordmark["href"] == f"/{language}/"
    assert [(span["lang"], span.get_text()) for span in wordmark.select(".wordmark__names > span")] == [
        ("cy", "Gyda'n Gilydd yn Wrecsam"),
        ("en", "Together in Wrexham"),
    ]
    assert wordmark.img["alt"] == ""  # the names are the link's text
