import pytest

from tests.helpers import translate


@pytest.fixture
def groups(make_group, locales):
    """Two live groups, each with its Welsh translation."""
    pages = {}
    for key, title, welsh_title, welsh_slug in (
        ("library", "Gresford Library", "Llyfrgell Gresffordd", "llyfrgell-gresffordd"),
        ("cafe", "Rhos Café", "Caffi Rhos", "caffi-rhos"),
    ):
        english = make_group(title)
        english.save_revision().publish()
        welsh = translate(english, locales["cy"], title=welsh_title, slug=welsh_slug)
        welsh.refresh_from_db()  # publishing saved the Welsh slug's address to the database
        pages[key] = {"en": english, "cy": welsh}
    return pages
