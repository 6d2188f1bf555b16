"""manage.py import_openreferral URL_OR_FILE: a neighbour's Open Referral feed as draft listings.

See openreferral/importer.py and the README ("Import from a neighbour").
https://docs.djangoproject.com/en/5.2/howto/custom-management-commands/
"""

from django.core.management.base import BaseCommand, CommandError

from openreferral.importer import FeedError, import_feed

BAR_WIDTH = 30


class Command(BaseCommand):
    help = (
        "Read another directory's Open Referral (HSDS 3.0 / UK profile) feed, page by page, and "
        "create or update DRAFT group listings for editors to review; never publishes."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", help="The feed's address (its API root or /services) or a JSON file.")

    def progress(self, page, total):
        done = round(BAR_WIDTH * page / max(total, 1))
        self.stderr.write(f"\r[{'#' * done}{' ' * (BAR_WIDTH - done)}] page {page} of {total}", ending="")
        if page >= total:
            self.stderr.write("")

    def handle(self, source, **options):
        try:
            report = import_feed(source, progress=self.progress)
        except FeedError as error:
            raise CommandError(str(error)) from error
        for problem in report.problems:
            self.stderr.write(problem)
        self.stdout.write(
            f"created {report.created}, updated {report.updated}, skipped {report.skipped}, "
            f"invalid {report.invalid}"
        )
