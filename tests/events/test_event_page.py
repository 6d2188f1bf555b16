"""An event's page in both languages, its structured data, and creating one in the admin."""

import json
from datetime import date, time, timedelta

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail_localize.models import TranslationSource

from events.models import EventOccurrence, EventPage
from home.data_migrations import links_follow_the_language
from tests.helpers import parse, translate

pytestmark = pytest.mark.django_db


def text(element):
    return " ".join(element.get_text(" ").split())


def summary(soup):
    return {text(row.dt): text(row.dd) for row in soup.select(".summary-list > div")}


def json_ld(soup):
    return json.loads(soup.select_one('script[type="application/ld+json"]').string)


@pytest.fixture
def repair_cafe(make_event, venues, topics, group_pages, locales):
    """A repair café on the second Saturday of every month, from October, in English and Welsh."""
    english = make_event(
        "Repair Café",
        start_date=date(2026, 10, 10),
        repeat="monthly",
        week_of_month=2,
        venue=venues["stiwt"],
        group=group_pages["en"],
        topics=[topics["food"]],
        is_free=True,
        cost="Donations welcome",
        booking_url="https://book.example/repair",
        accessibility="Step-free",
        cancelled=[date(2026, 12, 12)],
    )
    english.save_revision().publish()
    welsh = translate(
        english, locales["cy"], title="Caffi Trwsio", slug="caffi-trwsio", cost="Croeso i chi roi cyfraniad"
    )
    return {"en": english, "cy": welsh}


def test_event_page_in_english(client, repair_cafe):
    soup = parse(client.get("/en/events/repair-cafe/"))
    assert soup.html["lang"] == "en"
    assert soup.h1.get_text() == "Repair Café"
    details = summary(soup)
    assert details["Date and time"] == "Saturday 14 November 2026 , 10:00 to 12:00"
    assert details["Repeats"] == "Second Saturday of every month"
    assert details["Venue"].startswith("The Stiwt Broad Street Rhosllanerchrugog LL14 1RB")
    assert details["Cost"] == "Free. Donations welcome"
    assert details["Organised by"] == "Rhos Community Café"
    assert soup.select_one(".summary-list a[href='/en/groups/rhos-community-cafe/']")
    next_dates = [text(item) for item in soup.select(".event-dates li")]
    assert next_dates[:2] == [
        "Saturday 14 November 2026 , 10:00 to 12:00",
        "Saturday 9 January 2027 , 10:00 to 12:00",
    ]
    assert "Saturday 12 December 2026" in text(soup.select_one("#dates-heading").find_next("p"))
    assert soup.select_one("a.button")["href"] == "https://book.example/repair"
    calendar_link = soup.find("a", string="Add to calendar")
    assert calendar_link["href"] == "/en/events/repair-cafe/event.ics"


def test_event_page_in_welsh_uses_welsh_names_and_links(client, repair_cafe):
    soup = parse(client.get("/cy/digwyddiadau/caffi-trwsio/"))
    assert soup.html["lang"] == "cy"
    assert soup.h1.get_text() == "Caffi Trwsio"
    details = text(soup.select_one(".summary-list"))
    assert "Dydd Sadwrn 14 Tachwedd 2026" in details
    assert "Y Stiwt" in details and "Stryt Lydan" in details and "Rhosllannerchrugog" in details
    assert "Croeso i chi roi cyfraniad" in details
    # The group was chosen in English; Welsh readers go to its Welsh page.
    organiser = soup.select_one(".summary-list a[href^='/cy/grwpiau/']")
    assert (organiser["href"], organiser.get_text()) == (
        "/cy/grwpiau/caffi-cymunedol-rhos/",
        "Caffi Cymunedol Rhos",
    )
    assert soup.select_one('nav.language-switcher a[hreflang="en"]')["href"] == "/en/events/repair-cafe/"
    assert soup.select_one(".event__calendar-link")["href"] == "/cy/digwyddiadau/caffi-trwsio/digwyddiad.ics"


def test_welsh_translation_has_its_own_occurrences(repair_cafe):
    english, welsh = repair_cafe["en"], repair_cafe["cy"]
    english_dates = list(EventOccurrence.objects.filter(event=english).values_list("start", "cancelled"))
    assert (
        list(EventOccurrence.objects.filter(event=welsh).values_list("start", "cancelled")) == english_dates
    )
    assert [start.date() for start, cancelled in english_dates if cancelled] == [date(2026, 12, 12)]


def test_json_ld_describes_the_next_occurrence(client, repair_cafe):
    data = json_ld(parse(client.get("/en/events/repair-cafe/")))
    assert data["@type"] == "Event"
    assert data["name"] == "Repair Café"
    assert data["startDate"] == "2026-11-14T10:00:00+00:00"
    assert data["endDate"] == "2026-11-14T12:00:00+00:00"
    assert data["location"]["@type"] == "Place"
    assert data["location"]["address"]["@type"] == "PostalAddress"
    assert data["location"]["address"]["postalCode"] == "LL14 1RB"
    assert data["organizer"]["name"] == "Rhos Community Café"
    assert data["isAccessibleForFree"] is True
    assert data["inLanguage"] == ["cy", "en"]
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    # What Google's event guidelines recommend for an Offer.
    assert data["offers"]["availability"] == "https://schema.org/InStock"
    assert data["offers"]["validFrom"].startswith("2026-")
    welsh = json_ld(parse(client.get("/cy/digwyddiadau/caffi-trwsio/")))
    assert (welsh["location"]["name"], welsh["organizer"]["name"]) == ("Y Stiwt", "Caffi Cymunedol Rhos")


def test_json_ld_summer_dates_carry_the_bst_offset(client, make_event):
    make_event(
        "Summer Fair",
        start_date=date(2027, 7, 3),
        start_time=time(11),
        end_time=time(16),
        event_language="cy",
    )
    data = json_ld(parse(client.get("/en/events/summer-fair/")))
    assert (data["startDate"], data["endDate"], data["inLanguage"]) == (
        "2027-07-03T11:00:00+01:00",
        "2027-07-03T16:00:00+01:00",
        "cy",
    )


def test_all_day_and_finished_events(client, make_event):
    make_event("Two Day Fair", days=10, end_date=date(2026, 11, 23), start_time=None, end_time=None)
    soup = parse(client.get("/en/events/two-day-fair/"))
    assert summary(soup)["Date and time"] == "22 November 2026 to 23 November 2026"
    assert json_ld(soup)["startDate"] == "2026-11-22" and json_ld(soup)["endDate"] == "2026-11-23"
    make_event("Old Quiz", days=-3)
    soup = parse(client.get("/en/events/old-quiz/"))
    assert soup.select_one(".notice--warning").get_text(strip=True) == "This event has finished."
    assert summary(soup)["Last held"].startswith("Monday 9 November 2026")


def test_unknown_sub_addresses_are_not_found(client, repair_cafe):
    assert client.get("/en/events/repair-cafe/nothing-here/").status_code == 404
    assert client.get("/en/events/repair-cafe/other.ics").status_code == 404


def test_event_page_queries_do_not_grow_with_the_number_of_events(count_queries, repair_cafe, make_event):
    paths = ["/en/events/repair-cafe/", "/cy/digwyddiadau/caffi-trwsio/"]
    for number in range(13):
        make_event(f"Event {number}", days=number)
    at_15 = [count_queries(path) for path in paths]
    for number in range(13, 148):
        make_event(f"Event {number}", days=number % 40)
    assert EventPage.objects.count() == 150
    assert [count_queries(path) for path in paths] == at_15
    assert max(at_15) < 15, at_15


@pytest.fixture
def editor(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("editor", "editor@wrexham.example", "pw"))


def event_form(**fields):
    """The admin's form for an event, as a browser would post it."""
    data = {
        "title": "Coedpoeth Repair Café",
        "slug": "coedpoeth-repair-cafe",
        "summary": "Bring something broken.",
        "body": streamfield([("paragraph", rich_text("<p>Our menders fix lamps and bikes.</p>"))]),
        "start_date": "2026-11-14",
        "start_time": "10:00",
        "end_time": "13:00",
        "end_date": "",
        "repeat": "monthly",
        "week_of_month": "2",
        "repeat_until": "",
        "repeat_count": "6",
        "cancelled_dates": inline_formset([{"date": "2027-01-09"}]),
        "venue": "",
        "group": "",
        "event_language": "bilingual",
        "is_free": "on",
        "cost": "",
        "booking_url": "",
        "accessibility": "Step-free",
        "comments": inline_formset([]),
    }
    return nested_form_data({**data, **fields})


def test_editor_creates_a_repeating_event_in_the_admin(client, editor, event_index, venues, group_pages):
    form = event_form(venue=venues["stiwt"].pk, group=group_pages["en"].pk, **{"action-publish": "publish"})
    response = client.post(f"/admin/pages/add/events/eventpage/{event_index['en'].pk}/", form)
    assert response.status_code == 302, BeautifulSoup(response.content, "html.parser").select(
        ".error-message"
    )
    event = EventPage.objects.get(slug="coedpoeth-repair-cafe")
    assert event.live and event.repeat_count == 6 and event.group_id == group_pages["en"].pk
    assert [cancelled.date for cancelled in event.cancelled_dates.all()] == [date(2027, 1, 9)]
    starts = [occurrence.start.date() for occurrence in event.occurrences.filter(cancelled=False)]
    assert starts == [
        date(2026, 11, 14),
        date(2026, 12, 12),
        date(2027, 2, 13),
        date(2027, 3, 13),
        date(2027, 4, 10),
    ]
    assert client.get(f"/admin/pages/{event.pk}/edit/").status_code == 200


def test_admin_refuses_a_monthly_event_on_the_wrong_day(client, editor, event_index):
    form = event_form(start_date="2026-11-21", **{"action-publish": "publish"})  # the third Saturday
    response = client.post(f"/admin/pages/add/events/eventpage/{event_index['en'].pk}/", form)
    assert response.status_code == 200
    assert "the first date must fall in the week of the month you chose" in response.content.decode()
    assert not EventPage.objects.filter(slug="coedpoeth-repair-cafe").exists()


def preview(client, url, form):
    assert client.post(url, form).json()["is_valid"]
    return BeautifulSoup(client.get(url).content.decode(), "html.parser")


def test_preview_of_a_new_event_shows_its_dates(client, editor, event_index):
    soup = preview(client, f"/admin/pages/add/events/eventpage/{event_index['en'].pk}/preview/", event_form())
    assert summary(soup)["Date and time"] == "Saturday 14 November 2026 , 10:00 to 13:00"
    assert "Saturday 9 January 2027" in text(soup.select_one("#dates-heading").find_next("p"))


def test_preview_of_an_edit_shows_the_new_dates_before_they_are_published(client, editor, repair_cafe):
    event = repair_cafe["en"]
    form = event_form(
        title=event.title, slug=event.slug, start_date="2026-10-10", start_time="14:00", end_time="16:00"
    )
    soup = preview(client, f"/admin/pages/{event.pk}/edit/preview/", form)
    assert summary(soup)["Date and time"] == "Saturday 14 November 2026 , 14:00 to 16:00"
    assert summary(parse(client.get("/en/events/repair-cafe/")))["Date and time"].endswith("10:00 to 12:00")


def test_events_can_only_be_added_under_the_listing(event_index, home_pages):
    from events.models import EventIndexPage

    assert EventPage.can_create_at(event_index["en"])
    assert not EventPage.can_create_at(home_pages["en"])
    assert not EventIndexPage.can_create_at(home_pages["en"])  # one listing per home page


def test_translation_keeps_dates_venue_and_group_and_translates_words(repair_cafe, group_pages, locales):
    """wagtail-localize sends the words for translation and copies the rest across as it is; the
    group follows into Welsh, as a story's and a guide's groups do."""
    from wagtail_localize.models import StringSegment

    english = repair_cafe["en"]
    source, _created = TranslationSource.get_or_create_from_instance(english)
    strings = set(StringSegment.objects.filter(source=source).values_list("string__data", flat=True))
    assert {"Repair Café", "Donations welcome", "Step-free", "About Repair Café"} <= strings
    assert not any("2026" in string or "book.example" in string for string in strings)
    english.start_time, english.repeat_count = time(11), 4
    english.save_revision().publish()
    source.update_from_db()
    welsh, _created = source.create_or_update_translation(locales["cy"], fallback=True)
    assert (welsh.start_time, welsh.repeat_count, welsh.venue_id, welsh.group_id) == (
        time(11),
        4,
        english.venue_id,
        group_pages["cy"].pk,
    )
    assert [cancelled.date for cancelled in welsh.cancelled_dates.all()] == [date(2026, 12, 12)]
    starts = EventOccurrence.objects.filter(event=welsh, cancelled=False).values_list("start", flat=True)
    assert [timezone.localtime(start).hour for start in starts] == [
        11,
        11,
        11,
    ]  # the fourth date is cancelled


def test_council_editor_manages_venues(client, django_user_model, areas):
    from events.models import Venue

    client.force_login(django_user_model.objects.create_superuser("editor", "editor@wrexham.example", "pw"))
    assert client.get("/admin/snippets/events/venue/").status_code == 200
    response = client.post(
        "/admin/snippets/events/venue/add/",
        {
            "name": "Rhos Miners Institute",
            "name_cy": "Sefydliad y Glowyr Rhos",
            "slug": "",
            "slug_cy": "",
            "address": "Broad Street",
            "address_cy": "Stryt Lydan",
            "postcode": "LL14 1RB",
            "area": areas["rhos"].pk,
            "latitude": "",
            "longitude": "",
        },
    )
    assert response.status_code == 302
    venue = Venue.objects.get(name="Rhos Miners Institute")
    assert (venue.slug, venue.slug_cy) == ("rhos-miners-institute", "sefydliad-y-glowyr-rhos")


def test_a_date_that_ended_earlier_today_is_not_the_next_date(client, make_event):
    """At 09:30 on Thursday 12 November an early session (07:00 to 08:00) is over: the next
    date, on the page and as the JSON-LD startDate, is a week later."""
    make_event("Early Swim", days=-7, repeat="weekly", start_time=time(7), end_time=time(8))
    soup = parse(client.get("/en/events/early-swim/"))
    assert json_ld(soup)["startDate"] == "2026-11-19T07:00:00+00:00"
    assert summary(soup)["Date and time"].startswith("Thursday 19 November 2026")


def test_multi_day_dates_are_in_time_elements(client, make_event):
    make_event("Two Day Fair", days=10, end_date=date(2026, 11, 23), start_time=None, end_time=None)
    make_event("Long Weekend", days=3, end_date=date(2026, 11, 16), start_time=time(18), end_time=time(12))
    fair = parse(client.get("/en/events/two-day-fair/"))
    assert [tag["datetime"] for tag in fair.select(".summary-list time")] == ["2026-11-22", "2026-11-23"]
    weekend = parse(client.get("/en/events/long-weekend/"))
    assert [tag["datetime"] for tag in weekend.select(".summary-list time")] == [
        "2026-11-15T18:00+00:00",
        "2026-11-16T12:00+00:00",
    ]


def test_translating_an_event_with_wagtail_localize_links_the_welsh_group(make_event, group_pages, locales):
    english = make_event("Repair Café", group=group_pages["en"])
    english.save_revision().publish()
    source, _created = TranslationSource.get_or_create_from_instance(english)
    welsh, _created = source.create_or_update_translation(locales["cy"], fallback=True)

    # The same rule as a story's or guide's groups: the link follows the group into Welsh.
    assert EventPage.objects.get(pk=welsh.pk).group_id == group_pages["cy"].pk


def test_a_welsh_event_still_linking_the_english_group_shows_the_welsh_one(client, make_event, group_pages):
    """A link stored before the group was translated (or while the group was synchronised)."""
    make_event("Caffi Trwsio", language="cy", slug="caffi-trwsio", group=group_pages["en"])

    organiser = parse(client.get("/cy/digwyddiadau/caffi-trwsio/")).select_one(
        ".summary-list a[href*='grwpiau']"
    )

    assert organiser["href"] == "/cy/grwpiau/caffi-cymunedol-rhos/"


def test_the_data_migration_points_welsh_events_at_the_welsh_group(make_event, group_pages):
    welsh = make_event("Caffi Trwsio", language="cy", slug="caffi-trwsio", group=group_pages["en"])
    english = make_event("Repair Café", group=group_pages["en"])

    links_follow_the_language("events.eventpage", "group")(apps, None)

    assert EventPage.objects.get(pk=welsh.pk).group_id == group_pages["cy"].pk
    assert EventPage.objects.get(pk=english.pk).group_id == group_pages["en"].pk


def test_the_kept_event_follows_its_dates_and_a_publish_and_reads_nothing_else(client, make_event, now):
    """The page is kept per page-tree version and the dates it shows: once its date is over it
    says so, with nothing published; a kept copy reads no venue, group or topics."""
    event = make_event("Quiz Night", days=1, summary="Teams of four.")
    assert not parse(client.get(event.url)).select(".notice--warning")
    with CaptureQueriesContext(connection) as queries:
        kept = parse(client.get(event.url))
    assert "Teams of four." in kept.select_one(".lead").get_text()
    assert not any("search_topic" in query["sql"] for query in queries)
    now.return_value += timedelta(days=2)
    assert parse(client.get(event.url)).select_one(".notice--warning").get_text(strip=True) == (
        "This event has finished."
    )
    event.summary = "Teams of six."
    event.save_revision().publish()
    assert "Teams of six." in parse(client.get(event.url)).select_one(".lead").get_text()
