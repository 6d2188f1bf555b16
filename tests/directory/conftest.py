import pytest

from directory.models import Area, GroupIndexPage, GroupPage
from search.models import Topic


@pytest.fixture
def topics(db):
    return {
        "volunteering": Topic.objects.create(name="Volunteering", slug="volunteering", name_cy="Gwirfoddoli", slug_cy="gwirfoddoli"),
        "food": Topic.objects.create(name="Food", slug="food", name_cy="Bwyd", slug_cy="bwyd"),
    }  # fmt: skip


@pytest.fixture
def areas(db):
    return {
        "gresford": Area.objects.create(name="Gresford", slug="gresford", name_cy="Gresffordd", slug_cy="gresffordd"),
        "rhos": Area.objects.create(name="Rhos", slug="rhos", name_cy="Rhos", slug_cy="rhos"),
    }  # fmt: skip


@pytest.fixture
def directory(home_pages, locales):
    """The English directory and its Welsh translation, both empty."""
    english = GroupIndexPage(title="Community groups", slug="groups")
    home_pages["en"].add_child(instance=english)
    english.save_revision().publish()
    welsh = english.copy_for_translation(locales["cy"])
    welsh.title, welsh.slug = "Grwpiau cymunedol", "grwpiau"
    welsh.save_revision().publish()
    return {"en": english, "cy": welsh}


@pytest.fixture
def make_group(directory):
    """Add a live group to the directory of ``language``; returns the page."""

    def make(title, language="en", topics=(), **fields):
        fields.setdefault("summary", f"About {title}")
        group = GroupPage(title=title, live=True, **fields)
        group.topics.set(topics)
        directory[language].add_child(instance=group)
        return group

    return make
