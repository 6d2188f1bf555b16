"""A group's weekly schedule as data: the rows editors fill in and how each reads.

Each row is a day, a start and an end time, which weeks of the month (every week, or the first,
second, third, fourth or last of the month) and a short note. The rows are a StreamField of
``MeetingBlock`` (https://docs.wagtail.org/en/stable/topics/streamfield.html): wagtail-localize
translates only the note and keeps the day and times of the English listing
(``TranslatableField`` on a StreamField synchronises the blocks that are not text).

The same rows give the page's "Bob dydd Mawrth, 10:30–12:00", the schema.org
``openingHoursSpecification``, the Open Referral ``schedules`` and the directory's "meets on"
and "meets in the evening" filters (through the day codes stored on the page on every save).
"""

from datetime import time

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from bilingual.weekdays import MONTHLY_TEXT, WEEKLY_TEXT, WeekOfMonth

# iCalendar's two-letter codes (RFC 5545 BYDAY) in Monday-first order, with the schema.org day.
DAYS = {
    "mon": ("MO", "Monday"),
    "tue": ("TU", "Tuesday"),
    "wed": ("WE", "Wednesday"),
    "thu": ("TH", "Thursday"),
    "fri": ("FR", "Friday"),
    "sat": ("SA", "Saturday"),
    "sun": ("SU", "Sunday"),
}
# The admin's and the filter's names of the days.
DAY_CHOICES = [
    ("mon", _("Monday")),
    ("tue", _("Tuesday")),
    ("wed", _("Wednesday")),
    ("thu", _("Thursday")),
    ("fri", _("Friday")),
    ("sat", _("Saturday")),
    ("sun", _("Sunday")),
]
EVERY_WEEK = ""
# Which weeks of the month: every week, or one of the events' weeks of the month (1 to 4, -1).
WEEK_CHOICES = [(EVERY_WEEK, _("Every week")), *((str(week.value), week.label) for week in WeekOfMonth)]
# A session that starts at or after this time is "in the evening" for the directory's filter.
EVENING_STARTS = time(17, 0)


class MeetingBlock(blocks.StructBlock):
    """One regular session: a day, its times and which weeks of the month."""

    day = blocks.ChoiceBlock(label=_("Day"), choices=DAY_CHOICES)
    weeks = blocks.ChoiceBlock(
        label=_("Which week of the month"),
        choices=WEEK_CHOICES,
        default=EVERY_WEEK,
        required=False,
        help_text=_('Leave as "Every week" unless the group meets on, say, the first Monday of the month.'),
    )
    start = blocks.TimeBlock(label=_("Starts"))
    end = blocks.TimeBlock(label=_("Ends"), required=False)
    notes = blocks.CharBlock(
        label=_("Notes"),
        required=False,
        max_length=120,
        help_text=_("Optional, for example: term time only, or ages 8 to 12."),
    )

    class Meta:
        icon = "time"
        label = _("Session")


def clock(value):
    """A time as the page shows it in both languages: 24-hour, "10:30"."""
    return value.strftime("%H:%M")


def day_text(row):
    """The row's day in the active language: "Every Tuesday", "Second Monday of every month"."""
    sentence, names = MONTHLY_TEXT[WeekOfMonth(int(row["weeks"]))] if row.get("weeks") else WEEKLY_TEXT
    return sentence % {"day": names[list(DAYS).index(row["day"])]}


def row_text(row):
    """One row in the active language: "Every Tuesday, 10:30–12:00 (term time only)"."""
    day = day_text(row)
    if row.get("end"):
        times = f"{clock(row['start'])}–{clock(row['end'])}"
    else:
        times = gettext("from %(start)s") % {"start": clock(row["start"])}
    text = f"{day}, {times}"
    return f"{text} ({row['notes']})" if row.get("notes") else text


def rows(schedule):
    """The schedule's rows as plain dicts, Monday first and then by start time."""
    order = list(DAYS)
    values = [
        dict(child.value) for child in schedule if child.value.get("day") in DAYS and child.value.get("start")
    ]
    return sorted(values, key=lambda row: (order.index(row["day"]), row["start"]))


def stored_days(schedule):
    """The day codes the directory's "meets on" filter matches: "mon tue" (every week or not)."""
    days = {row["day"] for row in rows(schedule)}
    return " ".join(code for code in DAYS if code in days)


def meets_in_the_evening(schedule):
    return any(row["start"] >= EVENING_STARTS for row in rows(schedule))


def ical_byday(row):
    """iCalendar's BYDAY for a row: "TU" weekly, "1MO" on the first Monday, "-1FR" on the last Friday."""
    return (row.get("weeks") or "") + DAYS[row["day"]][0]


def opening_hours(schedule):
    """schema.org ``OpeningHoursSpecification``s for the weekly rows.

    schema.org has no "first Monday of the month", so monthly rows are left out rather than
    published as every week.
    """
    return [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": f"https://schema.org/{DAYS[row['day']][1]}",
            "opens": clock(row["start"]),
            **({"closes": clock(row["end"])} if row.get("end") else {}),
        }
        for row in rows(schedule)
        if not row.get("weeks")
    ]
