import json
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from directory.models import GroupPage
from home.page_cache import forget_page_tree
from tests.helpers import parse, uploaded_image

pytestmark = pytest.mark.django_db


def listed_titles(soup):
    return [link.get_text() for link in soup.select(".group-card__title a")]


@pytest.mark.parametrize(
    "language, path, heading",
    [("en", "/en/groups/", "Community groups"), ("cy", "/cy/grwpiau/", "Grwpiau cymunedol")],
)
def test_directory_renders_in_both_languages(client, directory, make_group, language, path, heading):
    make_group("Gresford Library" if language == "en" else "Llyfrgell Gresffordd", language=language)
    soup = parse(client.get(path))
    assert soup.html["lang"] == language
    assert soup.h1.get_text() == heading
    assert len(listed_titles(soup)) == 1
    assert soup.select_one(".result-count").get_text().strip() == (
        "1 group" if language == "en" else "1 grŵp"
    )


def test_group_page_renders_in_both_languages_with_its_details(
    client, directory, make_group, areas, topics, locales
):
    english = make_group(
        "Gresford Library", topics=[topics["volunteering"]], area=areas["gresford"], email="hello@library.example", show_email=True,
        phone="01978 123456", postcode="LL12 8NU", latitude="53.087", longitude="-2.966",
        volunteers_wanted=True, volunteering="Shelf tidying on Saturdays",
    )  # fmt: skip
    english.save_revision().publish()
    welsh = english.copy_for_translation(locales["cy"])
    welsh.title, welsh.slug, welsh.volunteering = (
        "Llyfrgell Gresffordd",
        "llyfrgell-gresffordd",
        "Tacluso silffoedd",
    )
    welsh.save_revision().publish()

    en = parse(client.get("/en/groups/gresford-library/"))
    assert en.h1.get_text() == "Gresford Library"
    assert "hello@library.example" in en.select_one(".summary-list").get_text()
    assert en.select_one(".topic-list a").get_text() == "Volunteering"
    cy = parse(client.get("/cy/grwpiau/llyfrgell-gresffordd/"))
    assert cy.html["lang"] == "cy"
    assert "Tacluso silffoedd" in cy.get_text()
    assert cy.select_one(".topic-list a").get_text() == "Gwirfoddoli"
    assert "Gresffordd" in cy.select_one(".summary-list").get_text()
    assert cy.select_one('nav.language-switcher a[hreflang="en"]')["href"] == "/en/groups/gresford-library/"


def test_group_page_has_schema_org_json_ld(client, make_group, areas):
    make_group(
        "Rhos Community Café",
        area=areas["rhos"],
        postcode="LL14 1AA",
        email="cafe@rhos.example",
        latitude="53.01",
        longitude="-3.05",
    )
    soup = parse(client.get("/en/groups/rhos-community-cafe/"))
    data = json.loads(soup.select_one('script[type="application/ld+json"]').string)
    assert data["@type"] == "NGO"
    assert data["name"] == "Rhos Community Café"
    assert data["address"]["postalCode"] == "LL14 1AA"
    # geo belongs to a Place (the group's location), not to the NGO; telephone and
    # knowsLanguage are the NGO's own, inLanguage is not an Organization property.
    assert "geo" not in data and "inLanguage" not in data
    assert data["location"]["@type"] == "Place"
    assert data["location"]["geo"] == {"@type": "GeoCoordinates", "latitude": 53.01, "longitude": -3.05}
    assert data["location"]["address"]["postalCode"] == "LL14 1AA"


def test_stale_listing_warns_readers(client, make_group):
    make_group("Old Club", last_reviewed=timezone.localdate() - timedelta(days=400))
    make_group("Fresh Club", last_reviewed=timezone.localdate() - timedelta(days=30))
    assert parse(client.get("/en/groups/old-club/")).select_one(".notice--warning")
    assert not parse(client.get("/en/groups/fresh-club/")).select_one(".notice--warning")


def test_filters_combine(client, make_group, topics, areas):
    make_group(
        "Both Match",
        topics=[topics["food"]],
        area=areas["rhos"],
        volunteers_wanted=True,
        group_language="en-speakers",
    )
    make_group(
        "Wrong Area",
        topics=[topics["food"]],
        area=areas["gresford"],
        volunteers_wanted=True,
        group_language="en-speakers",
    )
    make_group(
        "Wrong Topic",
        topics=[topics["volunteering"]],
        area=areas["rhos"],
        volunteers_wanted=True,
        group_language="en-speakers",
    )
    make_group("No Volunteers", topics=[topics["food"]], area=areas["rhos"], group_language="en-speakers")
    make_group(
        "English Only",
        topics=[topics["food"]],
        area=areas["rhos"],
        volunteers_wanted=True,
        group_language="en",
    )

    assert len(listed_titles(parse(client.get("/en/groups/?topic=food")))) == 4
    assert len(listed_titles(parse(client.get("/en/groups/?topic=food&area=rhos")))) == 3
    soup = parse(client.get("/en/groups/?topic=food&area=rhos&volunteers=on&welsh=on"))
    assert listed_titles(soup) == ["Both Match"]
    assert listed_titles(parse(client.get("/en/groups/?q=match&area=rhos"))) == ["Both Match"]
    # The filters survive in the form and in the pagination links.
    assert soup.select_one('select[name="area"] option[selected]')["value"] == "rhos"


def test_directory_search_box_matches_welsh_mutations_and_accents_as_site_search_does(client, make_group):
    make_group("Caffi Cymuned Rhos", language="cy", summary="Paned a sgwrs bob dydd Iau")
    make_group("Gŵyl Gerdd y Waun", language="cy", summary="Cerddoriaeth yn yr haf")
    make_group("Côr Meibion", language="cy", summary="Canu bob nos Fawrth")
    assert listed_titles(parse(client.get("/cy/grwpiau/?q=gymuned"))) == ["Caffi Cymuned Rhos"]
    assert listed_titles(parse(client.get("/cy/grwpiau/?q=gwyl"))) == ["Gŵyl Gerdd y Waun"]
    assert listed_titles(parse(client.get("/cy/grwpiau/?q=nghanu"))) == ["Côr Meibion"]


def test_welsh_filters_use_welsh_slugs(client, make_group, topics, areas):
    make_group("Caffi", language="cy", topics=[topics["food"]], area=areas["gresford"])
    make_group("Côr", language="cy", topics=[topics["volunteering"]], area=areas["gresford"])
    assert listed_titles(parse(client.get("/cy/grwpiau/?topic=bwyd&area=gresffordd"))) == ["Caffi"]


def test_english_directory_lists_only_english_groups(client, make_group):
    make_group("English Group")
    make_group("Grŵp Cymraeg", language="cy")
    assert listed_titles(parse(client.get("/en/groups/"))) == ["English Group"]
    assert listed_titles(parse(client.get("/cy/grwpiau/"))) == ["Grŵp Cymraeg"]


WELSH_NAMES = ["Rhwydwaith Rhieni", "Rygbi Rhos", "Llyfrgell Gresffordd", "Lles Lleol", "Chwarae Teg Wrecsam",
               "Cymdeithas Hanes", "Theatr Ieuenctid", "Tîm Pêl-droed", "Ffrindiau'r Parc", "Fforwm", "Fyny Fan"]  # fmt: skip


def test_welsh_directory_sorts_in_welsh_alphabetical_order(client, make_group):
    for name in WELSH_NAMES:
        make_group(name, language="cy")
    assert listed_titles(parse(client.get("/cy/grwpiau/"))) == [
        "Cymdeithas Hanes", "Chwarae Teg Wrecsam", "Fyny Fan", "Fforwm", "Ffrindiau'r Parc",
        "Lles Lleol", "Llyfrgell Gresffordd", "Rygbi Rhos", "Rhwydwaith Rhieni", "Tîm Pêl-droed", "Theatr Ieuenctid",
    ]  # fmt: skip


def test_english_directory_sorts_in_english_order(client, make_group):
    for name in [
        "Rhos Café",
        "Repair Café",
        "Llay Walkers",
        "Library Friends",
        "Chirk Choir",
        "Cycling Club",
    ]:
        make_group(name)
    assert listed_titles(parse(client.get("/en/groups/"))) == [
        "Chirk Choir", "Cycling Club", "Library Friends", "Llay Walkers", "Repair Café", "Rhos Café"
    ]  # fmt: skip


def test_a_to_z_jump_list_uses_welsh_letters(client, make_group):
    for name in WELSH_NAMES:
        make_group(name, language="cy")
    soup = parse(client.get("/cy/grwpiau/"))
    letters = [item.get_text().strip() for item in soup.select(".jump-list li")]
    assert letters[:5] == ["Y cyfan", "A", "B", "C", "Ch"]
    assert "Ll" in letters and "Rh" in letters and "Ng" in letters
    assert listed_titles(parse(client.get("/cy/grwpiau/?letter=ll"))) == [
        "Lles Lleol",
        "Llyfrgell Gresffordd",
    ]
    assert listed_titles(parse(client.get("/cy/grwpiau/?letter=l"))) == []


def test_recently_updated_sort(client, make_group):
    older = make_group("Aardvark Club")
    make_group("Zebra Club")
    GroupPage.objects.filter(pk=older.pk).update(last_published_at=timezone.now() - timedelta(days=9))
    GroupPage.objects.exclude(pk=older.pk).update(last_published_at=timezone.now())
    assert listed_titles(parse(client.get("/en/groups/?sort=updated"))) == ["Zebra Club", "Aardvark Club"]
    assert listed_titles(parse(client.get("/en/groups/?sort=az"))) == ["Aardvark Club", "Zebra Club"]


def test_pagination_twenty_a_page_keeping_filters(client, make_group, topics):
    for number in range(45):
        make_group(f"Group {number:02d}", topics=[topics["food"]])
    soup = parse(client.get("/en/groups/?topic=food"))
    assert len(listed_titles(soup)) == 20
    assert soup.select_one(".result-count").get_text().strip() == "45 groups"
    next_link = soup.select_one('.pagination a[rel="next"]')["href"]
    assert "topic=food" in next_link and "page=2" in next_link
    third = parse(client.get("/en/groups/?topic=food&page=3"))
    assert listed_titles(third) == ["Group 40", "Group 41", "Group 42", "Group 43", "Group 44"]
    assert third.select_one('.pagination [aria-current="page"]').get_text() == "3"


def test_empty_state_suggests_clearing_filters(client, make_group, topics):
    make_group("Only Group")
    soup = parse(client.get("/en/groups/?topic=food"))
    assert soup.select_one(".empty-state")
    assert soup.select_one(".empty-state a")["href"] == "/en/groups/"


@pytest.mark.parametrize(
    "query",
    ["topic=no-such-topic", "area=atlantis", "page=abc", "page=-1", "page=0", "page=99999999999999999999999",
     "sort=sideways", "letter=%F0%9F%98%80", "letter=zz", "welsh=maybe", "q=" + "x" * 500, "q=%00", "topic=&area="],
)  # fmt: skip
def test_bad_filter_values_give_a_normal_page(client, make_group, topics, query):
    make_group("A Group")
    response = client.get(f"/en/groups/?{query}")
    assert response.status_code == 200


def count_queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def test_directory_queries_do_not_grow_with_the_number_of_groups(client, make_group, topics, areas):
    def add_groups(start, end):
        for number in range(start, end):
            logo = uploaded_image(f"test-{number}", f"Group {number:03d}", "Logo")
            make_group(
                f"Group {number:03d}",
                topics=[topics["food"], topics["volunteering"]],
                area=areas["rhos"],
                listing_image=logo,
            )
        forget_page_tree()  # as publishing them would: the directory's counts are kept until then

    def count_cold(path):
        cache.clear()  # renditions and choice lists come from the database again
        return count_queries(client, path)

    add_groups(0, 30)
    client.get("/en/groups/")  # make the renditions once
    client.get("/en/groups/?topic=food&area=rhos&page=2")
    at_30 = count_cold("/en/groups/")
    filtered_at_30 = count_cold("/en/groups/?topic=food&area=rhos&page=2")
    add_groups(30, 300)
    client.get("/en/groups/")
    client.get("/en/groups/?topic=food&area=rhos&page=2")
    assert count_cold("/en/groups/") == at_30
    assert count_cold("/en/groups/?topic=food&area=rhos&page=2") == filtered_at_30
    # Warm (the usual state: choice lists and renditions cached) each stays under budget.
    assert count_queries(client, "/en/groups/") < 15
    assert count_queries(client, "/en/groups/?topic=food&area=rhos&page=2") < 15


def test_group_page_query_count(client, make_group, topics, areas, locales):
    group = make_group("Busy Group", topics=list(topics.values()), area=areas["rhos"])
    group.save_revision().publish()
    translation = group.copy_for_translation(locales["cy"])
    translation.save_revision().publish()
    for path in ("/en/groups/busy-group/", "/cy/grwpiau/busy-group/"):
        for _warm_up in range(
            2
        ):  # per-process caches, and other apps' sections fill theirs over two requests
            client.get(path)
        assert count_queries(client, path) < 15, path


def test_the_kept_group_page_follows_the_date_and_a_publish_and_reads_no_topics(
    client, make_group, topics, settings, now
):
    """The listing's own part is kept per page-tree version and day: its review notice appears
    the day it falls due, with nothing published; a kept copy reads no topics."""
    group = make_group("Gresford Library", summary="Books.", topics=[topics["food"]])
    group.last_reviewed = timezone.localdate()
    group.save_revision().publish()
    assert not parse(client.get(group.url)).select(".notice--warning")
    with CaptureQueriesContext(connection) as queries:
        kept = parse(client.get(group.url))
    assert "Books." in kept.select_one(".lead").get_text()
    assert kept.select_one(".topic-list").get_text(strip=True) == "Food"
    assert not any("search_topic" in query["sql"] for query in queries)
    now.return_value += timedelta(days=settings.REVIEW_INTERVAL_DAYS + 1)
    assert "last checked" in parse(client.get(group.url)).select_one(".notice--warning").get_text()
    group.summary = "Books and coffee."
    group.save_revision().publish()
    assert "Books and coffee." in parse(client.get(group.url)).select_one(".lead").get_text()
