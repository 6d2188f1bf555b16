"""The "near a postcode" filter every listing shares: two GET fields and the place they mean.

A form mixin (https://docs.djangoproject.com/en/5.2/topics/forms/#reusable-form-templates and
form inheritance): a listing's filter form inherits ``NearFilterFields`` and gets ``near`` and
``within``; after ``is_valid()`` the form's ``place`` is the Place the reader meant, or None.
A postcode that is malformed or unknown is an error on the field (shown beside it), never an
error page: the listing is shown without the distance filter.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from .distance import haversine_miles, pages_within, within_miles
from .postcodes import find_place, normalise, outward_code

DEFAULT_MILES = 3
WITHIN_CHOICES = [
    (1, _("1 mile")),
    (3, _("3 miles")),
    (5, _("5 miles")),
    (10, _("10 miles")),
]


class NearFilterFields(forms.Form):
    near = forms.CharField(
        label=_("Near a postcode"),
        required=False,
        max_length=40,
        help_text=_("For example LL11 1AY, or just LL11. Listings without a location are left out."),
    )
    within = forms.TypedChoiceField(
        label=_("Within"),
        required=False,
        choices=WITHIN_CHOICES,
        coerce=int,
        empty_value=DEFAULT_MILES,
    )

    place = None

    def clean_near(self):
        text = self.cleaned_data.get("near", "").strip()
        if not text:
            return ""
        place = find_place(text)
        if place is None:
            postcode = normalise(text)
            if postcode is None:  # coordinates outside the UK too
                raise forms.ValidationError(
                    _("“%(near)s” is not a postcode. Enter one such as LL11 1AY, or just LL11."),
                    code="malformed",
                    params={"near": text},
                )
            raise forms.ValidationError(
                _("We do not know where %(near)s is. Check it, or try just %(outward)s."),
                code="unknown",
                params={"near": postcode, "outward": outward_code(postcode)},
            )
        self.place = place
        return text

    @property
    def miles(self):
        return (
            self.cleaned_data.get("within") or DEFAULT_MILES
            if hasattr(self, "cleaned_data")
            else DEFAULT_MILES
        )

    def near_only(self, queryset, latitude_field="latitude", longitude_field="longitude"):
        """``queryset`` narrowed to the reader's radius (annotated ``distance_order``), if asked."""
        if self.place is None:
            return queryset
        return within_miles(queryset, self.place, self.miles, latitude_field, longitude_field)

    def near_pages(self, pages, positions):
        """Base pages of several types narrowed to the radius, nearest first, if asked (see
        ``distance.pages_within``); ``pages`` as they are without a place."""
        if self.place is None:
            return pages
        return pages_within(pages, self.place, self.miles, positions)

    def miles_to(self, latitude, longitude):
        """Miles from the reader's place to a point, or None without a place or a point."""
        if self.place is None or latitude is None or longitude is None:
            return None
        return haversine_miles(self.place.latitude, self.place.longitude, float(latitude), float(longitude))
