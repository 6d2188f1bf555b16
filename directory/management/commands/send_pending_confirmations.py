from django.core.management.base import BaseCommand

from directory.claims import send_decline
from directory.models import ClaimState, GroupSuggestion, ListingClaim
from directory.suggestions import send_confirmation


class Command(BaseCommand):
    help = (
        "E-mail the confirmations of group suggestions, and the reasons for declined requests to look "
        "after a listing, that could not be sent when they were made "
        "(the mail server was down); run from cron, e.g. every 15 minutes."
    )

    def handle(self, *args, **options):
        pending = list(GroupSuggestion.objects.filter(confirmation_sent_at=None).select_related("listing"))
        sent = sum(send_confirmation(suggestion) for suggestion in pending)
        declined = list(ListingClaim.objects.filter(state=ClaimState.DECLINED, decision_sent_at=None))
        sent_declined = sum(send_decline(claim) for claim in declined)
        message = (
            f"Sent {sent} of {len(pending)} pending suggestion confirmation(s) and "
            f"{sent_declined} of {len(declined)} pending decision(s) on requests to look after a listing."
        )
        all_sent = sent == len(pending) and sent_declined == len(declined)
        self.stdout.write(self.style.SUCCESS(message) if all_sent else self.style.WARNING(message))
