"""When an event happens: its first date, how it repeats, and the dates that gives.

An event's times are wall-clock times in Wrexham ("10:00 every Saturday"). The rule is expanded
with python-dateutil's ``rrule`` on naive local datetimes and each date is made aware only at
the end, so an event at 10:00 stays at 10:00 when the clocks change and its UTC instant moves by
an hour. The same rule is written out as an iCalendar RRULE (see ``events.calendar``), so what
the site lists and what readers' calendars show cannot drift apart.
See https://dateutil.readthedocs.io/en/stable/rrule.html and RFC 5545, section 3.3.10.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from itertools import takewhile

from dateutil import rrule
from dateutil.relativedelta import relativedelta
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# The sentences that name a day ("Every Tuesday", "Second Monday of every month") are shared
# with the directory's schedules, so they live in ``bilingual``.
from bilingual.weekdays import FORTNIGHTLY_TEXT, MONTHLY_TEXT, WEEKLY_TEXT, WeekOfMonth  # noqa: F401

# How far ahead the listings know an event's dates; ``manage.py refresh_event_occurrences``
# moves the horizon on for series that carry on.
HORIZON = relativedelta(months=18)


class Repeat(models.TextChoices):
    WEEKLY = "weekly", _("Every week")
    FORTNIGHTLY = "fortnightly", _("Every two weeks")
    MONTHLY = "monthly", _("Every month, on the same weekday")


ICAL_DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


def local_zone():
    return timezone.get_default_timezone()


def make_local(naive):
    """A wall-clock time in Wrexham as an aware datetime (zoneinfo picks GMT or BST)."""
    return naive.replace(tzinfo=local_zone())


def start_of_day(day):
    """Midnight at the start of ``day`` in Wrexham, as an aware datetime."""
    return make_local(datetime.combine(day, time.min))


def nth_weekday_of_month(day):
    """Which of its month's Mondays (or Tuesdays…) ``day`` is, counting from 1."""
    return (day.day - 1) // 7 + 1


def is_last_weekday_of_month(day):
    return (day + timedelta(days=7)).month != day.month


@dataclass(frozen=True)
class Schedule:
    """An event's first date and its repeat rule, in wall-clock time."""

    start: datetime  # naive, local
    duration: timedelta
    all_day: bool = False
    repeat: str = ""
    week_of_month: int | None = None
    until: date | None = None
    count: int | None = None
    exceptions: frozenset = frozenset()

    @property
    def weekday(self):
        return self.start.weekday()

    def _terms(self):
        """(frequency, interval, nth weekday or None): the rule both encodings are written from."""
        if self.repeat == Repeat.MONTHLY:
            return rrule.MONTHLY, 1, self.week_of_month
        return rrule.WEEKLY, 2 if self.repeat == Repeat.FORTNIGHTLY else 1, None

    def _until_local(self):
        return datetime.combine(self.until, self.start.time()) if self.until else None

    def rule(self):
        """The dateutil rule, or None for an event that happens once."""
        if not self.repeat:
            return None
        frequency, interval, nth = self._terms()
        return rrule.rrule(
            frequency,
            dtstart=self.start,
            interval=interval,
            byweekday=rrule.weekday(self.weekday, nth),
            until=self._until_local(),
            count=self.count,
        )

    def ical_rule(self):
        """The same rule as iCalendar RRULE parts (UNTIL in UTC when times are local, RFC 5545)."""
        frequency, interval, nth = self._terms()
        parts = {
            "FREQ": "MONTHLY" if frequency == rrule.MONTHLY else "WEEKLY",
            "INTERVAL": interval,
            "BYDAY": f"{nth or ''}{ICAL_DAYS[self.weekday]}",
        }
        if self.until:
            parts["UNTIL"] = self.until if self.all_day else make_local(self._until_local()).astimezone(UTC)
        if self.count:
            parts["COUNT"] = self.count
        return parts

    def _rule_starts(self, horizon):
        rule = self.rule()
        if rule is None:
            return [self.start]
        return list(takewhile(lambda start: start <= horizon, rule))

    def local_starts(self, horizon):
        """Every start (naive, local) up to ``horizon``, leaving out the exception dates."""
        return [start for start in self._rule_starts(horizon) if start.date() not in self.exceptions]

    def occurrences(self, horizon):
        """(start, end, cancelled) of every date the rule gives up to ``horizon``, as aware datetimes.

        Exception dates are kept, marked as cancelled, so readers can be told the event is off.
        """
        return [
            (make_local(start), make_local(start + self.duration), start.date() in self.exceptions)
            for start in self._rule_starts(horizon)
        ]

    def last_date(self):
        """The day a series that stops ends on (its UNTIL date, or its COUNT-th date), else None."""
        rule = self.rule()
        if rule is None or not (self.until or self.count):
            return None
        dates = [start.date() for start in rule if start.date() not in self.exceptions]
        return dates[-1] if dates else None

    def describe(self):
        """How the event repeats, in the reader's language: "Second Saturday of every month"."""
        if not self.repeat:
            return ""
        if self.repeat == Repeat.MONTHLY:
            text, days = MONTHLY_TEXT[self.week_of_month]
        else:
            text, days = FORTNIGHTLY_TEXT if self.repeat == Repeat.FORTNIGHTLY else WEEKLY_TEXT
        return text % {"day": days[self.weekday]}
