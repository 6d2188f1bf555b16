from django.core.management.base import BaseCommand

from reports.models import ListingReport
from reports.replies import send_reply


class Command(BaseCommand):
    help = (
        "E-mail the council's replies to problem reports that could not be sent when they were "
        "written (the mail server was down); run from cron, e.g. every 15 minutes."
    )

    def handle(self, *args, **options):
        pending = [
            report
            for report in ListingReport.objects.filter(reply_sent_at=None).exclude(reply="").exclude(email="")
            if report.reply_is_due
        ]
        sent = sum(send_reply(report) for report in pending)
        left = len(pending) - sent
        text = f"Sent {sent} of {len(pending)} pending reply(ies) to problem reports; {left} still pending."
        self.stdout.write(self.style.SUCCESS(text) if not left else self.style.WARNING(text))
