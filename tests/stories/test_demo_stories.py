"""The demo stories: six in each language, told by demo groups, loaded once per module."""

import json
from xml.etree import ElementTree

import pytest
from wagtail.models import Page, Revision

from demo.stories import load_stories
from stories.models import StoryPage
from tests.helpers import parse


def quietly(message):
    pass


@pytest.fixture(scope="module")
def demo_stories(demo_site, django_db_blocker):
    """The demo site (groups included) with the stories added, rolled back with it."""
    with django_db_blocker.unblock():
        load_stories(quietly)


@pytest.fixture
def stories(demo_stories, db):
    return StoryPage.objects.live()


def test_six_stories_in_each_language(stories):
    for language in ("en", "cy"):
        assert stories.filter(locale__language_code=language).count() >= 6
    for story in stories.filter(locale__language_code="en"):
        welsh = story.get_translations().filter(locale__language_code="cy").live().first()
        assert welsh is not None, story.title
        assert welsh.specific.standfirst != story.standfirst


def test_every_story_renders_in_its_language_with_valid_json_ld(client, stories):
    for story in stories.specific():
        soup = parse(client.get(story.url))
        assert soup.html["lang"] == story.locale.language_code
        data = json.loads(soup.select_one('script[type="application/ld+json"]').string)
        assert data["@type"] == "Article" and data["inLanguage"] == story.locale.language_code
        assert soup.select(".key-facts li")
        # No photo was uploaded: the story shows its topic's pictogram, decorative, and no
        # caption claims a photo that is not there.
        assert soup.select_one(".story__hero img.pictogram")["alt"] == ""
        assert not soup.select(".story__hero figcaption")


@pytest.mark.parametrize("group_path, title", [
    ("/en/groups/gresford-community-library/", "How Gresford residents kept their village library open"),
    ("/cy/grwpiau/llyfrgell-gymunedol-gresffordd/", "Sut y cadwodd trigolion Gresffordd eu llyfrgell ar agor"),
    ("/en/groups/rhos-community-cafe/", "The Rhos café where nobody has to eat alone"),
    ("/cy/grwpiau/caffi-cymunedol-rhos/", "Y caffi yn Rhos lle does dim rhaid i neb fwyta ar ei ben ei hun"),
])  # fmt: skip
def test_seed_stories_show_on_their_groups_pages(client, demo_stories, db, group_path, title):
    soup = parse(client.get(group_path))
    assert title in [link.get_text() for link in soup.select(".story-section .card__title a")]


def test_home_pages_feature_the_newest_featured_story(client, demo_stories, db):
    for path, title in (("/en/", "The Rhos café where nobody has to eat alone"),
                        ("/cy/", "Y caffi yn Rhos lle does dim rhaid i neb fwyta ar ei ben ei hun")):  # fmt: skip
        soup = parse(client.get(path))
        assert [link.get_text() for link in soup.select(".story-section .card__title a")] == [title]


def test_feeds_list_the_demo_stories_of_each_language(client, stories):
    for path, language in (("/en/stories/feed/", "en"), ("/cy/straeon/ffrwd/", "cy")):
        channel = ElementTree.fromstring(client.get(path).content).find("channel")
        titles = [item.findtext("title") for item in channel.findall("item")]
        assert sorted(titles) == sorted(
            stories.filter(locale__language_code=language).values_list("title", flat=True)
        )


def test_loading_the_stories_again_changes_nothing(demo_stories, db):
    before = (Page.objects.count(), Revision.objects.count())
    load_stories(quietly)
    assert (Page.objects.count(), Revision.objects.count()) == before


def test_translators_can_translate_every_demo_page_with_wagtail_localize(stories):
    from wagtail_localize.segments.extract import extract_segments

    for page in stories.filter(locale__language_code="en").specific():
        assert extract_segments(page), page.url_path
