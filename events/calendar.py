"""iCalendar files: one event (``event.ics``) or a listing's feed to subscribe to (``calendar.ics``).

Each event is one VEVENT carrying its repeat rule (RRULE) and cancelled dates (EXDATE), with
local times marked TZID=Europe/London and the matching VTIMEZONE, so readers' calendars expand
the series themselves and keep 10:00 at 10:00 across the clock changes.
Built with the icalendar library: https://icalendar.readthedocs.io/
"""

from datetime import date, datetime, timedelta

from django.http import HttpResponse
from django.utils import timezone
from icalendar import Calendar, Event

from bilingual.language import current_language
from home.public_address import public_page_url

from .recurrence import make_local

PRODUCT_ID = "-//Together in Wrexham//Events//EN"
CONTENT_TYPE = "text/calendar; charset=utf-8"
# The VTIMEZONE lists Wrexham's clock changes over this many years after today.
TIMEZONE_YEARS = 20


def iso_date(moment, all_day):
    """ISO 8601 in Wrexham's time with its offset, or just the date for an all-day event."""
    local = timezone.localtime(moment)
    return local.date().isoformat() if all_day else local.isoformat()


def _moment(naive, all_day):
    return naive.date() if all_day else make_local(naive)


def _location(venue):
    if venue is None:
        return ""
    lines = [venue.localized_name, *venue.localized_address.splitlines(), venue.postcode]
    return ", ".join(line.strip() for line in lines if line.strip())


def event_component(event, request):
    """One VEVENT for the event (a repeating one carries its rule), in the reader's language."""
    schedule = event.get_schedule()
    url = public_page_url(event, request)
    component = Event()
    # The same in every calendar, whatever host name the feed was fetched by (RFC 7986 5.3:
    # a UID is a globally unique identifier, not a host name; the translation key is a UUID).
    component.add("uid", f"event-{event.translation_key}-{current_language()}")
    component.add("dtstamp", event.last_published_at or timezone.now())
    component.add("summary", event.title)
    component.add("description", "\n\n".join(text for text in (event.summary, url) if text))
    component.add("url", url)
    location = _location(event.venue)
    if location:
        component.add("location", location)
    component.add("dtstart", _moment(schedule.start, schedule.all_day))
    component.add("dtend", _moment(schedule.start + schedule.duration, schedule.all_day))
    if schedule.repeat:
        component.add("rrule", schedule.ical_rule())
        exceptions = sorted(schedule.exceptions)
        if exceptions:
            starts = [datetime.combine(day, schedule.start.time()) for day in exceptions]
            component.add("exdate", [_moment(start, schedule.all_day) for start in starts])
    return component


def calendar_response(request, events, name):
    """A text/calendar response holding ``events``."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", timezone.get_default_timezone_name())
    first_day = timezone.localdate()
    for event in events:
        calendar.add_component(event_component(event, request))
        first_day = min(first_day, event.start_date)
    calendar.add_missing_timezones(
        first_date=date(first_day.year, 1, 1),
        last_date=timezone.localdate() + timedelta(days=365 * TIMEZONE_YEARS),
    )
    return HttpResponse(calendar.to_ical(), content_type=CONTENT_TYPE)
