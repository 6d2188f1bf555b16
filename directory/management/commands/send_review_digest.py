from django.core.management.base import BaseCommand

from directory.reviews import send_digest


class Command(BaseCommand):
    help = (
        "E-mail council editors the listings whose review is overdue and those unpublished for want "
        "of review in the last week (run weekly)."
    )

    def handle(self, *args, **options):
        sent = send_digest()
        self.stdout.write(self.style.SUCCESS(f"Review digest sent to {sent} council editor(s)."))
