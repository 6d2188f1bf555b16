"""A group's logo is described in the page's language, on its page and on its directory card."""

import pytest

from tests.helpers import parse, translate, uploaded_image

pytestmark = pytest.mark.django_db


@pytest.fixture
def group_with_logo(make_group, locales):
    logo = uploaded_image("alt-test", "Gresford Library", "Logo of Gresford Library")
    english = make_group("Gresford Library", listing_image=logo)
    english.save_revision().publish()
    welsh = translate(english, locales["cy"], title="Llyfrgell Gresffordd", slug="llyfrgell-gresffordd")
    welsh.refresh_from_db()  # publishing saved its Welsh address
    return {"en": english, "cy": welsh}


@pytest.mark.parametrize(
    ("language", "alt"), [("en", "Logo of Gresford Library"), ("cy", "Logo Llyfrgell Gresffordd")]
)
def test_logo_alt_text_is_in_the_pages_language(client, group_with_logo, directory, language, alt):
    for url in (group_with_logo[language].url, directory[language].url):
        images = parse(client.get(url)).select("main img")
        assert [image["alt"] for image in images] == [alt], url
