"""Welsh addresses in Welsh: the events listing's past view and calendar, an event's calendar
file and the stories' feeds have Welsh words under /cy/; the English words there (old links)
redirect permanently, and the language switch swaps the word."""

import pytest

from events.models import EventPage
from tests.helpers import parse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "old, new",
    [
        ("/cy/digwyddiadau/past/", "/cy/digwyddiadau/blaenorol/"),
        ("/cy/digwyddiadau/past/?topic=bwyd", "/cy/digwyddiadau/blaenorol/?topic=bwyd"),
        ("/cy/digwyddiadau/calendar.ics", "/cy/digwyddiadau/calendr.ics"),
        ("/en/events/blaenorol/", "/en/events/past/"),
    ],
)
def test_the_other_languages_word_redirects_permanently(client, event_index, old, new):
    response = client.get(old)
    assert response.status_code == 301 and response["Location"] == new
    assert client.get(new).status_code == 200


def test_an_events_calendar_file_has_a_welsh_name(client, event_index):
    event = EventPage(
        title="Caffi Trwsio", slug="caffi-trwsio", summary="Trwsio", start_date="2026-12-05", live=True
    )
    event_index["cy"].add_child(instance=event)
    soup = parse(client.get("/cy/digwyddiadau/caffi-trwsio/"))
    assert soup.select_one(".event__calendar-link")["href"] == "/cy/digwyddiadau/caffi-trwsio/digwyddiad.ics"
    assert client.get("/cy/digwyddiadau/caffi-trwsio/digwyddiad.ics")["Content-Type"].startswith(
        "text/calendar"
    )
    old = client.get("/cy/digwyddiadau/caffi-trwsio/event.ics")
    assert old.status_code == 301 and old["Location"] == "/cy/digwyddiadau/caffi-trwsio/digwyddiad.ics"


@pytest.mark.parametrize(
    "language, path, other",
    [
        ("cy", "/cy/digwyddiadau/blaenorol/", "/en/events/past/"),
        ("en", "/en/events/past/", "/cy/digwyddiadau/blaenorol/"),
    ],
)
def test_the_language_switch_swaps_the_word(client, event_index, language, path, other):
    soup = parse(client.get(path))
    other_language = "en" if language == "cy" else "cy"
    assert soup.select_one(f'.language-switcher a[hreflang="{other_language}"]')["href"] == other
    assert soup.select_one('.event-views a[aria-current="page"]')["href"] == path


def test_the_welsh_listing_links_its_welsh_calendar(client, event_index):
    assert 'href="/cy/digwyddiadau/calendr.ics"' in client.get("/cy/digwyddiadau/").content.decode()


@pytest.mark.parametrize(
    "old, new",
    [("/cy/straeon/feed/", "/cy/straeon/ffrwd/"), ("/cy/straeon/feed/atom/", "/cy/straeon/ffrwd/atom/"),
     ("/en/stories/ffrwd/", "/en/stories/feed/")],
)  # fmt: skip
def test_story_feeds_have_welsh_words(client, story_index, old, new):
    response = client.get(old)
    assert response.status_code == 301 and response["Location"] == new
    assert client.get(new).status_code == 200
    soup = parse(client.get("/cy/straeon/"))
    assert {link["href"] for link in soup.select('link[rel="alternate"][type*="xml"]')} == {
        "/cy/straeon/ffrwd/",
        "/cy/straeon/ffrwd/atom/",
    }
