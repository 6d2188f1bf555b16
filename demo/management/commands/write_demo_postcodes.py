from django.core.management.base import BaseCommand

from demo.postcodes import POSTCODES_FILE, write_csv


class Command(BaseCommand):
    help = "Regenerate demo/data/postcodes.csv (made-up ONSPD rows at the demo listings' coordinates)."

    def handle(self, *args, **options):
        with open(POSTCODES_FILE, "w", encoding="utf-8", newline="") as out:
            write_csv(out)
        self.stdout.write(f"Wrote {POSTCODES_FILE}")
