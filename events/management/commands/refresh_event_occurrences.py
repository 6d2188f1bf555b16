from django.core.management.base import BaseCommand

from events.models import EventPage


class Command(BaseCommand):
    help = (
        "Store every event's dates again, up to 18 months from today. Saving an event does this for "
        "that event; run this once a month (from cron, say) so series that carry on never run out of dates."
    )

    def handle(self, *args, **options):
        events = EventPage.objects.live().prefetch_related("cancelled_dates")
        for event in events:
            event.refresh_occurrences()
        self.stdout.write(f"Refreshed the dates of {len(events)} events.")
