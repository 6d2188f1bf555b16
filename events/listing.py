"""The events listing's filters: topic, area, organiser, dates and cost.

The events come from the listing page (``EventIndexPage.events``) and are dated by the
queries of ``events.models.occurrences`` (``.upcoming()``, ``.past()``).

Filters are a GET form whose choices survive in the URL. Invalid values (an unknown topic, a
date like 2026-13-45) are dropped, never an error page: the reader gets the list without that
filter and the form shows what was not understood.
"""

from datetime import timedelta
from itertools import groupby

from django import forms
from django.core.paginator import Paginator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bilingual.language import current_language
from bilingual.names import BilingualChoiceField
from bilingual.welsh import sort_key_for
from directory.models import Area, GroupPage
from home.listing import fetched_when_shown
from home.listing_filters import ChosenFilters
from home.page_cache import cached, digest
from home.visibility import publicly_visible
from places.forms import NearFilterFields
from search.models import Topic

from .recurrence import start_of_day

# A date further than this from today is taken as a typing mistake.
DATE_RANGE = timedelta(days=366 * 10)


class EventFilterForm(NearFilterFields, forms.Form):
    topic = BilingualChoiceField(Topic, label=_("Topic"))
    area = BilingualChoiceField(Area, label=_("Area"))
    group = forms.ChoiceField(label=_("Organised by"), required=False)
    when = forms.ChoiceField(
        label=_("When"),
        required=False,
        choices=[
            ("", _("Any date")),
            ("today", _("Today")),
            ("week", _("This week")),
            ("weekend", _("This weekend")),
            ("month", _("This month")),
        ],
    )
    date = forms.DateField(
        label=_("On a date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Used instead of “When” if you choose a date."),
    )
    free = forms.BooleanField(label=_("Free events only"), required=False)

    def __init__(self, data, groups, today, past=False):
        super().__init__(data)
        self.today = today
        self.fields["topic"].load_choices()
        self.fields["area"].load_choices()
        self.fields["group"].choices = [("", _("All"))] + [(slug, title) for slug, title in groups]
        if past:
            # Past events are listed newest first; choosing dates there is not worth a form.
            del self.fields["when"], self.fields["date"]

    def clean_date(self):
        day = self.cleaned_data["date"]
        if day and abs(day - self.today) > DATE_RANGE:
            raise forms.ValidationError(self.fields["date"].error_messages["invalid"], code="invalid")
        return day


class EventFilter(ChosenFilters):
    """The events of one listing page after the reader's filters, upcoming or past."""

    FILTERS = ("topic", "area", "group", "when", "date", "free", "near")

    def __init__(self, data, index_page, past=False):
        self.language = current_language()
        self.index_page = index_page
        self.past = past
        self.today = timezone.localdate()
        self.group_keys = {}
        self.form = EventFilterForm(data, self._group_choices(), self.today, past=past)
        self.form.is_valid()  # fills cleaned_data with the values that are valid
        self.values = self.form.cleaned_data

    def _events(self):
        return publicly_visible(self.index_page.events())

    def _group_choices(self):
        """(slug, name) of each group, in the reader's language, that organises events here:
        kept with the page-tree facts, since only publishing changes it."""

        def organisers():
            organising = self._events().exclude(group=None).values("group__translation_key")
            groups = publicly_visible(GroupPage.objects).filter(
                locale_id=self.index_page.locale_id, translation_key__in=organising
            )
            sort_key = sort_key_for(self.language)
            return sorted(
                groups.values_list("translation_key", "slug", "title"), key=lambda row: sort_key(row[2])
            )

        rows = cached(f"event-organisers:{self.index_page.pk}", organisers)
        self.group_keys = {slug: key for key, slug, _title in rows}
        return [(slug, title) for _key, slug, title in rows]

    def date_range(self):
        """(first moment, moment after the last) the reader asked for; the end may be None.

        Today's part starts now, not at midnight: a date that ended earlier today is over, and
        the event is listed at its next date (or among the past events)."""
        today, values = self.today, self.values
        if values.get("date"):
            first = max(start_of_day(values["date"]), timezone.now())
            return first, start_of_day(values["date"] + timedelta(days=1))
        when = values.get("when")
        if when == "today":
            end = today + timedelta(days=1)
        elif when == "week":
            end = today + timedelta(days=7 - today.weekday())  # up to the end of Sunday
        elif when == "weekend":
            # Saturday and Sunday of this weekend, or of the coming one from Monday to Friday;
            # on a Sunday, what is left of it.
            sunday = today.weekday() == 6
            saturday = today - timedelta(days=1) if sunday else today + timedelta(days=5 - today.weekday())
            end = saturday + timedelta(days=2)
            return max(start_of_day(saturday), timezone.now()), start_of_day(end)
        elif when == "month":
            end = (today.replace(day=1) + timedelta(days=32)).replace(day=1)
        else:
            return timezone.now(), None
        return timezone.now(), start_of_day(end)

    def queryset(self):
        events = self._events()
        values, fields = self.values, self.form.fields
        if values.get("topic"):
            events = events.filter(tagged_topics__tag_id=fields["topic"].pk_by_slug[values["topic"]])
        if values.get("area"):
            events = events.filter(venue__area_id=fields["area"].pk_by_slug[values["area"]])
        if values.get("group"):
            events = events.filter(group__translation_key=self.group_keys[values["group"]])
        if values.get("free"):
            events = events.filter(is_free=True)
        events = events.past(timezone.now()) if self.past else events.upcoming(*self.date_range())
        if self.form.place:  # near a postcode: the venue's distance first, then the date
            events = self.form.near_only(events, "venue__latitude", "venue__longitude")
            events = events.order_by("distance_order", *events.query.order_by)
        return events.select_related("venue")

    def paginate(self, page_number, per_page):
        """A page of the listing as home.listing's ``Listed`` items, each with the date it is
        listed at (``start``, ``end``): the events themselves are fetched only for a card not
        kept already (``listed_events``)."""
        page = Paginator(self.listed_rows(), per_page).get_page(page_number)
        events = self.index_page.events().select_related("venue")
        page.object_list = listed_events(page.object_list, lambda ids: events.filter(pk__in=ids))
        return page

    def listed_rows(self):
        """(event id, listed start, listed end) of every event listed, in order.

        For upcoming events without a postcode, kept with the page-tree facts (only publishing
        adds, moves or removes an event) for the filters chosen and the day, until one of the
        dates listed is over (the event moves to its next date, or off the list): at 10,000
        pages the two queries (the count and the page) read every event's next date."""
        rows = self.queryset().values_list("pk", "occurrence_start", "occurrence_end")
        if self.past or self.form.place:
            return rows
        chosen = sorted(
            (name, str(value)) for name, value in self.values.items() if value not in (None, "", False)
        )

        def none_over(kept):
            now = timezone.now()
            return all(end > now for _pk, _start, end in kept)

        return cached(
            f"event-rows:{self.index_page.pk}:{self.today}:{digest(chosen)}",
            lambda: list(rows),
            still_good=none_over,
        )

    def by_month(self, events):
        """[(first day of the month, [events])] in listing order, by each event's listed date;
        near a postcode, one list nearest first ([(None, [events])])."""
        if self.form.place:
            return [(None, list(events))] if events else []

        def month_of(event):
            return timezone.localtime(event.start).date().replace(day=1)

        return [(month, list(items)) for month, items in groupby(events, key=month_of)]


def listed_events(rows, fetch):
    """(event id, listed start, listed end) rows as home.listing's ``Listed`` items for
    events/includes/event_card.html; ``fetch(ids)`` gives the events, with their venues, and is
    called only when a card is not kept; each event is given the date it is listed at."""
    when = {pk: (start, end) for pk, start, end in rows}

    def events_with_cards(ids):
        for event in fetch(ids):
            event.occurrence_start, event.occurrence_end = when[event.pk]
            yield event

    shown = {pk: {"start": start, "end": end} for pk, (start, end) in when.items()}
    return fetched_when_shown(when, events_with_cards, shown)
