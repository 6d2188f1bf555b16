"""Kept cards: each listing's cards are rendered once per page-tree version ({% kept_card %}
with Django's fragment cache, kept in each process), and never outlive what they show: the
page, its topics, its area, its picture, the reader's language and place."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from home.page_cache import VERSION_KEY
from places.models import Postcode
from tests.helpers import parse, uploaded_image

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader():
    return Client(enforce_csrf_checks=True)


def card_texts(reader, path):
    return [card.get_text(" ", strip=True) for card in parse(reader.get(path)).select("li.group-card")]


def test_a_card_is_rendered_once_and_follows_a_publish(reader, make_group, monkeypatch):
    group = make_group("Gresford Library", summary="Books.")
    group.save_revision().publish()
    assert "Books." in card_texts(reader, "/en/groups/")[0]
    kept = caches["template_fragments"]
    stored = []
    original_set = kept.set
    monkeypatch.setattr(
        kept, "set", lambda *args, **kwargs: stored.append(args[0]) or original_set(*args, **kwargs)
    )
    with CaptureQueriesContext(connection) as queries:
        card_texts(reader, "/en/groups/")
    assert stored == []  # the second listing renders no card
    assert not any('"directory_grouppage"."summary"' in query["sql"] for query in queries)  # nor reads one
    group.summary = "Books and a warm room."
    group.save_revision().publish()
    assert "Books and a warm room." in card_texts(reader, "/en/groups/")[0]


def test_a_renamed_topic_and_an_edited_picture_show_on_the_cards_at_once(reader, make_group, topics, locales):
    from django.core.cache import cache

    group = make_group("Gresford Library", topics=[topics["food"]])
    group.save_revision().publish()
    assert "Food" in card_texts(reader, "/en/groups/")[0]
    topics["food"].name = "Food and drink"
    topics["food"].save()
    assert "Food and drink" in card_texts(reader, "/en/groups/")[0]
    version = cache.get(VERSION_KEY)
    picture = uploaded_image("card", "Library", "The library's door")
    picture.focal_point_x = 3
    picture.save()
    assert cache.get(VERSION_KEY) != version


def test_each_language_and_each_place_has_its_own_cards(reader, make_group, locales):
    Postcode.objects.create(postcode="LL12 0AB", outward_code="LL12", latitude=53.08, longitude=-2.98)
    Postcode.objects.create(
        postcode="LL12", outward_code="LL12", is_outward_centroid=True, latitude=53.09, longitude=-2.97
    )
    group = make_group("Gresford Library", latitude="53.086800", longitude="-2.966800")
    group.save_revision().publish()
    welsh = group.copy_for_translation(locales["cy"])
    welsh.title, welsh.slug = "Llyfrgell Gresffordd", "llyfrgell-gresffordd"
    welsh.save_revision().publish()
    assert "Gresford Library" in card_texts(reader, "/en/groups/")[0]
    assert "Llyfrgell Gresffordd" in card_texts(reader, "/cy/grwpiau/")[0]
    near_one = card_texts(reader, "/en/groups/?near=LL12+0AB&within=50")[0]
    near_other = card_texts(reader, "/en/groups/?near=LL12&within=50")[0]
    assert "miles" in near_one and "miles" in near_other and near_one != near_other


def search_cards(reader, path):
    return [str(card) for card in parse(reader.get(path)).select("li.search-result")]


def test_search_results_are_kept_per_marked_words_and_follow_a_publish(reader, make_group, topics):
    group = make_group("Gresford Library", summary="Books in Gresford.", topics=[topics["food"]])
    group.save_revision().publish()
    by_library = search_cards(reader, "/en/search/?q=library")[0]
    assert "<mark>Library</mark>" in by_library and "<mark>Gresford" not in by_library
    by_place = search_cards(reader, "/en/search/?q=gresford")[0]
    assert "<mark>Gresford</mark> Library" in by_place and "<mark>Library" not in by_place
    assert "<mark>" not in search_cards(reader, "/en/topics/food/")[0]

    def group_table_read(path):
        with CaptureQueriesContext(connection) as queries:
            assert reader.get(path).status_code == 200
        return any("directory_grouppage" in query["sql"] for query in queries)

    # A page of kept results reads no page for its cards; without them it does.
    assert not group_table_read("/en/search/?q=library")
    caches["template_fragments"].clear()
    assert group_table_read("/en/search/?q=library")

    group.summary = "Books and coffee in Gresford."
    group.save_revision().publish()
    assert "Books and coffee" in search_cards(reader, "/en/search/?q=library")[0]
    assert "Books and coffee" in search_cards(reader, "/en/topics/food/")[0]
