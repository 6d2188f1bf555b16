from django.core.management.base import BaseCommand

from directory.reviews import steps_due, take_step


class Command(BaseCommand):
    help = (
        "Chase overdue listing reviews (run daily): remind group editors on the review date and "
        "again later, and unpublish listings nobody has checked for far too long, telling the council."
    )

    def handle(self, *args, **options):
        due = steps_due()
        for number, (listing, step) in enumerate(due, start=1):
            sent = take_step(listing, step)
            self.stdout.write(f"  {number}/{len(due)} {listing.title}: {step.label}, {sent} e-mail(s)")
        self.stdout.write(self.style.SUCCESS(f"Review steps taken for {len(due)} listing(s)."))
