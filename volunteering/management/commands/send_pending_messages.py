from django.core.management.base import BaseCommand
from django.db.models import Q

from volunteering.messages import send_message
from volunteering.models import Message, Offer, OfferReply
from volunteering.offers import send_offer_confirmation, send_offer_reply

# What may still have an e-mail to send, and how to send it.
PENDING = [
    (Message, Q(sent_to_group_at=None) | Q(confirmation_sent_at=None), send_message),
    (Offer, Q(confirmation_sent_at=None), send_offer_confirmation),
    (OfferReply, Q(sent_at=None), send_offer_reply),
]


class Command(BaseCommand):
    help = (
        "E-mail the messages to groups (and their confirmations), the confirmations of offers of help "
        "and groups' answers to offers that could not be sent when they were written (the mail server "
        "was down); run from cron, e.g. every 15 minutes."
    )

    def handle(self, *args, **options):
        sent = pending_count = left = 0
        for model, condition, send in PENDING:
            pending = list(model.objects.filter(condition))
            sent += sum(send(row) for row in pending)
            pending_count += len(pending)
            left += model.objects.filter(condition, pk__in=[row.pk for row in pending]).count()
        text = f"Sent {sent} e-mail(s) for {pending_count} pending message(s); {left} still pending."
        self.stdout.write(self.style.SUCCESS(text) if not left else self.style.WARNING(text))
