"""The body's picture is Wagtail's own ImageBlock (alt text or "decorative") with a caption, and
pictures stored in the old ``{image, alt_text, caption}`` shape are migrated to it."""

import pytest
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from home.data_migrations import ImageWithAltTextToFigureOperation
from home.models import StandardPage
from tests.helpers import parse


@pytest.fixture
def picture(db):
    return get_image_model().objects.create(title="IMG_0042.jpg", file=get_test_image_file())


def page_with_old_picture(home_pages, picture, alt_text, caption=""):
    """A page whose body holds a picture as the project's old image block stored it, migrated."""
    old_value = {"image": picture.pk, "alt_text": alt_text, "caption": caption}
    body = [{"type": "image", "value": ImageWithAltTextToFigureOperation().apply(old_value)}]
    page = StandardPage(title="About us", slug="about-us", body=body)
    home_pages["en"].add_child(instance=page)
    page.save_revision().publish()
    return page


def test_a_migrated_picture_keeps_its_alt_text_and_caption(client, home_pages, picture):
    page_with_old_picture(home_pages, picture, "Volunteers painting the hall", caption="Rhos, May 2024")

    figure = parse(client.get("/en/about-us/")).select_one("main figure")

    assert figure.img["alt"] == "Volunteers painting the hall"
    assert figure.figcaption.get_text(strip=True) == "Rhos, May 2024"


def test_a_picture_stored_without_alt_text_becomes_decorative(client, home_pages, picture):
    page = page_with_old_picture(home_pages, picture, "")

    figure = parse(client.get("/en/about-us/")).select_one("main figure")

    assert page.body[0].value["image"].decorative is True
    assert figure.img["alt"] == ""  # not the file's title
    assert figure.figcaption is None


def test_the_migration_leaves_a_picture_already_in_the_new_shape_alone():
    new_value = {"image": {"image": 7, "decorative": False, "alt_text": "A map"}, "caption": ""}

    assert ImageWithAltTextToFigureOperation().apply(new_value) == new_value
