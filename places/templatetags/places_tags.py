"""Distances on listing cards, the postcode data's licence attribution and the map's tile
server, for the templates."""

from django import template
from django.conf import settings
from django.utils.formats import number_format
from django.utils.translation import gettext, gettext_noop

from places.postcodes import attribution

register = template.Library()

# The default MAP_TILE_ATTRIBUTION, marked so that it has Welsh; an operator's own stays as given.
gettext_noop("© OpenStreetMap contributors")


@register.simple_tag
def miles_away(near_form, latitude, longitude):
    """The distance, to a tenth of a mile, for a listing card; empty without a place."""
    miles = near_form.miles_to(latitude, longitude)
    if miles is None:
        return ""
    # Always one decimal place, so the unit never needs a singular: "1.0 miles", "1.0 milltir".
    return gettext("%(miles)s miles") % {"miles": number_format(miles, 1)}


@register.simple_tag
def postcode_data_attribution():
    """The ONS Postcode Directory's attribution sentence; None with no postcodes loaded."""
    return attribution()


@register.simple_tag
def map_tiles():
    """The tile server and its attribution, from the MAP_TILE_* settings."""
    return {
        "url": settings.MAP_TILE_URL,
        "attribution": gettext(settings.MAP_TILE_ATTRIBUTION),
        "attribution_url": settings.MAP_TILE_ATTRIBUTION_URL,
    }
