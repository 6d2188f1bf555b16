"""The search page and topic pages, with real groups in both languages."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.helpers import parse

pytestmark = pytest.mark.django_db


def result_titles(soup):
    return [link.get_text() for link in soup.select(".search-result__title a")]


@pytest.fixture
def welsh_groups(make_group, topics):
    make_group("Gardd Gymunedol Parc Caia", language="cy", summary="Tyfu llysiau gyda'n gilydd.")
    make_group(
        "Caffi'r Pentref",
        language="cy",
        summary="Paned a sgwrs yng nghanol y bentref.",
        topics=[topics["food"]],
    )
    make_group(
        "Cyfeillion y Llyfrgell",
        language="cy",
        summary="Rydyn ni'n chwilio am bobl i wirfoddoli.",
        topics=[topics["volunteering"]],
    )
    make_group("Gŵyl Fwyd Wrecsam", language="cy", summary="Gŵyl flynyddol.", topics=[topics["food"]])
    make_group("Clwb Rygbi", language="cy", summary="Hyfforddi yn y nghymuned.")


@pytest.mark.parametrize(
    "query, expected",
    [
        ("cymunedol", "Gardd Gymunedol Parc Caia"),  # soft mutation in the text: g < c
        ("nghymunedol", "Gardd Gymunedol Parc Caia"),  # nasal query, soft text
        ("pentref", "Caffi'r Pentref"),
        ("phentref", "Caffi'r Pentref"),  # aspirate query, radical text
        ("gwirfoddoli", "Cyfeillion y Llyfrgell"),  # soft mutation drops the g in the text
        ("cymuned", "Clwb Rygbi"),  # nasal mutation in the text: nghymuned
        ("gwyl", "Gŵyl Fwyd Wrecsam"),  # accents folded
        ("bwyd", "Gŵyl Fwyd Wrecsam"),  # soft mutation in the title: fwyd < bwyd
    ],
)
def test_welsh_search_finds_every_mutated_form(client, welsh_groups, query, expected):
    soup = parse(client.get(f"/cy/chwilio/?q={query}"))
    assert expected in result_titles(soup)


def test_search_stays_in_the_readers_language(client, make_group):
    make_group("Repair Café Coedpoeth", summary="Fix it, don't bin it.")
    make_group("Caffi Trwsio Coedpoeth", language="cy", summary="Trwsio yn lle taflu.")
    assert result_titles(parse(client.get("/en/search/?q=coedpoeth"))) == ["Repair Café Coedpoeth"]
    assert result_titles(parse(client.get("/cy/chwilio/?q=coedpoeth"))) == ["Caffi Trwsio Coedpoeth"]


def test_english_search_folds_accents(client, make_group):
    make_group("Repair Café", summary="Bring your broken things.")
    soup = parse(client.get("/en/search/?q=cafe"))
    assert result_titles(soup) == ["Repair Café"]
    assert soup.select_one(".search-result__title mark").get_text() == "Café"


def test_a_name_match_ranks_above_a_passing_mention(client, make_group):
    make_group("Gresford Walkers", summary="We walk past the library every Tuesday.")
    make_group("Gresford Library", summary="Books for all.")
    assert result_titles(parse(client.get("/en/search/?q=library")))[0] == "Gresford Library"


def test_topic_and_type_filters(client, make_group, topics):
    make_group("Food Bank", summary="Food for families.", topics=[topics["food"]])
    make_group("Food Growers", summary="Food from the garden.", topics=[topics["volunteering"]])
    assert result_titles(parse(client.get("/en/search/?q=food&topic=food"))) == ["Food Bank"]
    soup = parse(client.get("/en/search/?q=food&type=groups"))
    assert sorted(result_titles(soup)) == ["Food Bank", "Food Growers"]
    assert "(2)" in soup.select_one('.type-filter a[href*="type=groups"]').get_text()


def test_no_results_suggests_topics(client, make_group, topics):
    make_group("Food Bank")
    soup = parse(client.get("/en/search/?q=volunteerign"))
    assert soup.select_one(".empty-state")
    assert "Volunteering" in soup.select_one(".empty-state").get_text()
    assert soup.select_one('a[href="/en/topics/volunteering/"]')


@pytest.mark.parametrize(
    "query",
    ["", "a" * 10_000, '"', '"unbalanced', "*", "cafe*", "NEAR(", "NEAR(a b", "AND OR NOT", "((", "))", "a AND",
     "%00", "😀", "' OR 1=1 --", "title:food", "^", "-food", "food -", "{}", "[]", "\\", "&type=nope", "&topic=nope",
     "&page=abc", "&page=-1", "&page=999999999999999999999"],
)  # fmt: skip
@pytest.mark.parametrize("prefix", ["/en/search/", "/cy/chwilio/"])
def test_bad_input_gives_a_normal_page(client, make_group, query, prefix):
    make_group("Food Bank")
    make_group("Banc Bwyd", language="cy")
    response = client.get(f"{prefix}?q={query}" if not query.startswith("&") else f"{prefix}?q=food{query}")
    assert response.status_code == 200


def test_search_box_on_every_page(client, make_group):
    make_group("Food Bank")
    for path in ("/en/", "/en/groups/", "/en/groups/food-bank/", "/en/topics/", "/cy/"):
        form = parse(client.get(path)).select_one("header form[role=search]")
        assert form["action"] == ("/cy/chwilio/" if path.startswith("/cy/") else "/en/search/"), path


def test_topic_index_lists_topics_with_counts(client, make_group, topics):
    make_group("Food Bank", topics=[topics["food"]])
    make_group("Food Growers", topics=[topics["food"], topics["volunteering"]])
    make_group("Banc Bwyd", language="cy", topics=[topics["food"]])

    def counts():
        return {
            item.a.get_text(): item.select_one(".topic-index__count").get_text()
            for item in parse(client.get("/en/topics/")).select(".topic-index li")
        }

    assert counts() == {"Food": "2 pages", "Volunteering": "1 page"}
    welsh = parse(client.get("/cy/pynciau/"))
    assert [item.a.get_text() for item in welsh.select(".topic-index li")] == ["Bwyd", "Gwirfoddoli"]
    choir = make_group("Choir", topics=[topics["volunteering"]])
    choir.save_revision().publish()  # the counts are kept until something is published
    assert counts() == {"Food": "2 pages", "Volunteering": "2 pages"}


def test_topic_page_shows_everything_on_it_and_switches_language(client, make_group, topics):
    make_group("Food Bank", topics=[topics["food"]])
    make_group("Choir", topics=[topics["volunteering"]])
    soup = parse(client.get("/en/topics/food/"))
    assert soup.h1.get_text() == "Food"
    assert result_titles(soup) == ["Food Bank"]
    assert soup.select_one('nav.language-switcher a[hreflang="cy"]')["href"] == "/cy/pynciau/bwyd/"
    welsh = parse(client.get("/cy/pynciau/bwyd/"))
    assert welsh.h1.get_text() == "Bwyd"
    assert client.get("/en/topics/no-such-topic/").status_code == 404
    assert client.get("/en/topics/food/?type=nope&page=abc").status_code == 200


def test_the_same_words_again_are_answered_from_the_kept_matches_until_a_publish(client, make_group):
    bank = make_group("Food Bank", summary="Food for families.")
    bank.save_revision().publish()
    assert result_titles(parse(client.get("/en/search/?q=food"))) == ["Food Bank"]
    with CaptureQueriesContext(connection) as queries:
        again = parse(client.get("/en/search/?q=Food&type=groups"))  # the same words, another type
    assert result_titles(again) == ["Food Bank"]
    assert not any("indexentry" in query["sql"] for query in queries)
    growers = make_group("Food Growers", summary="Food from the garden.")
    growers.save_revision().publish()
    assert sorted(result_titles(parse(client.get("/en/search/?q=food")))) == ["Food Bank", "Food Growers"]
    assert result_titles(parse(client.get("/en/search/?q=garden"))) == ["Food Growers"]


def test_a_topic_page_follows_what_is_published_on_it(client, make_group, topics):
    """Its pages are kept with the page-tree facts: publishing, retagging or unpublishing a
    page shows at once."""
    bank = make_group("Food Bank", topics=[topics["food"]])
    bank.save_revision().publish()
    assert result_titles(parse(client.get("/en/topics/food/"))) == ["Food Bank"]
    choir = make_group("Choir", topics=[topics["volunteering"]])
    choir.save_revision().publish()
    choir.topics.set([topics["food"]])
    choir.save_revision().publish()
    assert result_titles(parse(client.get("/en/topics/food/"))) == ["Choir", "Food Bank"]
    assert (
        "(2)"
        in parse(client.get("/en/topics/food/")).select_one('.type-filter a[href*="type=groups"]').get_text()
    )
    bank.unpublish()
    assert result_titles(parse(client.get("/en/topics/food/"))) == ["Choir"]


def test_every_topic_on_a_group_page_links_to_its_topic_page(client, make_group, topics):
    make_group("Food Bank", topics=[topics["food"], topics["volunteering"]])
    links = [a["href"] for a in parse(client.get("/en/groups/food-bank/")).select(".topic-list a")]
    assert links == ["/en/topics/food/", "/en/topics/volunteering/"]
    for link in links:
        assert client.get(link).status_code == 200


def count_queries(client, path):
    client.get(path)  # warm the cached lists
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def test_search_and_topic_queries_do_not_grow_with_results(client, make_group, topics):
    def add(start, end):
        for number in range(start, end):
            make_group(f"Food Group {number:03d}", summary="Food for all", topics=[topics["food"]])

    add(0, 25)
    paths = ["/en/search/?q=food", "/en/topics/food/", "/en/topics/"]
    before = {path: count_queries(client, path) for path in paths}
    add(25, 120)
    after = {path: count_queries(client, path) for path in paths}
    assert after == before
    assert all(count < 15 for count in after.values()), after
