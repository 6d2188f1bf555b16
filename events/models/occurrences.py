"""The stored dates of events, and the queries that list events by them.

Each event is listed once, at its first date in the range asked for (its next date, by default),
read from the stored ``EventOccurrence`` rows with a subquery, so a page of events costs the
same few queries whether there are fifteen events or a thousand:
``EventPage.objects.live().upcoming(start)`` and ``.past(before)``.
"""

from datetime import timedelta

from django.db import models
from django.db.models import Exists, OuterRef, Q, Subquery
from django.utils import timezone
from wagtail.query import PageQuerySet


def not_over_by(moment):
    """Occurrences still to come or going on at ``moment`` (one starting exactly then counts)."""
    return Q(end__gt=moment) | Q(start__gte=moment)


class EventQuerySet(PageQuerySet):
    """Event pages, with the listings' date queries (``EventPage.objects``)."""

    def _with_listed_occurrence(self, occurrences):
        """Annotate each event with the start and end of the first row of ``occurrences``; keep those with one."""
        occurrences = occurrences.filter(event=OuterRef("pk"))
        return self.annotate(
            occurrence_start=Subquery(occurrences.values("start")[:1]),
            occurrence_end=Subquery(occurrences.values("end")[:1]),
        ).filter(occurrence_start__isnull=False)

    def upcoming(self, start, end=None):
        """The events that take place between ``start`` and ``end``, each at its first date in it.

        Cancelled dates do not count: a series is listed at the next date it actually happens.
        """
        occurrences = EventOccurrence.objects.filter(not_over_by(start), cancelled=False).order_by("start")
        if end is not None:
            occurrences = occurrences.filter(start__lt=end)
        return self._with_listed_occurrence(occurrences).order_by("occurrence_start", "pk")

    def past(self, before):
        """The events that are over by ``before``, each at its last date, the most recent first.

        A series that carries on is not over: it is listed with the upcoming events.
        """
        still_on = EventOccurrence.objects.filter(not_over_by(before), event=OuterRef("pk"), cancelled=False)
        occurrences = EventOccurrence.objects.filter(cancelled=False).order_by("-start")
        return (
            self._with_listed_occurrence(occurrences)
            .filter(~Exists(still_on))
            .order_by("-occurrence_start", "-pk")
        )


class EventOccurrence(models.Model):
    """One date of an event, stored so listings filter and sort by date in the database.

    Not edited by anyone: ``EventPage.save`` makes them again from the event's rule.
    """

    event = models.ForeignKey("events.EventPage", on_delete=models.CASCADE, related_name="occurrences")
    start = models.DateTimeField(db_index=True)
    end = models.DateTimeField(db_index=True)
    cancelled = models.BooleanField(default=False)  # one of the event's cancelled dates

    class Meta:
        ordering = ["start"]
        indexes = [models.Index(fields=["event", "start"])]

    def __str__(self):
        return f"{self.event_id} {self.start.isoformat()}"

    @property
    def all_day(self):
        return self.event.is_all_day

    @property
    def last_moment(self):
        """When it ends, or for an all-day event its last day (the stored end is the next midnight)."""
        if self.all_day:
            return timezone.localtime(self.end) - timedelta(days=1)
        return self.end

    def is_not_over_by(self, moment):
        """As ``not_over_by``, for an occurrence not stored yet (in a preview)."""
        return self.end > moment or self.start >= moment

    @property
    def first_day(self):
        return timezone.localtime(self.start).date()

    @property
    def last_day(self):
        return timezone.localtime(self.last_moment).date()

    @property
    def is_multi_day(self):
        return self.last_day != self.first_day
