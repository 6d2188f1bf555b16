"""The demo events: plenty of them, in both languages, dated from the day they are loaded."""

from datetime import datetime

import pytest
from django.utils import timezone

from demo.directory import load_areas_and_topics
from demo.events import load_events
from directory.models import GroupIndexPage, GroupPage
from events.models import EventIndexPage, EventOccurrence, EventPage, Venue

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_events(home_pages):
    """The demo events, with the areas and topics they use and one of the demo groups."""
    load_areas_and_topics(lambda message: None)
    directory = GroupIndexPage(title="Community groups", slug="groups")
    home_pages["en"].add_child(instance=directory)
    directory.add_child(
        instance=GroupPage(title="Coedpoeth Repair Café", slug="coedpoeth-repair-cafe", live=True)
    )
    messages = []
    load_events(messages.append)
    return messages


def test_demo_has_many_events_in_both_languages(demo_events):
    assert "Events: 18/18" in demo_events
    for language in ("en", "cy"):
        events = EventPage.objects.live().filter(locale__language_code=language)
        assert events.count() >= 15, language
    assert EventIndexPage.objects.get(locale__language_code="en").show_in_menus
    assert EventIndexPage.objects.get(locale__language_code="cy").slug == "digwyddiadau"
    assert 4 <= Venue.objects.count() <= 6


def test_demo_events_are_relative_to_today(demo_events, locales):
    events = EventPage.objects.filter(locale__language_code="en")
    today = timezone.localdate()
    held = EventOccurrence.objects.filter(event__in=events, cancelled=False)
    assert held.filter(start__date__lt=today).exists() and held.filter(start__date__gte=today).exists()
    assert events.filter(start_date__lt=today, repeat="").count() >= 3  # some are over
    assert events.filter(is_free=True).exists() and events.filter(is_free=False).exists()
    assert {"weekly", "fortnightly", "monthly"} <= set(events.values_list("repeat", flat=True))
    repair_cafe = events.get(slug="coedpoeth-repair-cafe")
    assert repair_cafe.repeat_description == "Second Saturday of every month"
    assert repair_cafe.group.slug == "coedpoeth-repair-cafe"
    assert all(
        start.weekday() == 5 and 8 <= start.day <= 14
        for start in repair_cafe.get_schedule().local_starts(datetime(2028, 1, 1))
    )
    conversation = events.get(slug="cuppa-and-a-chat-welsh-conversation")
    assert conversation.event_language == "cy" and conversation.cancelled_dates.count() == 1
    welsh = conversation.get_translation(locales["cy"])
    assert welsh.title == "Paned a Sgwrs" and welsh.cancelled_dates.count() == 1


def test_demo_events_load_once(demo_events):
    pages, occurrences = EventPage.objects.count(), EventOccurrence.objects.count()
    load_events(lambda message: None)
    assert (EventPage.objects.count(), EventOccurrence.objects.count()) == (pages, occurrences)
