from django.core.management.base import BaseCommand
from django.db.models import Q

from volunteering.messages import send_message
from volunteering.models import Message

PENDING = Q(sent_to_group_at=None) | Q(confirmation_sent_at=None)


class Command(BaseCommand):
    help = (
        "E-mail the messages to groups (and their confirmations) that could not be sent when they "
        "were written (the mail server was down); run from cron, e.g. every 15 minutes."
    )

    def handle(self, *args, **options):
        pending = list(Message.objects.filter(PENDING).select_related("group", "opportunity"))
        sent = sum(send_message(message) for message in pending)
        left = Message.objects.filter(PENDING, pk__in=[message.pk for message in pending]).count()
        text = f"Sent {sent} e-mail(s) for {len(pending)} pending message(s); {left} still pending."
        self.stdout.write(self.style.SUCCESS(text) if not left else self.style.WARNING(text))
