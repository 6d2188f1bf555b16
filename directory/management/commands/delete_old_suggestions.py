from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from directory.models import GroupSuggestion


class Command(BaseCommand):
    help = (
        "Delete the record of who suggested a group (their e-mail address) SUGGESTION_RETENTION_DAYS "
        "days (180 unless set) after the suggestion, as the privacy notice says; the listing itself "
        "stays. Run from cron once a day."
    )

    def handle(self, *args, **options):
        cutoff = timezone.now() - timedelta(days=settings.SUGGESTION_RETENTION_DAYS)
        deleted, _ = GroupSuggestion.objects.filter(created_at__lt=cutoff).delete()
        self.stdout.write(
            self.style.SUCCESS(f"Deleted {deleted} group suggestion(s) made before {cutoff:%Y-%m-%d}.")
        )
