from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from volunteering.models import Message


class Command(BaseCommand):
    help = (
        "Delete messages to groups that nobody has changed for MESSAGE_RETENTION_DAYS days "
        "(180 unless set), as the privacy notice says; run from cron once a day."
    )

    def handle(self, *args, **options):
        cutoff = timezone.now() - timedelta(days=settings.MESSAGE_RETENTION_DAYS)
        deleted, _by_model = Message.objects.filter(updated_at__lt=cutoff).delete()
        self.stdout.write(
            self.style.SUCCESS(f"Deleted {deleted} message(s) last changed before {cutoff:%Y-%m-%d}.")
        )
