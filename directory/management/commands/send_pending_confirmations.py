from django.core.management.base import BaseCommand

from directory.claims import send_decline
from directory.models import ClaimState, GroupSuggestion, ListingClaim
from directory.suggestions import send_confirmation, send_listed


class Command(BaseCommand):
    help = (
        'E-mail the confirmations and "your group is now listed" messages of group suggestions, and '
        "the reasons for declined requests to look after a listing, that could not be sent at the time "
        "(the mail server was down); run from cron, e.g. every 15 minutes."
    )

    def handle(self, *args, **options):
        suggestions = GroupSuggestion.objects.select_related("listing")
        for description, pending, send in (
            ("suggestion confirmation(s)", suggestions.filter(confirmation_sent_at=None), send_confirmation),
            (
                '"now listed" e-mail(s)',
                suggestions.filter(listed_at__isnull=False, listed_email_sent_at=None),
                send_listed,
            ),
            (
                "decision(s) on requests to look after a listing",
                ListingClaim.objects.filter(state=ClaimState.DECLINED, decision_sent_at=None),
                send_decline,
            ),
        ):
            pending = list(pending)
            sent = sum(send(row) for row in pending)
            message = f"Sent {sent} of {len(pending)} pending {description}."
            self.stdout.write(
                self.style.SUCCESS(message) if sent == len(pending) else self.style.WARNING(message)
            )
