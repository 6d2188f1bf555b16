"""What many tests do the same way: read a page's HTML, publish a translation, see a string in Welsh."""

from bs4 import BeautifulSoup
from django.utils import translation


def parse(response, status=200):
    """The response's HTML, after checking its status (``status=None`` accepts any)."""
    if status is not None:
        assert response.status_code == status
    return BeautifulSoup(response.content.decode(), "html.parser")


def translate(page, locale, **fields):
    """Publish the page's translation into ``locale`` with ``fields`` set, as a translator would."""
    copy = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save_revision().publish()
    return copy


def in_welsh(message):
    """The interface string as Welsh readers see it."""
    with translation.override("cy"):
        return translation.gettext(message)


def image_with_alt_text(image, alt_text):
    """``image`` as Wagtail's ``ImageBlock`` holds it in a StreamField: with the alt text written
    for that place (empty and decorative when ``alt_text`` is empty)."""
    image.contextual_alt_text, image.decorative = alt_text, not alt_text
    return image
