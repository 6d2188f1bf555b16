"""Events and the calendar: what is on, where, when, and how often.

Split by kind: ``venue`` (where), ``pages`` (the events listing and the event pages),
``occurrences`` (each event's stored dates and the queries that list events by them).
"""

from .occurrences import EventOccurrence, EventQuerySet, not_over_by
from .pages import EventCancelledDate, EventIndexPage, EventLanguage, EventPage, calendar_file_url
from .venue import Venue

__all__ = [
    "EventCancelledDate",
    "EventIndexPage",
    "EventLanguage",
    "EventOccurrence",
    "EventPage",
    "EventQuerySet",
    "Venue",
    "calendar_file_url",
    "not_over_by",
]
