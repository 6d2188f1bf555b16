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

from django.db.models import F, FloatField
from django.db.models.functions import Cast

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


def within_miles(queryset, place, miles, latitude_field="latitude", longitude_field="longitude"):
    """``queryset`` narrowed to rows within ``miles`` of ``place``, with ``distance_order``.

    ``distance_order`` is the squared equirectangular distance in square miles: order by it
    (``.order_by("distance_order")``) for nearest first. Rows without coordinates drop out.
    """
    (south, north), (west, east) = bounding_box(place.latitude, place.longitude, miles)
    shrink = math.cos(math.radians(place.latitude))
    north_miles = (Cast(F(latitude_field), FloatField()) - place.latitude) * MILES_PER_DEGREE_OF_LATITUDE
    east_miles = (Cast(F(longitude_field), FloatField()) - place.longitude) * (
        MILES_PER_DEGREE_OF_LATITUDE * shrink
    )
    return (
        queryset.filter(
            **{
                f"{latitude_field}__gte": south,
                f"{latitude_field}__lte": north,
                f"{longitude_field}__gte": west,
                f"{longitude_field}__lte": east,
            }
        )
        .alias(distance_order=north_miles * north_miles + east_miles * east_miles)
        .filter(distance_order__lte=miles * miles)
    )
