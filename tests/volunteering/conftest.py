import pytest

from home.page_cache import forget_page_tree
from volunteering.models import OpportunityPage


@pytest.fixture
def groups(make_group, locales):
    """Two live groups, each with its Welsh translation."""
    pages = {}
    for key, title, welsh_title in (
        ("library", "Gresford Library", "Llyfrgell Gresffordd"),
        ("cafe", "Rhos Café", "Caffi Rhos"),
    ):
        english = make_group(title)
        english.save_revision().publish()
        welsh = english.copy_for_translation(locales["cy"])
        welsh.title = welsh_title
        welsh.save_revision().publish()
        pages[key] = {"en": english, "cy": welsh}
    return pages


@pytest.fixture
def make_opportunity(volunteering_index, groups):
    """Add a live opportunity to the listing of ``language``, helping the library unless told
    otherwise; returns the page."""

    def make(title, language="en", topics=(), **fields):
        fields.setdefault("summary", f"About {title}")
        fields.setdefault("what_you_do", f"What {title} involves")
        fields.setdefault("group", groups["library"]["en"])
        fields.setdefault("commitment", "flexible")
        opportunity = OpportunityPage(title=title, live=True, **fields)
        opportunity.topics.set(topics)
        volunteering_index[language].add_child(instance=opportunity)
        forget_page_tree()  # as publishing it would
        return opportunity

    return make


@pytest.fixture
def translate():
    """Publish a Welsh translation of an English page, with its Welsh title and slug."""

    def make(page, locales, title, slug, **fields):
        welsh = page.copy_for_translation(locales["cy"])
        welsh.title, welsh.slug = title, slug
        for name, value in fields.items():
            setattr(welsh, name, value)
        welsh.save_revision().publish()
        return welsh

    return make
