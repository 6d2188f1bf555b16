from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlacesConfig(AppConfig):
    """Postcodes and distances: where a reader is and how far a listing is from them.

    Sits below the content apps and beside ``search``: directory, events and volunteering use
    it; it uses only ``home`` and ``bilingual`` (tests/test_architecture.py checks).
    """

    name = "places"
    verbose_name = _("Places and postcodes")
