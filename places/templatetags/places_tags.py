"""``{% miles_away form listing %}``: "1.2 miles" ("1.2 milltir") from the reader's place."""

from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext

register = template.Library()


@register.simple_tag
def miles_away(near_form, latitude, longitude):
    """The distance, to a tenth of a mile, for a listing card; empty without a place."""
    miles = near_form.miles_to(latitude, longitude)
    if miles is None:
        return ""
    # Always one decimal place, so the unit never needs a singular: "1.0 miles", "1.0 milltir".
    return gettext("%(miles)s miles") % {"miles": number_format(miles, 1)}
