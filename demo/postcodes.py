"""The demo's postcode file: a small CSV in the ONS Postcode Directory's format, made up.

No real postcode data is shipped. Each row is a demo listing's own postcode at the demo
listing's own (invented) coordinates, plus LL12 0AB, the postcode the README's walk-through
searches from. The columns are a few of the ONSPD's, in its order, so ``import_postcodes``
reads this file exactly as it reads the real one. Regenerate after changing the demo data:

    .venv/bin/python manage.py write_demo_postcodes
"""

import csv

from django.core.management import call_command

from demo.helpers import DATA_DIR, load_json

POSTCODES_FILE = DATA_DIR / "postcodes.csv"
COLUMNS = ["pcd", "pcd2", "pcds", "dointr", "doterm", "oscty", "lat", "long"]
# The walk-through's postcode: between Gresford, Llay and Gwersyllt.
EXTRA_POSTCODES = [("LL12 0AB", 53.0800, -2.9800)]
# Rows a real file has that the import must leave out: a postcode outside --prefix and a
# terminated postcode without a position (the ONSPD writes 99.999999 for those).
OUTSIDE_THE_COUNTY = ("SY13 9ZZ", 52.9700, -2.6800)
NO_POSITION = ("LL11 9ZZ", 99.999999, 0.0)


def demo_positions():
    """(postcode, latitude, longitude) of every demo group and venue, first of each postcode."""
    places = [
        *(
            (group["postcode"], group["latitude"], group["longitude"])
            for group in load_json("directory.json")["groups"]
        ),
        *(
            (venue["postcode"], venue["latitude"], venue["longitude"])
            for venue in load_json("events.json")["venues"]
        ),
        *EXTRA_POSTCODES,
    ]
    first = {}
    for postcode, latitude, longitude in places:
        first.setdefault(postcode, (latitude, longitude))
    return [(postcode, *position) for postcode, position in sorted(first.items())]


def write_csv(out):
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for postcode, latitude, longitude in [*demo_positions(), OUTSIDE_THE_COUNTY, NO_POSITION]:
        compact = postcode.replace(" ", "")
        seven = f"{compact[:-3]:<4}{compact[-3:]}"
        writer.writerow([seven, f"{compact[:-3]:<5}{compact[-3:]}", postcode, "198001", "", "W99999999",
                         f"{latitude:.6f}", f"{longitude:.6f}"])  # fmt: skip


def load_postcodes(log):
    """Import the demo postcodes (Wrexham's outward codes only), as a council would its own."""
    call_command(
        "import_postcodes",
        str(POSTCODES_FILE),
        prefix=["LL11", "LL12", "LL13", "LL14"],
        stdout=LogStream(log),
    )


class LogStream:
    def __init__(self, log):
        self.log = log

    def write(self, text):
        if text.strip():
            self.log(text.strip())

    def flush(self):
        pass
