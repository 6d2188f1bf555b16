"""Distances between a reader's place and listings, mostly in the database.

Three steps keep the cost flat however many listings there are:

1. a bounding box (latitude and longitude ranges) in SQL, which an index on the columns can use;
2. an equirectangular distance in SQL (plain arithmetic, so the same on SQLite and PostgreSQL,
   which have no common trigonometric functions) to drop the box's corners and to order;
3. the exact great-circle (haversine) distance in Python for the rows shown on the page.

Within 10 miles the equirectangular figure differs from the great-circle one by far less than
the 0.1 mile the page shows, so the order and the cut-off agree with what the reader reads.
"""

import math

from django.db.models import F, FloatField, OuterRef, Q, Subquery
from django.db.models.functions import Cast, Coalesce

EARTH_RADIUS_MILES = 3958.8
MILES_PER_DEGREE_OF_LATITUDE = math.pi * EARTH_RADIUS_MILES / 180


def haversine_miles(latitude1, longitude1, latitude2, longitude2):
    """The great-circle distance in miles between two points given in degrees."""
    phi1, phi2 = math.radians(latitude1), math.radians(latitude2)
    half_chord = (
        math.sin((phi2 - phi1) / 2) ** 2
        + math.cos(phi1) * math.cos(phi2) * math.sin(math.radians(longitude2 - longitude1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_MILES * math.asin(math.sqrt(half_chord))


def bounding_box(latitude, longitude, miles):
    """((south, north), (west, east)) in degrees: every point within ``miles`` lies inside."""
    latitude_span = miles / MILES_PER_DEGREE_OF_LATITUDE
    longitude_span = miles / (MILES_PER_DEGREE_OF_LATITUDE * math.cos(math.radians(latitude)))
    return (latitude - latitude_span, latitude + latitude_span), (
        longitude - longitude_span,
        longitude + longitude_span,
    )


def squared_miles(place, latitude, longitude):
    """The squared equirectangular distance in square miles from ``place`` to the point whose
    latitude and longitude are the expressions given, as an SQL expression."""
    north_miles = (Cast(latitude, FloatField()) - place.latitude) * MILES_PER_DEGREE_OF_LATITUDE
    east_miles = (Cast(longitude, FloatField()) - place.longitude) * (
        MILES_PER_DEGREE_OF_LATITUDE * math.cos(math.radians(place.latitude))
    )
    return north_miles * north_miles + east_miles * east_miles


def within_miles(queryset, place, miles, latitude_field="latitude", longitude_field="longitude"):
    """``queryset`` narrowed to rows within ``miles`` of ``place``, with ``distance_order``.

    ``distance_order`` is the squared equirectangular distance in square miles: order by it
    (``.order_by("distance_order")``) for nearest first. Rows without coordinates drop out.
    """
    (south, north), (west, east) = bounding_box(place.latitude, place.longitude, miles)
    return (
        queryset.filter(
            **{
                f"{latitude_field}__gte": south,
                f"{latitude_field}__lte": north,
                f"{longitude_field}__gte": west,
                f"{longitude_field}__lte": east,
            }
        )
        .alias(distance_order=squared_miles(place, F(latitude_field), F(longitude_field)))
        .filter(distance_order__lte=miles * miles)
    )


def pages_within(pages, place, miles, positions):
    """``pages`` (a queryset of Wagtail's base ``Page``, of several page types) narrowed to those
    within ``miles`` of ``place``, nearest first, for a list such as the site search.

    ``positions`` is {page model: (latitude field, longitude field)}, the fields named from the
    model (``"venue__latitude"`` for an event's venue); pages of other types drop out. Each page
    comes annotated with ``position_latitude`` and ``position_longitude`` (for the exact
    distance shown) and ``distance_order``. Each type's bounding box and radius are applied on
    its own table, so the cost stays that of the listings' own filter.
    """
    if not positions:
        return pages.none()
    near = Q()
    for model, (latitude_field, longitude_field) in positions.items():
        nearby = within_miles(model.objects.all(), place, miles, latitude_field, longitude_field)
        near |= Q(pk__in=nearby.values("pk"))

    def coalesced(index):
        """The page's latitude (index 0) or longitude (1), from whichever type it is."""
        found = [
            Subquery(model.objects.filter(pk=OuterRef("pk")).values(fields[index])[:1])
            for model, fields in positions.items()
        ]
        return Coalesce(*found, output_field=FloatField()) if len(found) > 1 else found[0]

    return (
        pages.filter(near)
        .annotate(position_latitude=coalesced(0), position_longitude=coalesced(1))
        .annotate(distance_order=squared_miles(place, F("position_latitude"), F("position_longitude")))
        .order_by("distance_order", "pk")
    )
