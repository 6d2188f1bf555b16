"""``manage.py import_postcodes FILE [--prefix LL11 LL12 ...]``: load the ONSPD CSV.

See places/importing.py for what is read, and the README for where a council downloads the
file and the licence text the site shows.
"""

from django.core.management.base import BaseCommand, CommandError

from places.importing import NotAPostcodeFile, import_postcodes, record_import, release_year

BAR_WIDTH = 30


class Command(BaseCommand):
    help = (
        "Load postcodes and their positions from the ONS Postcode Directory CSV (columns pcds, lat, long). "
        "Safe to run again: existing postcodes are updated, new ones added."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The ONSPD CSV file (the full UK file or one region's).")
        parser.add_argument(
            "--prefix",
            nargs="+",
            default=[],
            metavar="CODE",
            help="Keep only these outward codes (LL11 LL12) or postcode areas (LL); default: keep all.",
        )
        parser.add_argument(
            "--year",
            type=int,
            help=(
                "The year of the ONSPD release, for the licence attribution the site shows; "
                "default: the year in the file name (ONSPD_NOV_2026_UK.csv), else this year."
            ),
        )

    def handle(self, *args, file, prefix, year=None, **options):
        try:
            data = open(file, encoding="utf-8-sig", newline="")  # noqa: SIM115 - closed below
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}.") from None
        with data:
            size = max(1, self._size(data))

            def progress(line_number):
                if line_number % 5000 == 0:
                    done = min(1.0, data.buffer.tell() / size)  # read ahead: near enough
                    filled = int(done * BAR_WIDTH)
                    self.stderr.write(
                        f"\r[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {line_number:,} lines", ending=""
                    )
                    self.stderr.flush()

            try:
                postcodes, outward_codes = import_postcodes(data, prefix, progress)
            except (NotAPostcodeFile, UnicodeDecodeError) as error:
                message = (
                    str(error) if isinstance(error, NotAPostcodeFile) else "This is not a UTF-8 CSV file."
                )
                raise CommandError(f"{file}: {message}") from None
        self.stderr.write("")
        year = year or release_year(file)
        record_import(file, year, postcodes)
        self.stdout.write(
            self.style.SUCCESS(
                f"{postcodes:,} postcodes in {outward_codes:,} outward codes imported from {file}; "
                f"the site credits the data as of {year}."
            )
        )

    @staticmethod
    def _size(data):
        position = data.buffer.tell() if hasattr(data, "buffer") else 0
        try:
            return data.buffer.seek(0, 2) - position
        finally:
            data.buffer.seek(position)
