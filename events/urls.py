"""Calendar files at addresses ending in ``.ics``.

Wagtail serves pages only at addresses ending in a slash, without dots, so these addresses are
handed to Wagtail's own view here; the page's ``.ics`` route (see ``EventPage`` and
``EventIndexPage``) does the rest. Include this before Wagtail's URLs, inside
``i18n_patterns``.
"""

from django.urls import re_path
from wagtail import views

urlpatterns = [
    re_path(r"^((?:[\w\-]+/)+[\w\-]+\.ics)$", views.serve, name="events_calendar_file"),
]
