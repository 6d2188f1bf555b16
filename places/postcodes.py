"""Reading what a reader types into "near": a postcode, an outward code or coordinates.

``find_place`` is the one entry point the listings use. By default it looks the postcode up
in ``places.models.Postcode``; a council with its own address gazetteer names another function
in the ``PLACES_POSTCODE_LOOKUP`` setting (a dotted path, loaded with Django's
``import_string``) that takes a normalised postcode and returns ``(latitude, longitude)`` or
None.
"""

import re
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .models import Postcode, PostcodeImport

ATTRIBUTION_CACHE_KEY = "places:attribution-year"
# The UK's postcode shapes: A9, A99, AA9, AA99, A9A, AA9A, then an optional 9AA.
POSTCODE = re.compile(r"^(?P<outward>[A-Z]{1,2}[0-9][A-Z0-9]?)\s*(?P<inward>[0-9][A-Z]{2})?$")
COORDINATES = re.compile(r"^\s*(?P<lat>-?\d{1,2}(?:\.\d+)?)\s*,\s*(?P<lon>-?\d{1,3}(?:\.\d+)?)\s*$")
# Coordinates from "Use my location" are only meaningful inside the UK and its waters.
UK_LATITUDES, UK_LONGITUDES = (49.0, 61.0), (-9.0, 2.5)


def normalise(text):
    """ "ll120ab" -> "LL12 0AB", " ll12 " -> "LL12"; None for anything that is not a postcode."""
    match = POSTCODE.match(re.sub(r"\s+", " ", (text or "").strip().upper()))
    if not match:
        return None
    return " ".join(part for part in (match["outward"], match["inward"]) if part)


def outward_code(postcode):
    return postcode.split(" ")[0]


@dataclass(frozen=True)
class Place:
    """Where the reader asked about: what to call it and its position in degrees."""

    label: str
    latitude: float
    longitude: float


def lookup_in_table(postcode):
    """(latitude, longitude) of a normalised postcode or outward code from the postcode table."""
    return Postcode.objects.filter(postcode=postcode).values_list("latitude", "longitude").first()


def find_place(text):
    """The Place the reader means by ``text``; None if it is malformed or not known.

    Coordinates ("53.05,-3.0", from the browser's location) are taken as they are, if in the UK.
    """
    coordinates = COORDINATES.match(text or "")
    if coordinates:
        latitude, longitude = float(coordinates["lat"]), float(coordinates["lon"])
        in_uk = (
            UK_LATITUDES[0] <= latitude <= UK_LATITUDES[1]
            and UK_LONGITUDES[0] <= longitude <= UK_LONGITUDES[1]
        )
        return Place(_("your location"), latitude, longitude) if in_uk else None
    postcode = normalise(text)
    if postcode is None:
        return None
    position = import_string(settings.PLACES_POSTCODE_LOOKUP)(postcode)
    return Place(postcode, *position) if position else None


def attribution_year():
    """The year for the ONSPD licence attribution: that of the latest import's file (this year
    if the table was filled another way); None while the postcode table is empty, when there
    is nothing to attribute. Cached, so that a listing near a postcode costs no extra query;
    ``import_postcodes`` refreshes it."""
    year = cache.get(ATTRIBUTION_CACHE_KEY)
    if year is None:
        year = 0
        if Postcode.objects.exists():
            latest = PostcodeImport.objects.values_list("year", flat=True).first()
            year = latest or timezone.localdate().year
        cache.set(ATTRIBUTION_CACHE_KEY, year, 3600)
    return year or None


def attribution():
    """The ONS Postcode Directory's licence attribution in the active language, which the
    Open Government Licence asks for wherever a distance from a postcode is shown (listings,
    search and the Open Referral API); None while the postcode table is empty."""
    year = attribution_year()
    if not year:
        return None
    return gettext(
        "Contains OS data © Crown copyright and database right %(year)s. Contains Royal Mail data "
        "© Royal Mail copyright and database right %(year)s. Contains GeoPlace data © Local "
        "Government Information House Limited copyright and database right %(year)s. Source: "
        "Office for National Statistics licensed under the Open Government Licence v.3.0."
    ) % {"year": year}  # the year as written, never "2,026"
