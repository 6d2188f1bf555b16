from datetime import date

import pytest

from stories.models import StoryIndexPage, StoryPage, StoryRelatedGroup


@pytest.fixture
def story_index(home_pages, locales):
    """The English story index and its Welsh translation, both empty."""
    english = StoryIndexPage(
        title="Success stories", slug="stories", summary="What people across Wrexham have done."
    )
    home_pages["en"].add_child(instance=english)
    english.save_revision().publish()
    welsh = english.copy_for_translation(locales["cy"])
    welsh.title, welsh.slug, welsh.summary = (
        "Straeon llwyddiant",
        "straeon",
        "Beth mae pobl ar draws Wrecsam wedi'i wneud.",
    )
    welsh.save_revision().publish()
    welsh.refresh_from_db()  # publishing saved the new slug's address to the database
    return {"en": english, "cy": welsh}


@pytest.fixture
def make_story(story_index):
    """Add a live story to the index of ``language``; returns the page."""

    def make(title, language="en", topics=(), groups=(), **fields):
        fields.setdefault("standfirst", f"What happened: {title}")
        fields.setdefault("date", date(2024, 5, 1))
        fields.setdefault("body", [("paragraph", f"<p>The story of {title}.</p>")])
        story = StoryPage(title=title, live=True, **fields)
        story.topics.set(topics)
        story.related_groups = [StoryRelatedGroup(group=group) for group in groups]
        story_index[language].add_child(instance=story)
        return story

    return make
