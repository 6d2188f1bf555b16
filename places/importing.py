"""Loading the ONS Postcode Directory (ONSPD) CSV into the postcode table.

The ONSPD is published by the Office for National Statistics under the Open Government
Licence. Of its many columns only three are read: ``pcds`` (the postcode, with its space),
``lat`` and ``long`` (WGS84 degrees). Postcodes with no position (ONSPD writes latitude 99.999999)
are skipped. Rows are upserted (``bulk_create(update_conflicts=True)``), so running the import
again with the same or a newer file updates what is there and adds what is new.
"""

import csv
import re
from collections import defaultdict
from pathlib import Path

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from .models import Postcode, PostcodeImport
from .postcodes import ATTRIBUTION_CACHE_KEY, normalise, outward_code

REQUIRED_COLUMNS = ("pcds", "lat", "long")
NO_POSITION_LATITUDE = 99.0  # ONSPD gives 99.999999 to postcodes without a grid reference
BATCH_SIZE = 2000


# ONSPD files are named for their release: ONSPD_NOV_2026_UK.csv.
RELEASE_YEAR = re.compile(r"(?:^|_)((?:19|20)\d\d)(?:_|\.|$)")


class NotAPostcodeFile(Exception):
    """The file is not an ONSPD CSV (or not a CSV at all): the message says what is wrong."""


def matches_prefixes(outward, prefixes):
    """True when ``outward`` ("LL12") is one of ``prefixes``, or in a postcode area given by its
    letters alone ("LL" keeps every LL postcode, but "LL1" keeps LL1 only, not LL12)."""
    if not prefixes:
        return True
    area = "".join(letter for letter in outward[:2] if letter.isalpha())
    return any(outward == prefix or (prefix.isalpha() and area == prefix) for prefix in prefixes)


def read_rows(lines, prefixes=(), progress=None):
    """(postcode, latitude, longitude) of each usable row of an ONSPD CSV, kept by ``prefixes``."""
    reader = csv.DictReader(lines)
    columns = [name.strip().lower() for name in reader.fieldnames or []]
    missing = [name for name in REQUIRED_COLUMNS if name not in columns]
    if missing:
        found = ", ".join(columns[:8]) + ("…" if len(columns) > 8 else "") if columns else "nothing"
        raise NotAPostcodeFile(
            f"This is not an ONS Postcode Directory CSV: it has no {', '.join(missing)} column "
            f"(its first line has {found}). Download the ONSPD CSV from the ONS Open Geography portal."
        )
    reader.fieldnames = columns
    for line_number, row in enumerate(reader, start=2):
        if progress:
            progress(line_number)
        postcode = normalise(row["pcds"])
        if postcode is None or " " not in postcode:
            continue
        try:
            latitude, longitude = float(row["lat"]), float(row["long"])
        except (TypeError, ValueError):
            raise NotAPostcodeFile(
                f"Line {line_number}: the latitude/longitude “{row['lat']}”, “{row['long']}” are not numbers."
            ) from None
        if latitude >= NO_POSITION_LATITUDE or not matches_prefixes(outward_code(postcode), prefixes):
            continue
        yield postcode, latitude, longitude


def upsert(rows):
    Postcode.objects.bulk_create(
        rows,
        batch_size=BATCH_SIZE,
        update_conflicts=True,
        unique_fields=["postcode"],
        update_fields=["outward_code", "is_outward_centroid", "latitude", "longitude"],
    )


def refresh_outward_centroids():
    """Give every outward code a row at the mean position of its postcodes."""
    sums = defaultdict(lambda: [0.0, 0.0, 0])
    for outward, latitude, longitude in Postcode.objects.filter(is_outward_centroid=False).values_list(
        "outward_code", "latitude", "longitude"
    ):
        total = sums[outward]
        total[0] += latitude
        total[1] += longitude
        total[2] += 1
    upsert(
        [
            Postcode(
                postcode=outward,
                outward_code=outward,
                is_outward_centroid=True,
                latitude=latitude_sum / count,
                longitude=longitude_sum / count,
            )
            for outward, (latitude_sum, longitude_sum, count) in sorted(sums.items())
        ]
    )
    return len(sums)


def import_postcodes(lines, prefixes=(), progress=None):
    """Upsert the file's postcodes and refresh the outward codes; (postcodes, outward codes)."""
    prefixes = [prefix.strip().upper() for prefix in prefixes]
    imported = 0
    with transaction.atomic():
        # Keyed by postcode: a postcode listed twice in one batch is stored once, the later line
        # winning as it does across batches (PostgreSQL refuses to upsert one row twice at once).
        batch = {}
        for postcode, latitude, longitude in read_rows(lines, prefixes, progress):
            batch[postcode] = Postcode(
                postcode=postcode, outward_code=outward_code(postcode), latitude=latitude, longitude=longitude
            )
            if len(batch) == BATCH_SIZE:
                upsert(list(batch.values()))
                imported += len(batch)
                batch = {}
        upsert(list(batch.values()))
        imported += len(batch)
        outward_codes = refresh_outward_centroids()
    return imported, outward_codes


def release_year(file_name):
    """The year of an ONSPD release from its file name ("ONSPD_NOV_2026_UK.csv": 2026), else
    this year."""
    found = RELEASE_YEAR.search(Path(file_name).name)
    return int(found[1]) if found else timezone.localdate().year


def record_import(file_name, year, postcodes):
    """Note the import, for the year in the licence attribution, and show it from now on."""
    PostcodeImport.objects.create(file_name=Path(file_name).name, year=year, postcodes=postcodes)
    cache.delete(ATTRIBUTION_CACHE_KEY)
