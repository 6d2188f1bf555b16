import pytest

from guides.models import GuideGroup, GuidePage
from home.page_cache import forget_page_tree


def steps(*titles):
    return [
        ("step", {"title": title, "body": f"<p>How to {title.lower()}.</p>", "image": None})
        for title in titles
    ]


@pytest.fixture
def make_guide(guide_index):
    """Add a live guide under ``parent`` (by default the index of ``language``)."""

    def make(
        title, language="en", parent=None, topics=(), groups=(), step_titles=("Do the first thing",), **fields
    ):
        guide = GuidePage(title=title, live=True, steps=steps(*step_titles), **fields)
        guide.topics.set(topics)
        guide.groups_that_can_help = [GuideGroup(group=group) for group in groups]
        (parent or guide_index[language]).add_child(instance=guide)
        forget_page_tree()  # as publishing it would
        return guide

    return make
