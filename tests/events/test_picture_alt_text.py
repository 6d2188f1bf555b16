"""An event's or an opportunity's picture is described in the page's language, written from the
page's title, whatever language the image's own description was written in."""

import pytest

from tests.helpers import parse, translate, uploaded_image

pytestmark = pytest.mark.django_db


@pytest.fixture
def picture(db):
    return uploaded_image("alt-test", "Repair café", "People mending a lamp at the repair café")


def test_an_events_picture_is_described_in_the_pages_language(client, make_event, locales, picture):
    english = make_event("Repair Café", listing_image=picture)
    english.save_revision().publish()
    welsh = translate(english, locales["cy"], title="Caffi Trwsio", slug="caffi-trwsio")
    welsh.refresh_from_db()
    assert parse(client.get(english.url)).select_one("img.event__image")["alt"] == "Picture for Repair Café"
    assert parse(client.get(welsh.url)).select_one("img.event__image")["alt"] == "Llun ar gyfer Caffi Trwsio"
