from django.urls import path
from django.utils.translation import pgettext_lazy

from . import views

# The path is translated: /en/check-listing/… is /cy/gwirio-rhestriad/….
urlpatterns = [
    path(
        pgettext_lazy("URL path", "check-listing/<str:token>/"),
        views.still_correct,
        name="directory_still_correct",
    ),
]
