from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from reports.models import ListingReport


class Command(BaseCommand):
    help = (
        "Delete problem reports that nobody has changed for REPORT_RETENTION_DAYS days (180 unless "
        "set), as the form's privacy notice says; run from cron once a day."
    )

    def handle(self, *args, **options):
        cutoff = timezone.now() - timedelta(days=settings.REPORT_RETENTION_DAYS)
        deleted, _ = ListingReport.objects.filter(updated_at__lt=cutoff).delete()
        self.stdout.write(
            self.style.SUCCESS(f"Deleted {deleted} problem report(s) last changed before {cutoff:%Y-%m-%d}.")
        )
