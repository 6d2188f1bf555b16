from django.core.management.base import BaseCommand

from directory.models import GroupSuggestion
from directory.suggestions import send_confirmation


class Command(BaseCommand):
    help = (
        "E-mail the confirmations of group suggestions that could not be sent when they were made "
        "(the mail server was down); run from cron, e.g. every 15 minutes."
    )

    def handle(self, *args, **options):
        pending = list(GroupSuggestion.objects.filter(confirmation_sent_at=None).select_related("listing"))
        sent = sum(send_confirmation(suggestion) for suggestion in pending)
        message = f"Sent {sent} of {len(pending)} pending suggestion confirmation(s)."
        self.stdout.write(
            self.style.SUCCESS(message) if sent == len(pending) else self.style.WARNING(message)
        )
