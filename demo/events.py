"""Demo content for events: venues and events in both languages, dated from the day it is loaded.

Dates in ``demo/data/events.json`` are relative ("in 12 days, on a Saturday", "the second
Saturday of the month, from this month"), so the demo always has events to come, a few that
are over, and series that repeat. Organising groups are the directory's demo groups.
"""

from datetime import datetime, time, timedelta

from dateutil import rrule
from dateutil.relativedelta import relativedelta
from django.utils import timezone

from demo.helpers import ensure_child_page, ensure_translation, load_json, locales, paragraphs
from demo.scale import generate_translated_pages
from directory.models import Area, GroupPage
from events.models import EventCancelledDate, EventIndexPage, EventPage, Venue
from home.alerts import SiteAlert
from home.models import HomePage
from search.models import Topic

TRANSLATED_FIELDS = ("title", "slug", "summary", "cost", "accessibility")


def ensure_event_index(data):
    language_locales = locales()
    english_home = HomePage.objects.get(depth=2, locale=language_locales["en"])
    english_fields = dict(data["en"])
    english, _ = ensure_child_page(
        english_home, EventIndexPage, english_fields.pop("slug"), show_in_menus=True, **english_fields
    )
    ensure_translation(english, language_locales["cy"], **data["cy"])
    return english


def load_venues(data):
    areas = {area.slug: area for area in Area.objects.all()}
    for venue in data:
        Venue.objects.get_or_create(
            slug=venue["key"],
            defaults={
                "name": venue["name_en"],
                "name_cy": venue["name_cy"],
                "address": venue["address_en"],
                "address_cy": venue["address_cy"],
                "postcode": venue["postcode"],
                "area": areas.get(venue["area"]),
                "latitude": f"{venue['latitude']:.6f}",
                "longitude": f"{venue['longitude']:.6f}",
            },
        )
    return {venue.slug: venue for venue in Venue.objects.all()}


def first_date(when, today):
    """The first day: ``days`` from today, moved on to the weekday (and week of the month) asked for."""
    day = today + timedelta(days=when["days"])
    if "week_of_month" in when:
        weekday = rrule.weekday(when["weekday"], when["week_of_month"])
        return rrule.rrule(
            rrule.MONTHLY, dtstart=datetime.combine(day, time.min), byweekday=weekday, count=1
        )[0].date()
    if "weekday" in when:
        return day + relativedelta(weekday=when["weekday"])
    return day


def schedule_fields(when, today):
    start = first_date(when, today)
    fields = {
        "start_date": start,
        "repeat": when.get("repeat", ""),
        "week_of_month": when.get("week_of_month"),
    }
    if "start" in when:
        fields.update(start_time=time.fromisoformat(when["start"]), end_time=time.fromisoformat(when["end"]))
    if "last_day_offset" in when:
        fields["end_date"] = start + timedelta(days=when["last_day_offset"])
    if "until_days" in when:
        fields["repeat_until"] = today + timedelta(days=when["until_days"])
    fields["repeat_count"] = when.get("count")
    return fields


def cancelled_dates(fields, when):
    """The dates of the series' occurrences numbered in ``cancel_occurrences`` (1 is the first)."""
    numbers = when.get("cancel_occurrences", [])
    rule = EventPage(**fields).get_schedule().rule() if numbers else None
    return [EventCancelledDate(date=rule[number - 1].date()) for number in numbers]


def _event_fields(event, language):
    fields = {name: event[f"{name}_{language}"] for name in TRANSLATED_FIELDS}
    fields["body"] = paragraphs(event[f"description_{language}"])
    return fields


def load_events(log):
    data = load_json("events.json")
    directory = load_json("directory.json")
    welsh_locale = locales()["cy"]
    english_index = ensure_event_index(data["index"])
    venues = load_venues(data["venues"])
    topic_slugs = {topic["key"]: topic["slug_en"] for topic in directory["topics"]}
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    group_slugs = {group["key"]: group["slug_en"] for group in directory["groups"]}
    groups = {group.slug: group for group in GroupPage.objects.filter(locale=english_index.locale)}
    log(f"Venues: {len(venues)}")
    today = timezone.localdate()
    total = len(data["events"])
    for number, event in enumerate(data["events"], start=1):
        english_fields = _event_fields(event, "en")
        slug = english_fields.pop("slug")
        fields = schedule_fields(event["when"], today)
        english, _ = ensure_child_page(
            english_index,
            EventPage,
            slug,
            topics=[topics[topic_slugs[key]] for key in event["topics"]],
            venue=venues[event["venue"]],
            group=groups.get(group_slugs.get(event["group"])),
            is_free=event["is_free"],
            booking_url=event.get("booking_url", ""),
            event_language=event["event_language"],
            cancelled_dates=cancelled_dates(fields, event["when"]),
            **fields,
            **english_fields,
        )
        ensure_translation(english, welsh_locale, **_event_fields(event, "cy"))
        if number % 6 == 0 or number == total:
            log(f"Events: {number}/{total}")
    load_events_alert(data["alert"], english_index)


def load_events_alert(alert, english_index):
    """A site alert on the events section (both languages), so the demo shows what one looks like."""
    now = timezone.now()
    SiteAlert.objects.get_or_create(
        message_en=alert["message_en"],
        defaults={
            "message_cy": alert["message_cy"],
            "priority": alert["priority"],
            "starts_at": now,
            "ends_at": now + timedelta(days=alert["days"]),
            "section": english_index,
        },
    )


GENERATED_EVENTS = [
    ("Coffee morning", "Bore coffi"), ("Repair café", "Caffi trwsio"), ("Guided walk", "Taith gerdded"),
    ("Craft afternoon", "Prynhawn crefft"), ("Welsh conversation", "Sgwrs Gymraeg"), ("Quiz night", "Noson cwis"),
]  # fmt: skip


def scale_events(scale, log):
    """One generated event for every three generated groups, spread over the coming months."""
    language_locales = locales()
    english_index = ensure_event_index(load_json("events.json")["index"])
    welsh_index = english_index.get_translation(language_locales["cy"])
    venues = list(Venue.objects.all())
    today = timezone.localdate()

    def describe(number, rng, topics):
        english_kind, welsh_kind = rng.choice(GENERATED_EVENTS)
        venue = rng.choice(venues)
        shared = {
            "start_date": today + timedelta(days=rng.randint(-30, 180)), "start_time": time(10), "end_time": time(12),
            "venue": venue, "is_free": rng.random() < 0.7,
        }  # fmt: skip
        english = {
            "title": f"{english_kind} at {venue.name} {number}",
            "summary": f"{english_kind} for everyone.",
        }
        welsh = {"title": f"{welsh_kind} yn {venue.name_cy} {number}", "summary": f"{welsh_kind} i bawb."}
        return shared, english, welsh, topics

    generate_translated_pages(english_index, welsh_index, EventPage, scale // 3, describe, "events", log)
