"""The reader's language, as the two-letter code the site's settings and fields use."""

from django.conf import settings
from django.utils.translation import get_language


def current_language():
    """The active language ("en" or "cy"), the site's default outside a request."""
    return (get_language() or settings.LANGUAGE_CODE).split("-")[0]
