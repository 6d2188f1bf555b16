"""iCalendar files: one event, and each language's feed of upcoming events."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from dateutil.rrule import rrulestr
from icalendar import Calendar

from events.models import EventOccurrence
from tests.helpers import translate

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")


def calendar(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


@pytest.fixture
def repair_cafe(make_event, venues):
    return make_event(
        "Repair Café",
        start_date=date(2026, 10, 10),
        end_time=time(13),
        repeat="monthly",
        week_of_month=2,
        repeat_count=6,
        venue=venues["stiwt"],
        cancelled=[date(2026, 12, 12)],
    )


def test_event_file_round_trips_its_rule_and_cancelled_dates(client, repair_cafe):
    response = client.get("/en/events/repair-cafe/event.ics")
    assert response["Content-Disposition"] == 'attachment; filename="repair-cafe.ics"'
    parsed = calendar(response)
    (event,) = parsed.events
    assert event["UID"] == f"event-{repair_cafe.translation_key}-en"  # no host: the same by any name
    assert str(event["SUMMARY"]) == "Repair Café"
    assert event["URL"] == "http://localhost/en/events/repair-cafe/"
    assert str(event["LOCATION"]) == "The Stiwt, Broad Street, Rhosllanerchrugog, LL14 1RB"
    assert "About Repair Café" in str(event["DESCRIPTION"])
    assert "DTSTAMP" in event
    assert event.start == datetime(2026, 10, 10, 10, tzinfo=LONDON)
    assert event["DTSTART"].params["TZID"] == "Europe/London"
    assert event.end == datetime(2026, 10, 10, 13, tzinfo=LONDON)
    assert event["RRULE"].to_ical() == b"FREQ=MONTHLY;COUNT=6;INTERVAL=1;BYDAY=2SA"
    assert event.exdates == [datetime(2026, 12, 12, 10, tzinfo=LONDON)]
    assert [timezone.tz_name for timezone in parsed.timezones] == ["Europe/London"]
    # A calendar expanding the file gets the dates the site lists.
    rule = rrulestr(event["RRULE"].to_ical().decode(), dtstart=event.start)
    expanded = [start for start in rule if start.date() not in {exdate.date() for exdate in event.exdates}]
    held = EventOccurrence.objects.filter(event=repair_cafe, cancelled=False).values_list("start", flat=True)
    assert expanded == list(held)


def test_weekly_event_until_a_day_keeps_local_time_in_the_file(client, make_event):
    make_event("Walk", start_date=date(2026, 10, 18), repeat="fortnightly", repeat_until=date(2026, 11, 29))
    (event,) = calendar(client.get("/en/events/walk/event.ics")).events
    assert event["RRULE"]["FREQ"] == ["WEEKLY"] and event["RRULE"]["INTERVAL"] == [2]
    assert event["RRULE"]["UNTIL"] == [datetime(2026, 11, 29, 10, tzinfo=ZoneInfo("UTC"))]
    starts = list(rrulestr(event["RRULE"].to_ical().decode(), dtstart=event.start))
    assert [start.hour for start in starts] == [10, 10, 10, 10]  # BST on 18 October, GMT after
    assert starts[-1].date() == date(2026, 11, 29)


def test_all_day_event_uses_dates(client, make_event):
    make_event(
        "Fair", start_date=date(2026, 12, 5), end_date=date(2026, 12, 6), start_time=None, end_time=None
    )
    (event,) = calendar(client.get("/en/events/fair/event.ics")).events
    assert (event.start, event.end) == (date(2026, 12, 5), date(2026, 12, 7))


def test_feed_has_only_its_languages_upcoming_events(client, make_event, locales):
    english = make_event("Concert", days=10)
    translate(english, locales["cy"], title="Cyngerdd", slug="cyngerdd")
    make_event("Welsh Only Talk", language="cy", days=3)
    make_event("Last Month", days=-30)
    make_event("Draft Event", days=5).unpublish()
    english_feed = calendar(client.get("/en/events/calendar.ics"))
    assert english_feed["X-WR-CALNAME"] == "Events"
    assert [str(event["SUMMARY"]) for event in english_feed.events] == ["Concert"]
    assert english_feed.events[0]["UID"].endswith("-en")
    welsh_feed = calendar(client.get("/cy/digwyddiadau/calendr.ics"))
    assert sorted(str(event["SUMMARY"]) for event in welsh_feed.events) == ["Cyngerdd", "Welsh Only Talk"]
    assert {event["UID"].rsplit("-", 1)[1] for event in welsh_feed.events} == {"cy"}
    uid_of_concert = {str(event["SUMMARY"]): event["UID"] for event in welsh_feed.events}["Cyngerdd"]
    assert uid_of_concert == f"event-{english.translation_key}-cy"


def test_listing_links_to_its_feed(client, event_index):
    response = client.get("/cy/digwyddiadau/")
    assert 'href="/cy/digwyddiadau/calendr.ics"' in response.content.decode()
