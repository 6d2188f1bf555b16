"""The events listing: upcoming and past, by month, filtered, paginated, in both languages."""

from datetime import UTC, date, datetime, time, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import EventPage
from events.recurrence import start_of_day
from tests.helpers import parse

pytestmark = pytest.mark.django_db


def listed_titles(soup):
    return [link.get_text() for link in soup.select(".event-card .card__title a")]


def test_upcoming_events_soonest_first_grouped_by_month(client, make_event):
    make_event("December Fair", days=25)
    make_event("Next Week Talk", days=7)
    make_event("Tomorrow Walk", days=1)
    make_event("Last Week Quiz", days=-7)
    soup = parse(client.get("/en/events/"))
    assert listed_titles(soup) == ["Tomorrow Walk", "Next Week Talk", "December Fair"]
    assert [heading.get_text() for heading in soup.select(".event-month__heading")] == [
        "November 2026",
        "December 2026",
    ]
    assert soup.select_one(".result-count").get_text().strip() == "3 events"
    assert "Friday 13 November 2026" in soup.select_one(".event-card__when").get_text()


def test_a_repeating_event_is_listed_once_at_its_next_date(client, make_event):
    make_event("Conversation Group", days=-21, repeat="weekly")  # Thursdays, from three weeks ago
    soup = parse(client.get("/en/events/"))
    assert listed_titles(soup) == ["Conversation Group"]
    assert "Thursday 12 November 2026" in soup.select_one(".event-card__when").get_text()
    assert "Every Thursday" in soup.select_one(".event-card__meta").get_text()
    assert listed_titles(parse(client.get("/en/events/past/"))) == []


def test_a_kept_card_shows_the_date_the_listing_lists_the_event_at(client, make_event, now):
    """A card is kept per date shown: another date asked for, or the next date once one is
    over, with nothing published, shows on the card."""
    make_event("Conversation Group", days=-21, repeat="weekly")  # Thursdays
    assert (
        "Thursday 12 November 2026"
        in parse(client.get("/en/events/")).select_one(".event-card__when").get_text()
    )
    later = parse(client.get("/en/events/?date=2026-11-26"))
    assert "Thursday 26 November 2026" in later.select_one(".event-card__when").get_text()
    now.return_value += timedelta(days=7)  # the 12th is over
    assert (
        "Thursday 19 November 2026"
        in parse(client.get("/en/events/")).select_one(".event-card__when").get_text()
    )


def test_a_listing_of_kept_cards_reads_no_event_for_them(client, make_event):
    make_event("Conversation Group", days=3, summary="Tea and Welsh.")
    make_event("Repair Café", days=5)
    assert listed_titles(parse(client.get("/en/events/"))) == ["Conversation Group", "Repair Café"]
    with CaptureQueriesContext(connection) as queries:
        soup = parse(client.get("/en/events/"))
    assert listed_titles(soup) == ["Conversation Group", "Repair Café"]
    assert "Tea and Welsh." in soup.select_one(".event-card").get_text()
    assert not any('"events_eventpage"."summary"' in query["sql"] for query in queries)


def test_the_kept_listing_follows_a_date_ending_later_the_same_day(client, make_event, now):
    """The listed events are kept until one of their dates is over: the series moves to its next
    date, and the one-off leaves the list, an hour later on the same day, with nothing published."""
    make_event("Early Swim", days=-7, repeat="weekly", start_time=time(10), end_time=time(11))
    make_event("Coffee Morning", start_time=time(10), end_time=time(11))
    make_event("Quiz", days=3)
    client.get("/cy/")  # the site's settings are made on the first visit
    for _ in range(2):
        assert listed_titles(parse(client.get("/en/events/"))) == ["Early Swim", "Coffee Morning", "Quiz"]
    now.return_value = now.return_value.replace(hour=11, minute=30)
    soup = parse(client.get("/en/events/"))
    assert listed_titles(soup) == ["Quiz", "Early Swim"]
    assert "Thursday 19 November 2026" in soup.select(".event-card__when")[1].get_text()


def test_a_date_that_ended_earlier_today_is_over_in_the_listing(client, make_event):
    """At 09:30 a session that ran from 07:00 to 08:00 is over: the series is listed at its next
    date, and a one-off is among the past events."""
    make_event("Early Swim", days=-7, repeat="weekly", start_time=time(7), end_time=time(8))
    make_event("Breakfast Club", start_time=time(7), end_time=time(8))
    upcoming = parse(client.get("/en/events/"))
    assert listed_titles(upcoming) == ["Early Swim"]
    assert "Thursday 19 November 2026" in upcoming.select_one(".event-card__when").get_text()
    assert listed_titles(parse(client.get("/en/events/?when=today"))) == []
    assert listed_titles(parse(client.get("/en/events/past/"))) == ["Breakfast Club"]


def test_past_events_newest_first(client, make_event):
    make_event("Long Ago", days=-60)
    make_event("Last Week", days=-7)
    make_event("Finished Series", days=-40, repeat="weekly", repeat_count=3)
    make_event("Still To Come", days=3)
    soup = parse(client.get("/en/events/past/"))
    assert soup.h1.get_text() == "Past events"
    assert listed_titles(soup) == ["Last Week", "Finished Series", "Long Ago"]
    assert soup.select_one('.event-views a[aria-current="page"]')["href"] == "/en/events/past/"


@pytest.mark.parametrize(
    "midnight",
    [datetime(2026, 11, 12, 0, 0, tzinfo=UTC), datetime(2026, 7, 14, 23, 0, tzinfo=UTC)],  # GMT; BST
    ids=["winter", "summer"],
)
def test_upcoming_and_past_split_at_local_midnight(now, make_event, event_index, midnight):
    now.return_value = midnight
    today = date(midnight.year, midnight.month, midnight.day) + timedelta(
        days=1 if midnight.hour == 23 else 0
    )
    yesterday = today - timedelta(days=1)
    make_event("Ended Last Night", start_date=yesterday, start_time=time(22), end_time=time(23, 59))
    make_event("Starts At Midnight", start_date=today, start_time=time(0), end_time=time(1))
    make_event("All Day Yesterday", start_date=yesterday, start_time=None, end_time=None)
    events = EventPage.objects.child_of(event_index["en"])
    assert start_of_day(today) == midnight
    assert [event.title for event in events.upcoming(start_of_day(today))] == ["Starts At Midnight"]
    assert {event.title for event in events.past(start_of_day(today))} == {
        "Ended Last Night",
        "All Day Yesterday",
    }


def test_upcoming_and_past_pages_split_at_midnight(client, now, make_event):
    now.return_value = datetime(2026, 11, 12, 0, 0, tzinfo=UTC)
    make_event("Ended Last Night", start_date=date(2026, 11, 11), start_time=time(22), end_time=time(23, 59))
    make_event("Starts At Midnight", start_date=date(2026, 11, 12), start_time=time(0), end_time=time(1))
    assert listed_titles(parse(client.get("/en/events/?when=today"))) == ["Starts At Midnight"]
    assert listed_titles(parse(client.get("/en/events/past/"))) == ["Ended Last Night"]


def test_date_filters(client, make_event):
    # Today is Thursday 12 November 2026.
    make_event("Today", days=0)
    make_event("Sunday", days=3)
    make_event("Next Monday", days=4)
    make_event("End Of Month", days=18)
    make_event("December", days=20)
    make_event("Weekly From December", days=22, repeat="weekly")
    assert listed_titles(parse(client.get("/en/events/?when=today"))) == ["Today"]
    assert listed_titles(parse(client.get("/en/events/?when=week"))) == ["Today", "Sunday"]
    assert listed_titles(parse(client.get("/en/events/?when=month"))) == [
        "Today",
        "Sunday",
        "Next Monday",
        "End Of Month",
    ]
    on_a_date = parse(client.get("/en/events/?date=2026-12-11"))
    assert listed_titles(on_a_date) == ["Weekly From December"]
    assert "Friday 11 December 2026" in on_a_date.select_one(".event-card__when").get_text()
    assert on_a_date.select_one('input[name="date"]')["value"] == "2026-12-11"
    assert on_a_date.select_one('input[name="date"]')["type"] == "date"


def test_filters_combine_and_survive_in_the_url(client, make_event, topics, venues, group_pages):
    group = group_pages["en"]
    common = {"topics": [topics["food"]], "venue": venues["stiwt"], "group": group, "is_free": True}
    make_event("All Match", **common)
    make_event("Wrong Topic", **{**common, "topics": [topics["volunteering"]]})
    make_event("Wrong Area", **{**common, "venue": venues["hall"]})
    make_event("Other Organiser", **{**common, "group": None})
    make_event("Costs Money", **{**common, "is_free": False, "cost": "£3"})
    make_event("Next Month", days=30, **common)
    assert len(listed_titles(parse(client.get("/en/events/?topic=food")))) == 5
    assert len(listed_titles(parse(client.get("/en/events/?topic=food&area=rhos")))) == 4
    query = "topic=food&area=rhos&group=rhos-community-cafe&free=on&when=month"
    soup = parse(client.get(f"/en/events/?{query}"))
    assert listed_titles(soup) == ["All Match"]
    assert soup.select_one('select[name="group"] option[selected]')["value"] == "rhos-community-cafe"
    assert soup.select_one('select[name="when"] option[selected]')["value"] == "month"
    assert soup.select_one('input[name="free"]').has_attr("checked")


def test_welsh_listing_uses_welsh_slugs_and_month_names(client, make_event, topics, venues, group_pages):
    make_event(
        "Caffi Trwsio",
        language="cy",
        days=2,
        topics=[topics["food"]],
        venue=venues["stiwt"],
        group=group_pages["en"],
    )
    make_event("Cyngerdd", language="cy", days=30, topics=[topics["volunteering"]], venue=venues["hall"])
    make_event("English Only", days=2)
    soup = parse(client.get("/cy/digwyddiadau/"))
    assert soup.html["lang"] == "cy"
    assert listed_titles(soup) == ["Caffi Trwsio", "Cyngerdd"]
    assert [heading.get_text() for heading in soup.select(".event-month__heading")] == [
        "Tachwedd 2026",
        "Rhagfyr 2026",
    ]
    assert "Dydd Sadwrn 14 Tachwedd 2026" in soup.select_one(".event-card__when").get_text()
    # The Welsh listing offers the group by its Welsh name and slug, whichever language it was chosen in.
    assert (
        soup.select_one('select[name="group"] option[value="caffi-cymunedol-rhos"]').get_text()
        == "Caffi Cymunedol Rhos"
    )
    assert listed_titles(parse(client.get("/cy/digwyddiadau/?topic=bwyd&area=rhos"))) == ["Caffi Trwsio"]
    assert listed_titles(parse(client.get("/cy/digwyddiadau/?group=caffi-cymunedol-rhos"))) == [
        "Caffi Trwsio"
    ]
    past = parse(client.get("/cy/digwyddiadau/blaenorol/"))
    assert past.html["lang"] == "cy" and listed_titles(past) == []


def test_pagination_twenty_a_page_keeping_filters(client, make_event, topics):
    for number in range(45):
        make_event(
            f"Event {number:02d}",
            days=number % 40,
            start_time=time(8, 0) if number < 40 else time(9, 0),
            topics=[topics["food"]],
        )
    soup = parse(client.get("/en/events/?topic=food"))
    assert len(listed_titles(soup)) == 20
    assert soup.select_one(".result-count").get_text().strip() == "45 events"
    next_link = soup.select_one('.pagination a[rel="next"]')["href"]
    assert "topic=food" in next_link and "page=2" in next_link
    third = parse(client.get("/en/events/?topic=food&page=3"))
    assert len(listed_titles(third)) == 5
    assert third.select_one('.pagination [aria-current="page"]').get_text() == "3"


def test_empty_state_suggests_clearing_filters(client, make_event, topics):
    make_event("Only Event")
    soup = parse(client.get("/en/events/?topic=food"))
    assert soup.select_one(".result-count").get_text().strip() == "0 events"
    assert soup.select_one(".empty-state a")["href"] == "/en/events/"


BAD_VALUES = [
    "topic=no-such-topic",
    "area=atlantis",
    "group=nobody",
    "when=yesterday",
    "date=2026-13-45",
    "date=yesterday",
    "date=0001-01-01",
    "date=9999-12-31",
    "date=2026-02-30",
    "page=abc",
    "page=-1",
    "page=0",
    "page=99999999999999999999999",
    "free=maybe",
    "topic=&area=&date=",
    "date=%00",
]


@pytest.mark.parametrize("path", ["/en/events/", "/en/events/past/", "/cy/digwyddiadau/"])
def test_bad_values_give_a_normal_page(client, make_event, path):
    """Values that cannot be used are dropped: the reader gets the list without them."""
    make_event("An Event", days=3, is_free=True)
    make_event("Digwyddiad", language="cy", days=3, is_free=True)
    for query in BAD_VALUES:
        soup = parse(client.get(f"{path}?{query}"))
        assert len(listed_titles(soup)) == (0 if "past" in path else 1), query


def test_listing_queries_do_not_grow_with_the_number_of_events(
    count_queries, make_event, topics, venues, group_pages
):
    def add_events(start, end):
        for number in range(start, end):
            make_event(
                f"Event {number:03d}",
                days=number % 60 - 10,
                topics=[topics["food"]],
                venue=venues["stiwt"],
                group=group_pages["en"],
                is_free=bool(number % 2),
                repeat="weekly" if number % 5 == 0 else "",
            )

    paths = [
        "/en/events/",
        "/en/events/?topic=food&area=rhos&group=rhos-community-cafe&free=on&when=month&page=2",
        "/en/events/past/",
    ]
    add_events(0, 15)
    at_15 = [count_queries(path) for path in paths]
    add_events(15, 150)
    assert [count_queries(path) for path in paths] == at_15
    assert max(at_15) < 15, at_15


@pytest.mark.parametrize(
    ("language", "path", "other"),
    [
        ("cy", "/cy/digwyddiadau/blaenorol/", "/en/events/past/"),
        ("en", "/en/events/past/", "/cy/digwyddiadau/blaenorol/"),
    ],
)
def test_the_language_switch_on_past_events_goes_to_past_events(client, event_index, language, path, other):
    soup = parse(client.get(path))
    switch = soup.select_one(f'.language-switcher a[hreflang="{"en" if language == "cy" else "cy"}"]')
    assert switch["href"] == other
    assert soup.select_one(f'link[rel="alternate"][hreflang="{language}"]')["href"].endswith(path)


@pytest.mark.parametrize(
    ("language", "path", "saturday", "sunday"),
    [
        ("en", "/en/events/", "Saturday 14 November 2026", "Sunday 15 November 2026"),
        ("cy", "/cy/digwyddiadau/", "Dydd Sadwrn 14 Tachwedd 2026", "Dydd Sul 15 Tachwedd 2026"),
    ],
)
def test_this_weekend_is_the_coming_saturday_and_sunday(
    client, now, make_event, language, path, saturday, sunday
):
    # Today is Thursday 12 November 2026: the weekend is the 14th and 15th.
    make_event("Friday", language=language, days=1)
    make_event("Saturday", language=language, days=2)
    make_event("Sunday Afternoon", language=language, days=3, start_time=time(14), end_time=time(16))
    make_event("Monday", language=language, days=4)
    make_event("Sundays Weekly", language=language, days=-11, repeat="weekly")  # from Sunday 1 November
    soup = parse(client.get(f"{path}?when=weekend"))
    assert listed_titles(soup) == ["Saturday", "Sundays Weekly", "Sunday Afternoon"]
    dates = [when.get_text(" ", strip=True) for when in soup.select(".event-card__when")]
    assert saturday in dates[0] and sunday in dates[1] and sunday in dates[2]
    assert soup.select_one('select[name="when"] option[selected]')["value"] == "weekend"
    choices = [option["value"] for option in soup.select('select[name="when"] option')]
    assert choices == ["", "today", "week", "weekend", "month"]
    label = soup.select_one('select[name="when"] option[value="weekend"]').get_text()
    assert label == {"en": "This weekend", "cy": "Y penwythnos hwn"}[language]

    # On the Saturday evening, what is left of the weekend: Saturday's morning event is over.
    now.return_value = datetime(2026, 11, 14, 18, 0, tzinfo=UTC)
    assert listed_titles(parse(client.get(f"{path}?when=weekend"))) == ["Sundays Weekly", "Sunday Afternoon"]

    # On the Sunday at one o'clock, only the rest of that Sunday, not the next weekend: the
    # weekly morning event is over for today and its next date (the 22nd) is not this weekend.
    now.return_value = datetime(2026, 11, 15, 13, 0, tzinfo=UTC)
    assert listed_titles(parse(client.get(f"{path}?when=weekend"))) == ["Sunday Afternoon"]

    # On the Monday, the weekend is the coming one, and the weekly event is back on the 22nd.
    now.return_value = datetime(2026, 11, 16, 9, 0, tzinfo=UTC)
    assert listed_titles(parse(client.get(f"{path}?when=weekend"))) == ["Sundays Weekly"]
