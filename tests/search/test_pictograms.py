"""A page without a picture of its own shows its first topic's pictogram (search.pictograms),
decorative, in the topic's colour: never a tile of English initials, never a caption for a
photo that is not there."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from stories.models import StoryPage
from tests.helpers import parse, translate, uploaded_image

pytestmark = pytest.mark.django_db


@pytest.fixture
def food_topics(topics):
    topics["food"].pictogram = "food"
    topics["food"].save()
    topics["volunteering"].pictogram = "volunteering"
    topics["volunteering"].save()
    return topics


def pictogram(image):
    assert "pictogram" in image["class"], image
    return image["data-pictogram"], image["src"], image["alt"]


@pytest.mark.parametrize(("language", "path"), [("en", "/en/groups/"), ("cy", "/cy/grwpiau/")])
def test_a_group_without_a_logo_shows_its_topic_pictogram(client, make_group, food_topics, language, path):
    # Topics are taken by their name, whichever was ticked first: Food comes before Volunteering.
    make_group(
        "Gwersyllt Food Bank", language=language, topics=[food_topics["volunteering"], food_topics["food"]]
    )
    make_group("No Topic Club", language=language)
    make_group(
        "Logo Club", language=language, listing_image=uploaded_image("logo", "Logo", "Logo of the club")
    )
    cards = {card.h2.get_text(strip=True): card for card in parse(client.get(path)).select(".group-card")}
    food_bank = cards["Gwersyllt Food Bank"].img
    assert pictogram(food_bank) == ("food", "/static/pictograms/food.svg", "")
    assert (food_bank["width"], food_bank["height"]) == ("160", "160")
    assert pictogram(cards["No Topic Club"].img)[:2] == ("community", "/static/pictograms/community.svg")
    logo = cards["Logo Club"].img
    assert "pictogram" not in logo["class"] and logo["src"].startswith("/media/")


def test_the_group_page_shows_the_pictogram_too(client, make_group, food_topics):
    group = make_group("Gwersyllt Food Bank", topics=[food_topics["food"]])
    group.save_revision().publish()
    soup = parse(client.get(group.url))
    assert pictogram(soup.select_one("main img.group__image")) == ("food", "/static/pictograms/food.svg", "")


@pytest.mark.parametrize("language", ["en", "cy"])
def test_a_story_without_a_photo_shows_its_pictogram_and_no_caption(
    client, story_index, locales, food_topics, language
):
    story = StoryPage(
        title="The Rhos café",
        standfirst="Soup for everyone.",
        date=date(2025, 1, 1),
        featured=True,
        hero_caption="A photo that is not there",
        live=True,
    )
    story.topics.set([food_topics["food"]])
    story_index["en"].add_child(instance=story)
    story.save_revision().publish()
    if language == "cy":
        story = translate(story, locales["cy"], title="Y caffi yn Rhos", slug="y-caffi-yn-rhos")
        story.refresh_from_db()
    page = parse(client.get(story.url))
    assert pictogram(page.select_one(".story__hero img")) == ("food", "/static/pictograms/food.svg", "")
    assert not page.select("figcaption")
    index = parse(client.get(story_index[language].url))
    assert pictogram(index.select_one(".story-card img"))[0] == "food"
    home = parse(client.get(f"/{language}/"))
    assert pictogram(home.select_one(".story-section .card img"))[0] == "food"


def test_pictograms_add_no_query_per_group(client, make_group, food_topics):
    def queries(path):
        client.get(path)  # warm the per-process caches
        with CaptureQueriesContext(connection) as captured:
            assert client.get(path).status_code == 200
        return len(captured)

    for number in range(3):
        make_group(f"Group {number}", topics=[food_topics["food"]])
    few = queries("/en/groups/")
    for number in range(3, 15):
        make_group(f"Group {number}", topics=[food_topics["food"], food_topics["volunteering"]])
    assert queries("/en/groups/") == few
