from django.urls import path
from django.utils.translation import pgettext_lazy

from . import views

# Translated: /en/look-after/12/ is /cy/gofalu-am/12/; /en/check-listing/… is /cy/gwirio-rhestriad/….
urlpatterns = [
    path(pgettext_lazy("URL path", "look-after/<int:listing_id>/"), views.claim_form, name="claim_listing"),
    path(
        pgettext_lazy("URL path", "look-after/<int:listing_id>/thanks/"),
        views.claim_thanks,
        name="claim_thanks",
    ),
    path(
        pgettext_lazy("URL path", "check-listing/<str:token>/"),
        views.still_correct,
        name="directory_still_correct",
    ),
]
