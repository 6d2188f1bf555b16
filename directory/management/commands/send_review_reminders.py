from django.core.management.base import BaseCommand

from directory.reminders import listings_due_a_reminder, send_reminder


class Command(BaseCommand):
    help = "E-mail group editors whose listing was last reviewed 11 months ago or more (run daily from cron)."

    def handle(self, *args, **options):
        due = listings_due_a_reminder()
        for number, listing in enumerate(due, start=1):
            sent = send_reminder(listing)
            self.stdout.write(f"  {number}/{len(due)} {listing.title}: {sent} editor(s) reminded")
        self.stdout.write(self.style.SUCCESS(f"Review reminders sent for {len(due)} listing(s)."))
