"""Repeating events expand to the right dates, in Wrexham's wall-clock time."""

from datetime import UTC, date, datetime, time, timedelta
from io import StringIO

import pytest
from django.core.exceptions import ValidationError

from events.models import EventPage
from events.recurrence import Schedule

HORIZON = datetime(2028, 1, 1)


def starts(schedule, horizon=HORIZON):
    return [start.date() for start in schedule.local_starts(horizon)]


def test_weekly_for_a_count():
    schedule = Schedule(
        start=datetime(2026, 11, 3, 10, 30), duration=timedelta(hours=1), repeat="weekly", count=4
    )
    assert starts(schedule) == [date(2026, 11, 3), date(2026, 11, 10), date(2026, 11, 17), date(2026, 11, 24)]
    assert schedule.last_date() == date(2026, 11, 24)


def test_fortnightly_until_a_day():
    schedule = Schedule(
        start=datetime(2026, 11, 15, 10),
        duration=timedelta(hours=3),
        repeat="fortnightly",
        until=date(2026, 12, 27),
    )
    assert starts(schedule) == [
        date(2026, 11, 15),
        date(2026, 11, 29),
        date(2026, 12, 13),
        date(2026, 12, 27),
    ]


def test_monthly_on_the_second_saturday():
    schedule = Schedule(
        start=datetime(2026, 11, 14, 10),
        duration=timedelta(hours=3),
        repeat="monthly",
        week_of_month=2,
        count=5,
    )
    assert starts(schedule) == [
        date(2026, 11, 14),
        date(2026, 12, 12),
        date(2027, 1, 9),
        date(2027, 2, 13),
        date(2027, 3, 13),
    ]
    assert all(day.weekday() == 5 and 8 <= day.day <= 14 for day in starts(schedule))


def test_monthly_on_the_last_wednesday():
    schedule = Schedule(
        start=datetime(2026, 11, 25, 19),
        duration=timedelta(hours=2),
        repeat="monthly",
        week_of_month=-1,
        count=3,
    )
    assert starts(schedule) == [date(2026, 11, 25), date(2026, 12, 30), date(2027, 1, 27)]


def test_exception_dates_are_left_out_and_still_count():
    # As in iCalendar, COUNT counts the dates before the exceptions are taken away.
    schedule = Schedule(
        start=datetime(2026, 12, 1, 10),
        duration=timedelta(hours=1),
        repeat="weekly",
        count=5,
        exceptions=frozenset({date(2026, 12, 22), date(2026, 12, 29)}),
    )
    assert starts(schedule) == [date(2026, 12, 1), date(2026, 12, 8), date(2026, 12, 15)]
    assert schedule.last_date() == date(2026, 12, 15)
    assert [cancelled for _start, _end, cancelled in schedule.occurrences(HORIZON)] == [
        False,
        False,
        False,
        True,
        True,
    ]


def test_open_ended_series_stops_at_the_horizon():
    schedule = Schedule(start=datetime(2026, 11, 3, 10), duration=timedelta(hours=1), repeat="weekly")
    assert len(starts(schedule, horizon=datetime(2026, 12, 31))) == 9
    assert schedule.last_date() is None


def test_one_off_event_has_one_date():
    assert starts(Schedule(start=datetime(2026, 11, 3, 10), duration=timedelta(hours=1))) == [
        date(2026, 11, 3)
    ]


@pytest.mark.parametrize(
    "first, utc_hours",
    [
        (datetime(2026, 10, 17, 10), [9, 9, 10]),  # BST (UTC+1) until Sunday 25 October, then GMT
        (datetime(2027, 3, 20, 10), [10, 10, 9]),  # GMT until Sunday 28 March, then BST
    ],
)
def test_clock_changes_keep_ten_o_clock_local(first, utc_hours):
    """Across the last Sunday of October (and of March) the event stays at 10:00 in Wrexham."""
    occurrences = Schedule(start=first, duration=timedelta(hours=2), repeat="weekly", count=3).occurrences(
        HORIZON
    )
    assert {start.time() for start, _end, _cancelled in occurrences} == {time(10)}
    assert [start.astimezone(UTC).hour for start, _end, _cancelled in occurrences] == utc_hours
    assert {(end - start) for start, end, _cancelled in occurrences} == {timedelta(hours=2)}


def test_all_day_and_multi_day_events_span_whole_days():
    schedule = Schedule(start=datetime(2026, 12, 5), duration=timedelta(days=2), all_day=True)
    ((start, end, _cancelled),) = schedule.occurrences(HORIZON)
    assert (start.hour, end - start) == (0, timedelta(days=2))


def test_repeat_rule_is_described_in_words():
    def describe(**fields):
        return Schedule(start=datetime(2026, 11, 14, 10), duration=timedelta(hours=1), **fields).describe()

    assert describe(repeat="weekly") == "Every Saturday"
    assert describe(repeat="fortnightly") == "Every other Saturday"
    assert describe(repeat="monthly", week_of_month=2) == "Second Saturday of every month"
    assert describe() == ""


def make_page(**fields):
    fields = {
        "title": "Event",
        "slug": "event",
        "start_date": date(2026, 11, 14),
        "start_time": time(10),
        "end_time": time(12),
        **fields,
    }
    return EventPage(**fields)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "fields, field_in_error",
    [
        ({"end_time": None}, "end_time"),
        ({"start_time": None}, "start_time"),
        ({"end_time": time(9)}, "end_time"),
        ({"end_date": date(2026, 11, 13)}, "end_date"),
        ({"repeat": "monthly", "week_of_month": 1}, "start_date"),  # 14 November is the second Saturday
        ({"repeat": "monthly"}, "week_of_month"),
        ({"repeat": "weekly", "repeat_count": 3, "repeat_until": date(2027, 1, 1)}, "repeat_count"),
        ({"repeat": "weekly", "repeat_until": date(2026, 11, 1)}, "repeat_until"),
    ],
)
def test_editors_are_told_about_impossible_dates(fields, field_in_error):
    with pytest.raises(ValidationError) as error:
        make_page(**fields).clean()
    assert field_in_error in error.value.message_dict


@pytest.mark.django_db
@pytest.mark.parametrize(
    "fields",
    [
        {},
        {"start_time": None, "end_time": None},
        {"repeat": "monthly", "week_of_month": 2},
        {"repeat": "monthly", "week_of_month": -1, "start_date": date(2026, 11, 28)},
    ],
)
def test_possible_dates_are_accepted(fields):
    make_page(**fields).clean()


@pytest.mark.django_db
def test_refresh_command_moves_the_horizon_on(make_event, now):
    from django.core.management import call_command

    from events.models import EventOccurrence

    weekly = make_event("Weekly", repeat="weekly")  # open-ended: stored up to 18 months ahead
    last_stored = EventOccurrence.objects.filter(event=weekly).latest("start").start
    now.return_value += timedelta(days=70)
    call_command("refresh_event_occurrences", stdout=StringIO())
    assert EventOccurrence.objects.filter(event=weekly).latest("start").start == last_stored + timedelta(
        weeks=10
    )
