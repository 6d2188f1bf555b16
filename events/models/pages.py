"""The events listing and the event pages.

Follows bakerydemo's index/detail pattern, with Wagtail's RoutablePageMixin for the extra views
(past events, iCalendar files): https://docs.wagtail.org/en/stable/reference/contrib/routablepage.html
Filtering lives in ``events.listing`` and the date queries in ``events.models.occurrences``
so the pages stay thin; the repeat rules in
``events.recurrence``; iCalendar output in ``events.calendar``.
"""

from datetime import datetime, time, timedelta
from functools import cached_property

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models import ExpressionWrapper, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, re_path
from wagtail.fields import StreamField
from wagtail.models import Orderable, PageManager
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.blocks import BodyBlock
from home.models import BasePage, IndexPage, RoutesChildrenInOneQuery
from home.page_cache import tree_key
from home.public_address import public_page_url, public_url
from home.routes import word_for, words_pattern, wrong_word_redirect
from home.visibility import publicly_visible, visible_version

from ..calendar import calendar_response, iso_date
from ..forms import EventPageForm
from ..listing import EventFilter
from ..recurrence import (
    HORIZON,
    Repeat,
    Schedule,
    WeekOfMonth,
    is_last_weekday_of_month,
    nth_weekday_of_month,
    start_of_day,
)
from .occurrences import EventOccurrence, EventQuerySet, not_over_by
from .venue import Venue

# The listing's extra views, with a word for each language (home.routes).
PAST_WORDS = {"en": "past", "cy": "blaenorol"}
CALENDAR_WORDS = {"en": "calendar", "cy": "calendr"}
EVENT_FILE_WORDS = {"en": "event", "cy": "digwyddiad"}


def calendar_file_url(page, request):
    """The address of a page's calendar file in its language (``calendar.ics``, ``calendr.ics``;
    an event's ``event.ics``, ``digwyddiad.ics``), without the slash Wagtail's routing adds
    (``events.urls``)."""
    return page.get_url(request) + word_for(page, page.route_words[0]) + ".ics"


class EventLanguage(models.TextChoices):
    WELSH = "cy", _("In Welsh")
    BILINGUAL = "bilingual", _("In Welsh and English")
    ENGLISH = "en", _("In English")


class EventIndexPage(RoutesChildrenInOneQuery, RoutablePageMixin, IndexPage):
    """What's on: the events of the reader's language, soonest first, filtered and paginated.

    Extra views are routes (https://docs.wagtail.org/en/stable/reference/contrib/routablepage.html):
    ``past/`` (Welsh ``blaenorol/``) for events that have finished and ``calendar.ics`` (Welsh
    ``calendr.ics``) for a calendar feed readers can subscribe to.
    """

    section_names = {"en": ("Events", "events"), "cy": ("Digwyddiadau", "digwyddiadau")}
    route_words = [CALENDAR_WORDS, PAST_WORDS]  # the calendar first: calendar_file_url uses it

    subpage_types = ["events.EventPage"]

    class Meta:
        verbose_name = _("events listing")

    def get_context(self, request, *args, past=False, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        event_filter = EventFilter(request.GET, index_page=self, past=past)
        paginator_page = event_filter.paginate(request.GET.get("page"), self.per_page)
        page_url = self.get_url(request)
        context.update(
            filter=event_filter,
            past=past,
            paginator_page=paginator_page,
            months=event_filter.by_month(paginator_page.object_list),
            event_count=paginator_page.paginator.count,
            listing_url=page_url + (f"{word_for(self, PAST_WORDS)}/" if past else ""),
            upcoming_url=page_url,
            past_url=page_url + f"{word_for(self, PAST_WORDS)}/",
            calendar_url=calendar_file_url(self, request),
        )
        return context

    def events(self):
        """This listing's events, drafts and all (``publicly_visible`` narrows them)."""
        return EventPage.objects.child_of(self)

    def routed_children(self):
        """An event comes with its venue and group in one query, not four."""
        return EventPage.objects.child_of(self).select_related("venue__area", "group")

    @re_path(words_pattern(PAST_WORDS), name="past")
    def past_events(self, request, word):
        return wrong_word_redirect(self, request, word, PAST_WORDS) or self.render(request, past=True)

    @re_path(words_pattern(CALENDAR_WORDS, after=".ics/"), name="calendar")
    def calendar_feed(self, request, word):
        wrong_word = wrong_word_redirect(self, request, word, CALENDAR_WORDS, after=".ics")
        if wrong_word:
            return wrong_word
        events = (
            publicly_visible(self.events())
            .upcoming(start_of_day(timezone.localdate()))
            .select_related("venue")
            .prefetch_related("cancelled_dates")
        )
        return calendar_response(request, events, name=self.title)


class EventPage(RoutablePageMixin, BasePage):
    """One event, or a series of events that repeats on a rule.

    Every date of the event up to ``HORIZON`` ahead is stored as an ``EventOccurrence`` each
    time the page is saved (publishing saves it), so listings can filter and sort by date in
    the database with a flat number of queries, instead of expanding every event's rule on
    every request. ``manage.py refresh_event_occurrences`` moves the horizon on for series that
    carry on. The ``event.ics`` route gives the event to readers' calendars.
    """

    # What an editor who may not change the event is told (home/refusals.py).
    route_words = [EVENT_FILE_WORDS]

    edit_refusal = _(
        "This event is looked after by the group that organises it; ask the council if you need to change it."
    )

    body = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("body"),
        help_text=_("What happens at the event, who it is for and what to bring."),
    )
    start_date = models.DateField(
        _("date"), help_text=_("The day the event takes place. For a repeating event, the first day.")
    )
    start_time = models.TimeField(
        _("start time"),
        null=True,
        blank=True,
        help_text=_("Leave both times empty for an event that lasts all day."),
    )
    end_time = models.TimeField(_("end time"), null=True, blank=True, help_text=_("When the event finishes."))
    end_date = models.DateField(
        _("last day"),
        null=True,
        blank=True,
        help_text=_(
            "Only for an event that runs over more than one day. Leave empty if it ends on the day it starts."
        ),
    )
    repeat = models.CharField(
        _("repeats"),
        max_length=12,
        choices=Repeat.choices,
        blank=True,
        help_text=_("Leave empty for an event that happens once."),
    )
    week_of_month = models.SmallIntegerField(
        _("which week of the month"),
        choices=WeekOfMonth.choices,
        null=True,
        blank=True,
        help_text=_(
            "For a monthly event: for example “Second” for the second Saturday of every month. "
            "The date above must be one of those days."
        ),
    )
    repeat_until = models.DateField(
        _("repeats until"),
        null=True,
        blank=True,
        help_text=_(
            "The last day it can take place. Leave empty if it carries on, or give a number of times instead."
        ),
    )
    repeat_count = models.PositiveSmallIntegerField(
        _("number of times"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(500)],
        help_text=_(
            "How many times it takes place in all, counting the first. "
            "Leave empty to give a last day instead."
        ),
    )
    venue = models.ForeignKey(
        Venue,
        verbose_name=_("venue"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        help_text=_("Where the event takes place. Choose a venue, or add one if it is not in the list yet."),
    )
    # Points at Wagtail's Page (the chooser offers only groups) so that wagtail-localize can
    # swap in the Welsh group when the event is translated, as stories and guides do.
    group = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("organised by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The community group running the event, if it is in the directory. "
            "The event then shows on its page."
        ),
    )
    is_free = models.BooleanField(
        _("free"),
        default=False,
        help_text=_("Tick if nobody pays to come. Readers can look for free events only."),
    )
    cost = models.CharField(
        _("cost"),
        max_length=200,
        blank=True,
        help_text=_("What it costs, for example: £3, children free. Leave empty for a free event."),
    )
    booking_url = models.URLField(
        _("booking link"),
        blank=True,
        help_text=_("The web address where people book a place. Leave empty if they can just turn up."),
    )
    accessibility = models.TextField(
        _("accessibility"),
        blank=True,
        help_text=_(
            "Step-free access, hearing loop, accessible toilet, parking: whatever visitors should know."
        ),
    )
    event_language = models.CharField(
        _("language of the event"),
        max_length=10,
        choices=EventLanguage.choices,
        default=EventLanguage.BILINGUAL,
        help_text=_("The language people will hear and speak at the event."),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("start_date"),
                FieldRowPanel([FieldPanel("start_time"), FieldPanel("end_time")]),
                FieldPanel("end_date"),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("repeat"),
                FieldPanel("week_of_month"),
                FieldRowPanel([FieldPanel("repeat_until"), FieldPanel("repeat_count")]),
            ],
            heading=_("Repeating events"),
        ),
        InlinePanel(
            "cancelled_dates",
            label=_("Dates when a repeating event does not take place"),
            help_text=_("For example a bank holiday or a week the hall is closed."),
        ),
        MultiFieldPanel(
            [
                FieldPanel("venue"),
                PageChooserPanel("group", "directory.GroupPage"),
                FieldPanel("event_language"),
                FieldPanel("accessibility"),
            ],
            heading=_("Where and who"),
        ),
        MultiFieldPanel(
            [FieldPanel("is_free"), FieldPanel("cost"), FieldPanel("booking_url")],
            heading=_("Cost and booking"),
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("body"),
        index.SearchField("accessibility"),
        index.AutocompleteField("title"),
        index.FilterField("is_free"),
        index.FilterField("event_language"),
    ]
    # Words are translated; when, where, who and what it costs are the same in both languages.
    translatable_fields = BasePage.translatable_fields + [
        TranslatableField("body"),
        TranslatableField("cost"),
        TranslatableField("accessibility"),
        SynchronizedField("start_date"),
        SynchronizedField("start_time"),
        SynchronizedField("end_time"),
        SynchronizedField("end_date"),
        SynchronizedField("repeat"),
        SynchronizedField("week_of_month"),
        SynchronizedField("repeat_until"),
        SynchronizedField("repeat_count"),
        SynchronizedField("cancelled_dates"),
        SynchronizedField("venue"),
        TranslatableField("group"),  # the group's page in the event's language
        SynchronizedField("is_free"),
        SynchronizedField("booking_url"),
        SynchronizedField("event_language"),
    ]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []
    search_type = "events"
    # Where it is, for the site search's "near a postcode" filter (search.queries.positions).
    position_fields = ("venue__latitude", "venue__longitude")
    base_form_class = EventPageForm

    objects = PageManager.from_queryset(EventQuerySet)()

    previewing = False  # set while an editor previews the page

    # Saving any of these changes the dates, so the stored occurrences are made again.
    schedule_fields = frozenset(
        {
            "start_date",
            "start_time",
            "end_time",
            "end_date",
            "repeat",
            "week_of_month",
            "repeat_until",
            "repeat_count",
        }
    )

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        errors = {}
        if (self.start_time is None) != (self.end_time is None):
            field = "end_time" if self.end_time is None else "start_time"
            errors[field] = _("Give both a start and an end time, or leave both empty for an all-day event.")
        elif self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The last day cannot be before the first.")
        elif (
            self.start_date and self.start_time and self.end_time and self._end_local() <= self._start_local()
        ):
            errors["end_time"] = _("The event must finish after it starts.")
        if self.repeat:
            errors.update(self._repeat_errors())
        if errors:
            raise ValidationError(errors)

    def _repeat_errors(self):
        if self.repeat_until and self.repeat_count:
            return {"repeat_count": _("Give a last day or a number of times, not both.")}
        if self.repeat_until and self.start_date and self.repeat_until < self.start_date:
            return {"repeat_until": _("The last day cannot be before the first.")}
        if self.repeat != Repeat.MONTHLY or not self.start_date:
            return {}
        if self.week_of_month is None:
            return {"week_of_month": _("Choose which week of the month the event falls in.")}
        matches = (
            is_last_weekday_of_month(self.start_date)
            if self.week_of_month == WeekOfMonth.LAST
            else nth_weekday_of_month(self.start_date) == self.week_of_month
        )
        if not matches:
            return {
                "start_date": _(
                    "For a monthly event, the first date must fall in the week of the month you chose."
                )
            }
        return {}

    def save(self, *args, **kwargs):
        result = super().save(*args, **kwargs)
        update_fields = kwargs.get("update_fields")
        if update_fields is None or self.schedule_fields.intersection(update_fields):
            self.refresh_occurrences()
        return result

    # When

    @property
    def is_all_day(self):
        return self.start_time is None

    def _start_local(self):
        return datetime.combine(self.start_date, self.start_time or time.min)

    def _end_local(self):
        last_day = self.end_date or self.start_date
        if self.is_all_day:
            return datetime.combine(last_day + timedelta(days=1), time.min)  # the end is exclusive
        return datetime.combine(last_day, self.end_time)

    def get_schedule(self, with_exceptions=True):
        """The event's dates and rule; listings leave out the cancelled dates, which cost a query."""
        exceptions = frozenset()
        if self.repeat and with_exceptions:
            exceptions = frozenset(cancelled.date for cancelled in self.cancelled_dates.all())
        return Schedule(
            start=self._start_local(),
            duration=self._end_local() - self._start_local(),
            all_day=self.is_all_day,
            repeat=self.repeat,
            week_of_month=self.week_of_month,
            until=self.repeat_until,
            count=self.repeat_count,
            exceptions=exceptions,
        )

    def _occurrences_from_rule(self, today=None):
        """The event's dates from the first up to ``HORIZON`` after ``today``, not yet stored."""
        horizon = datetime.combine((today or timezone.localdate()) + HORIZON, time.max)
        return [
            EventOccurrence(event=self, start=start, end=end, cancelled=cancelled)
            for start, end, cancelled in self.get_schedule().occurrences(horizon)
        ]

    def refresh_occurrences(self, today=None):
        """Store the event's dates from the first up to ``HORIZON`` after ``today``."""
        occurrences = self._occurrences_from_rule(today)
        with transaction.atomic():
            EventOccurrence.objects.filter(event=self).delete()
            EventOccurrence.objects.bulk_create(occurrences)

    @cached_property
    def _nearby_occurrences(self):
        """The next dates not yet over (cancelled ones too) and the last one held, in one query.

        "Not yet over" is by the clock, not the day: a morning session that ended earlier today
        is the last one held, not the next date (nor the JSON-LD ``startDate``).
        A preview shows the dates being edited, which are stored only when the page is saved.
        """
        now = timezone.now()
        if self.pk is None or self.previewing:
            occurrences = self._occurrences_from_rule()
            for occurrence in occurrences:
                occurrence.upcoming = occurrence.is_not_over_by(now)
            held_before = [item for item in occurrences if not item.upcoming and not item.cancelled][-1:]
            return held_before + [item for item in occurrences if item.upcoming][:10]
        held = EventOccurrence.objects.filter(event=self, cancelled=False)
        last_held = held.exclude(not_over_by(now)).order_by("-start").values("start")[:1]
        return list(
            self.occurrences.filter(not_over_by(now) | Q(start=Subquery(last_held), cancelled=False))
            .annotate(upcoming=ExpressionWrapper(not_over_by(now), output_field=models.BooleanField()))
            .order_by("start")[:10]
        )

    @property
    def upcoming_occurrences(self):
        """The next few dates the event takes place, from the one going on now or next."""
        return [
            occurrence
            for occurrence in self._nearby_occurrences
            if occurrence.upcoming and not occurrence.cancelled
        ][:6]

    @property
    def upcoming_cancelled_dates(self):
        """Days among the next dates when a repeating event does not take place."""
        return [
            occurrence.first_day
            for occurrence in self._nearby_occurrences
            if occurrence.upcoming and occurrence.cancelled
        ]

    @property
    def shown_occurrence(self):
        """The date to show and describe: the next one, or the last one once the event is over."""
        upcoming = self.upcoming_occurrences
        past = [occurrence for occurrence in self._nearby_occurrences if not occurrence.upcoming]
        return upcoming[0] if upcoming else (past[0] if past else None)

    @property
    def listed_occurrence(self):
        """The date a listing shows the event at (annotated by ``EventQuerySet.upcoming`` and ``.past``)."""
        return EventOccurrence(event=self, start=self.occurrence_start, end=self.occurrence_end)

    @property
    def repeat_description(self):
        return self.get_schedule(with_exceptions=False).describe()

    @property
    def repeat_last_date(self):
        """The last day of a series that stops (shown as "until …"), else None."""
        return self.get_schedule(with_exceptions=False).last_date()

    @cached_property
    def organiser(self):
        """The organising group's page in the reader's language, else in the language it was chosen in."""
        return visible_version(self.group, self.locale_id)

    # Views

    @property
    def dates_shown(self):
        """The dates the page shows, and whether each is still to come: what its kept copy
        varies on besides the page-tree version (a date over, the next one shown)."""
        return [
            (occurrence.start, occurrence.end, occurrence.upcoming, occurrence.cancelled)
            for occurrence in self._nearby_occurrences
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        self.previewing = getattr(request, "is_preview", False)
        context["calendar_url"] = calendar_file_url(self, request) if self.live else None
        # The template caches the event, as stories do, under the page-tree version and the
        # dates it shows (one light query): its venue, group and topics are read only when
        # the cache has not got it.
        context["fragment_version"] = tree_key("event-page")
        return context

    @re_path(words_pattern(EVENT_FILE_WORDS, after=".ics/"), name="calendar")
    def calendar_file(self, request, word):
        wrong_word = wrong_word_redirect(self, request, word, EVENT_FILE_WORDS, after=".ics")
        if wrong_word:
            return wrong_word
        response = calendar_response(request, [self], name=self.title)
        response["Content-Disposition"] = f'attachment; filename="{self.slug}.ics"'
        return response

    def structured_data(self, request):
        """schema.org Event for search engines, dated by the next occurrence."""
        data = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": self.title,
            "description": self.summary,
            "url": public_page_url(self, request),
            "eventStatus": "https://schema.org/EventScheduled",
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "isAccessibleForFree": self.is_free,
            "inLanguage": {"cy": "cy", "en": "en"}.get(self.event_language, ["cy", "en"]),
        }
        occurrence = self.shown_occurrence
        if occurrence is not None:
            data["startDate"] = iso_date(occurrence.start, self.is_all_day)
            data["endDate"] = iso_date(occurrence.last_moment, self.is_all_day)
        venue = self.venue
        if venue is not None:
            data["location"] = {
                "@type": "Place",
                "name": venue.localized_name,
                "address": {
                    "@type": "PostalAddress",
                    "streetAddress": ", ".join(venue.localized_address.splitlines()),
                    "postalCode": venue.postcode,
                    "addressRegion": "Wrexham",
                    "addressCountry": "GB",
                },
            }
            if venue.area:
                data["location"]["address"]["addressLocality"] = venue.area.localized_name
            if venue.has_map:
                data["location"]["geo"] = {
                    "@type": "GeoCoordinates",
                    "latitude": float(venue.latitude),
                    "longitude": float(venue.longitude),
                }
        if self.organiser is not None:
            data["organizer"] = {
                "@type": "Organization",
                "name": self.organiser.title,
                "url": public_page_url(self.organiser, request),
            }
        if self.booking_url or self.is_free:
            # Google's event guidelines recommend availability and validFrom: places can be had
            # (the site lists no sold-out state) from when the event was first published.
            offer = {
                "@type": "Offer",
                "url": self.booking_url or data["url"],
                "availability": "https://schema.org/InStock",
            }
            if self.first_published_at:
                offer["validFrom"] = self.first_published_at.isoformat()
            if self.is_free:
                offer.update(price="0", priceCurrency="GBP")
            data["offers"] = offer
        if self.listing_image:
            data["image"] = public_url(self.listing_image.get_rendition("width-800").url)
        return data


class EventCancelledDate(Orderable):
    """A date on which a repeating event does not take place (an iCalendar EXDATE)."""

    event = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="cancelled_dates")
    date = models.DateField(
        _("date"),
        help_text=_("A day the event would normally take place but will not, such as a bank holiday."),
    )

    panels = [FieldPanel("date")]

    class Meta(Orderable.Meta):
        verbose_name = _("date without the event")
        verbose_name_plural = _("dates without the event")
