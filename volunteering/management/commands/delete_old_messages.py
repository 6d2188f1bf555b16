from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from volunteering.models import Message, Offer, OfferReply, OfferStatus, offer_cutoff


class Command(BaseCommand):
    help = (
        "Delete messages to groups, offers of help and groups' answers to them that nobody has changed "
        "for MESSAGE_RETENTION_DAYS days (180 unless set), as the privacy notices say, and mark offers "
        "older than OFFER_EXPIRY_DAYS (90 unless set) expired; run from cron once a day."
    )

    def handle(self, *args, **options):
        # The public list already hides them; the status tells the council's editors why.
        expired = (
            Offer.objects.filter(created_at__lt=offer_cutoff())
            .exclude(status__in=[OfferStatus.EXPIRED, OfferStatus.DECLINED])
            .update(status=OfferStatus.EXPIRED)  # update() leaves updated_at, so retention counts on
        )
        cutoff = timezone.now() - timedelta(days=settings.MESSAGE_RETENTION_DAYS)
        deleted = sum(
            model.objects.filter(updated_at__lt=cutoff).delete()[0] for model in (Message, OfferReply, Offer)
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Deleted {deleted} message(s), offer(s) and answer(s) last changed before {cutoff:%Y-%m-%d}; "
                f"{expired} offer(s) expired."
            )
        )
