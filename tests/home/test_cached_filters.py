"""A listing's filter form is rendered once for each state readers ask for
(``{% cached_filters %}``), and never outlives what it shows: the reader's own choices, the
topics and areas as editors last saved them, and the groups that organise events."""

from datetime import timedelta

import pytest
from django.utils import timezone

from events.models import EventPage
from tests.helpers import parse

pytestmark = pytest.mark.django_db


def topic_options(response):
    return [
        option.get_text(strip=True)
        for option in parse(response).select('form.filters select[name="topic"] option')
    ]


def group_options(response):
    return [
        option.get_text(strip=True)
        for option in parse(response).select('form.filters select[name="group"] option')
    ]


def test_the_form_shows_each_readers_choices(client, make_group, topics):
    make_group("Gresford Library", topics=[topics["food"]])
    plain = parse(client.get("/en/groups/"))
    chosen = parse(client.get("/en/groups/?topic=food"))
    assert plain.select_one('form.filters select[name="topic"] option[selected]')["value"] == ""
    assert chosen.select_one('form.filters select[name="topic"] option[selected]')["value"] == "food"
    # The page number is not part of the form: page 2 reuses page 1's form, as it should.
    again = parse(client.get("/en/groups/?topic=food&page=1"))
    assert again.select_one('form.filters select[name="topic"] option[selected]')["value"] == "food"


def test_the_second_render_comes_from_the_cache(client, make_group, topics, monkeypatch):
    from home.templatetags import portal_tags

    make_group("Gresford Library", topics=[topics["food"]])
    renders, kept = [], portal_tags.cached

    def counting(name, compute, **options):
        return kept(name, lambda: renders.append(name) or compute(), **options)

    monkeypatch.setattr(portal_tags, "cached", counting)
    first = client.get("/en/groups/").content.decode()
    second = client.get("/en/groups/").content.decode()
    assert len([name for name in renders if name.startswith("filters:")]) == 1
    assert first == second


def test_a_renamed_topic_shows_at_once(client, make_group, topics):
    make_group("Gresford Library", topics=[topics["food"]])
    assert "Food" in topic_options(client.get("/en/groups/"))
    topics["food"].name = "Food and drink"
    topics["food"].save()
    assert "Food and drink" in topic_options(client.get("/en/groups/"))


def test_a_newly_organising_group_joins_the_events_filter(client, event_index, make_group):
    group = make_group("Rhos Café")
    assert "Rhos Café" not in group_options(client.get("/en/events/"))
    event = EventPage(
        title="Coffee morning",
        start_date=timezone.localdate() + timedelta(days=3),
        summary="Coffee",
        group=group,
    )
    event_index["en"].add_child(instance=event)
    event.save_revision().publish()
    assert "Rhos Café" in group_options(client.get("/en/events/"))


def test_the_search_forms_choices_are_kept_across_words_but_follow_the_chosen_ones(
    client, make_group, topics, monkeypatch
):
    from home.templatetags import portal_tags

    make_group("Gresford Library", topics=[topics["food"]])
    renders, kept = [], portal_tags.cached

    def counting(name, compute, **options):
        return kept(name, lambda: renders.append(name) or compute(), **options)

    monkeypatch.setattr(portal_tags, "cached", counting)

    def chosen(path):
        form = parse(client.get(path)).select_one("form.search-form")
        return (
            form.select_one('input[name="q"]')["value"],
            form.select_one('select[name="topic"] option[selected]')["value"],
        )

    assert chosen("/en/search/?q=library") == ("library", "")
    assert chosen("/en/search/?q=books") == ("books", "")  # the words are never kept
    assert len([name for name in renders if name.startswith("filters:")]) == 1
    assert chosen("/en/search/?q=books&topic=food") == ("books", "food")
    assert len([name for name in renders if name.startswith("filters:")]) == 2
