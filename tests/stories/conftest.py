from datetime import date

import pytest

from stories.models import StoryPage, StoryRelatedGroup


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
