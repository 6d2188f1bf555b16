import logging
from smtplib import SMTPException

from django.core.management.base import BaseCommand

from directory.reviews import steps_due, take_step

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Chase overdue listing reviews (run daily): remind group editors on the review date and "
        "again later, and unpublish listings nobody has checked for far too long, telling the council."
    )

    def handle(self, *args, **options):
        due = steps_due()
        for number, (listing, step) in enumerate(due, start=1):
            try:
                sent = take_step(listing, step)
            except (SMTPException, OSError):  # the mail server: tried again on the next run
                logger.exception("Review step %s for %s: e-mail failed", step.label, listing.title)
                self.stdout.write(f"  {number}/{len(due)} {listing.title}: {step.label}, e-mail failed")
                continue
            self.stdout.write(f"  {number}/{len(due)} {listing.title}: {step.label}, {sent} e-mail(s)")
        self.stdout.write(self.style.SUCCESS(f"Review steps taken for {len(due)} listing(s)."))
