from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from directory.models import ListingClaim


class Command(BaseCommand):
    help = (
        "Delete requests to look after a listing that nobody has changed for CLAIM_RETENTION_DAYS "
        "days (180 unless set), as the form's privacy notice says; run from cron once a day."
    )

    def handle(self, *args, **options):
        cutoff = timezone.now() - timedelta(days=settings.CLAIM_RETENTION_DAYS)
        deleted, _ = ListingClaim.objects.filter(updated_at__lt=cutoff).delete()
        self.stdout.write(
            self.style.SUCCESS(
                f"Deleted {deleted} request(s) to look after a listing last changed before {cutoff:%Y-%m-%d}."
            )
        )
