"""What many tests do the same way: read a page's HTML, publish a translation, see a string in Welsh."""

from io import BytesIO

from bs4 import BeautifulSoup
from django.core.files.images import ImageFile
from django.utils import translation
from PIL import Image as PillowImage
from wagtail.images import get_image_model


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


def uploaded_image(key, title, description, size=(24, 24)):
    """An uploaded picture (a plain tile drawn with Pillow), created once per ``key``, as an
    editor's upload would be."""
    Image = get_image_model()
    file_name = f"test-{key}.png"
    existing = Image.objects.filter(file__endswith=file_name).first()
    if existing is not None:
        return existing
    buffer = BytesIO()
    PillowImage.new("RGB", size, (0, 89, 79)).save(buffer, format="PNG")
    return Image.objects.create(title=title, description=description, file=ImageFile(buffer, name=file_name))
