"""Volunteering opportunities: the listing, its filters, the page, JSON-LD, search, topics, sections."""

import json
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.test.utils import WagtailPageTestCase

from directory.models import Area
from events.models import Venue
from home.models import HomePage
from home.page_cache import forget_page_tree
from search.models import Topic
from tests.helpers import parse, uploaded_image
from tests.home.test_public_visibility import restrict
from volunteering.models import OpportunityPage, VolunteeringIndexPage

pytestmark = pytest.mark.django_db


def listed(soup):
    return [link.get_text() for link in soup.select(".opportunity-card .card__title a")]


def json_ld(soup, kind):
    for script in soup.select('script[type="application/ld+json"]'):
        data = json.loads(script.string)
        if data.get("@type") == kind:
            return data
    return None


@pytest.fixture
def topics(db):
    return {
        "food": Topic.objects.create(name="Food", slug="food", name_cy="Bwyd", slug_cy="bwyd"),
        "sport": Topic.objects.create(name="Sport", slug="sport", name_cy="Chwaraeon", slug_cy="chwaraeon"),
    }


@pytest.fixture
def areas(db):
    return {
        "rhos": Area.objects.create(name="Rhos", slug="rhos", name_cy="Rhos", slug_cy="rhos"),
        "chirk": Area.objects.create(name="Chirk", slug="chirk", name_cy="Y Waun", slug_cy="y-waun"),
    }


def test_the_listing_shows_open_opportunities_only_in_both_languages(
    client, make_opportunity, locales, translate
):
    today = timezone.localdate()
    desk = make_opportunity("Library desk volunteer", closing_date=today)
    translate(desk, locales, "Gwirfoddolwr desg y llyfrgell", "gwirfoddolwr-desg")
    make_opportunity("Closed yesterday", closing_date=today - timedelta(days=1))
    make_opportunity("Marked closed", is_closed=True)
    soup = parse(client.get("/en/volunteer/"))
    assert listed(soup) == ["Library desk volunteer"]
    assert soup.select_one(".result-count").get_text().strip() == "1 way to help"
    assert soup.select_one(".opportunity-card__group").get_text() == "Gresford Library"
    welsh = parse(client.get("/cy/gwirfoddoli/"))
    assert listed(welsh) == ["Gwirfoddolwr desg y llyfrgell"]
    assert (
        welsh.select_one(".opportunity-card__group").get_text() == "Llyfrgell Gresffordd"
    )  # the group's Welsh name
    assert "1 ffordd o helpu" in welsh.select_one(".result-count").get_text()


def test_filters_combine_and_survive_in_the_url(client, make_opportunity, topics, areas):
    make_opportunity(
        "Match", topics=[topics["food"]], area=areas["rhos"], commitment="regular", pattern="Tuesdays",
        evenings=True, suits_families=True, welsh_needed=True, from_home=True,
    )  # fmt: skip
    make_opportunity("Wrong topic", topics=[topics["sport"]], area=areas["rhos"], commitment="regular", pattern="x",
                     evenings=True, suits_families=True, welsh_needed=True, from_home=True)  # fmt: skip
    make_opportunity("Wrong area", topics=[topics["food"]], area=areas["chirk"], commitment="regular", pattern="x",
                     evenings=True, suits_families=True, welsh_needed=True, from_home=True)  # fmt: skip
    make_opportunity("Not from home", topics=[topics["food"]], area=areas["rhos"], commitment="regular", pattern="x",
                     evenings=True, suits_families=True, welsh_needed=True)  # fmt: skip
    make_opportunity("Weekends", topics=[topics["food"]], area=areas["rhos"], commitment="regular", pattern="x",
                     weekends=True, suits_families=True, welsh_needed=True, from_home=True)  # fmt: skip
    query = "topic=food&area=rhos&commitment=regular&time=evenings&suits=families&welsh=speakers&from_home=on"
    soup = parse(client.get(f"/en/volunteer/?{query}"))
    assert listed(soup) == ["Match"]
    form = soup.select_one("form.filters")
    assert form["method"] == "get"
    assert form.select_one('select[name="topic"] option[selected]')["value"] == "food"
    assert form.select_one('select[name="time"] option[selected]')["value"] == "evenings"
    assert form.select_one('input[name="from_home"]').has_attr("checked")
    assert soup.find("a", string="Clear filters")["href"] == "/en/volunteer/"
    assert len(listed(parse(client.get("/en/volunteer/?welsh=learners")))) == 0
    assert len(listed(parse(client.get("/en/volunteer/?time=weekends&commitment=regular")))) == 1


def test_welsh_filters_use_welsh_slugs(client, make_opportunity, topics, areas, locales, translate):
    english = make_opportunity("Coach", topics=[topics["sport"]], area=areas["chirk"])
    translate(english, locales, "Hyfforddwr", "hyfforddwr")
    assert listed(parse(client.get("/cy/gwirfoddoli/?topic=chwaraeon&area=y-waun"))) == ["Hyfforddwr"]


@pytest.mark.parametrize("query", ["topic=nope", "area=nowhere", "commitment=sometimes", "time=noon", "suits=cats",
                                   "welsh=klingon", "from_home=maybe", "page=abc", "page=-1", "page=99999999999"])  # fmt: skip
def test_bad_values_give_a_normal_page(client, make_opportunity, query):
    make_opportunity("Anything", from_home=True)
    assert len(listed(parse(client.get(f"/en/volunteer/?{query}")))) == 1, query


def test_pagination_keeps_the_filters(client, make_opportunity):
    for number in range(25):
        make_opportunity(f"Helper {number:02d}", from_home=True)
    make_opportunity("At the hall")
    first = parse(client.get("/en/volunteer/?from_home=on"))
    assert len(listed(first)) == 20
    next_link = first.select_one(".pagination__next a")["href"]
    assert "from_home=on" in next_link and "page=2" in next_link
    assert len(listed(parse(client.get("/en/volunteer/" + next_link)))) == 5


def count_queries(client, path):
    for _warm_up in range(2):  # per-process caches (site root paths, choices) fill first
        assert client.get(path).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def test_queries_stay_flat_from_30_to_300_opportunities(
    client, make_opportunity, topics, areas, groups, settings
):
    venue = Venue.objects.create(name="The Stiwt", name_cy="Y Stiwt", area=areas["rhos"])

    def add(start, end):
        for number in range(start, end):
            make_opportunity(
                f"Helper {number:03d}", topics=[topics["food"]], venue=venue, from_home=bool(number % 2),
                group=groups["cafe" if number % 3 else "library"]["en"], evenings=True,
            )  # fmt: skip

    paths = ["/en/volunteer/", "/en/volunteer/?topic=food&area=rhos&from_home=on&time=evenings&page=2",
             "/en/volunteer/helper-001/", "/en/groups/rhos-cafe/", "/en/"]  # fmt: skip
    add(0, 30)
    at_30 = [count_queries(client, path) for path in paths]
    add(30, 300)
    assert [count_queries(client, path) for path in paths] == at_30
    assert max(at_30) <= 15, at_30


def test_the_opportunity_page_in_both_languages_with_job_posting(
    client, make_opportunity, locales, translate, areas
):
    venue = Venue.objects.create(
        name="Gresford Library", name_cy="Llyfrgell Gresffordd", address="Chester Road\nGresford",
        postcode="LL12 8NU", area=areas["rhos"],
    )  # fmt: skip
    closing = timezone.localdate() + timedelta(days=20)
    english = make_opportunity(
        "Code club helper", venue=venue, commitment="regular", pattern="Thursdays after school", hours=2,
        closing_date=closing, checks="A DBS check, paid by the library", minimum_age=16, people_wanted=3,
        suits_welsh_learners=True,
    )  # fmt: skip
    assert english.area == areas["rhos"]  # taken from the venue
    translate(english, locales, "Helpwr clwb codio", "helpwr-clwb-codio", pattern="Dydd Iau ar ôl ysgol",
              what_you_do="Helpu plant i godio")  # fmt: skip
    soup = parse(client.get("/en/volunteer/code-club-helper/"))
    assert soup.h1.get_text() == "Code club helper"
    text = soup.select_one(".summary-list").get_text(" ")
    for expected in (
        "Thursdays after school",
        "About 2 hours a week",
        "LL12 8NU",
        "A DBS check",
        "Welsh learners",
    ):
        assert expected in text
    data = json_ld(soup, "JobPosting")
    assert data["employmentType"] == "VOLUNTEER"
    assert data["validThrough"] == closing.isoformat()
    assert data["hiringOrganization"]["name"] == "Gresford Library"
    assert data["jobLocation"]["address"]["postalCode"] == "LL12 8NU"
    assert "inLanguage" not in data and "jobLocationType" not in data
    welsh = parse(client.get("/cy/gwirfoddoli/helpwr-clwb-codio/"))
    assert "Tua 2 awr yr wythnos" in welsh.select_one(".summary-list").get_text(" ")
    welsh_data = json_ld(welsh, "JobPosting")
    assert welsh_data["hiringOrganization"]["name"] == "Llyfrgell Gresffordd"
    assert welsh_data["description"] == "Helpu plant i godio"


def test_from_home_is_telecommute_and_a_closed_page_says_so(client, make_opportunity):
    make_opportunity("Phone befriender", from_home=True, is_closed=True)
    soup = parse(client.get("/en/volunteer/phone-befriender/"))
    assert json_ld(soup, "JobPosting")["jobLocationType"] == "TELECOMMUTE"
    assert "This opportunity is closed" in soup.select_one(".notice--warning").get_text()


def test_opportunities_are_found_by_search_and_on_their_topic(client, make_opportunity, topics):
    make_opportunity(
        "Litter pick leader", topics=[topics["food"]], what_you_do="Lead the monthly litter pick"
    )
    search = parse(client.get("/en/search/?q=litter&type=opportunities"))
    assert "Litter pick leader" in search.get_text()
    assert "Litter pick leader" in parse(client.get("/en/topics/food/")).get_text()


def test_the_group_page_and_the_home_page_list_open_opportunities(client, make_opportunity, groups):
    make_opportunity("Junior football coach", group=groups["cafe"]["en"])
    make_opportunity("Desk volunteer")
    make_opportunity("Closed one", group=groups["cafe"]["en"], is_closed=True)
    group = parse(client.get("/en/groups/rhos-cafe/")).select_one(".opportunity-section")
    assert group.h2.get_text() == "Volunteer with this group"
    assert [a.get_text() for a in group.select(".card__title a")] == ["Junior football coach"]
    home = parse(client.get("/en/")).select_one(".opportunity-section")
    assert home.h2.get_text() == "Ways to help this month"
    assert {a.get_text() for a in home.select(".card__title a")} == {
        "Junior football coach",
        "Desk volunteer",
    }
    assert home.find("a", string="See all ways to help")["href"] == "/en/volunteer/"


def test_the_home_page_opportunities_are_kept_until_one_is_published_or_the_day_changes(
    client, make_opportunity, groups, locales, now
):
    make_opportunity("Desk volunteer")
    make_opportunity("Closes today", closing_date=timezone.localdate(now.return_value))
    # Never listed: a private opportunity, a draft, a Welsh alias (on /cy/ only).
    restrict(make_opportunity("Private helper"), "login")
    draft = make_opportunity("Draft helper")
    OpportunityPage.objects.filter(pk=draft.pk).update(live=False)
    make_opportunity("Aliased helper").copy_for_translation(locales["cy"], alias=True)
    forget_page_tree()

    def home_titles(language="en"):
        soup = parse(client.get(f"/{language}/"))
        return [a.get_text() for a in soup.select(".opportunity-section .card__title a")]

    assert home_titles() == ["Aliased helper", "Closes today", "Desk volunteer"]
    assert home_titles("cy") == []  # the alias is no Welsh opportunity
    with CaptureQueriesContext(connection) as queries:
        assert home_titles() == ["Aliased helper", "Closes today", "Desk volunteer"]
    assert not [query for query in queries if "volunteering_opportunitypage" in query["sql"]]
    now.return_value += timedelta(days=1)  # past its closing date, nothing published
    assert home_titles() == ["Aliased helper", "Desk volunteer"]
    newer = OpportunityPage(
        title="Litter picker",
        summary="Pick",
        what_you_do="Pick",
        group=groups["cafe"]["en"],
        commitment="flexible",
        live=False,
    )
    OpportunityPage.objects.get(title="Desk volunteer").get_parent().add_child(instance=newer)
    newer.save_revision().publish()
    assert home_titles() == ["Litter picker", "Aliased helper", "Desk volunteer"]


def test_no_section_on_a_group_without_open_opportunities(client, groups, volunteering_index):
    assert parse(client.get("/en/groups/rhos-cafe/")).select_one(".opportunity-section") is None
    assert parse(client.get("/cy/")).select_one(".opportunity-section") is None


class TestAdmin(WagtailPageTestCase):
    def test_where_the_page_types_go(self):
        self.assertAllowedParentPageTypes(VolunteeringIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(OpportunityPage, {VolunteeringIndexPage})
        self.assertAllowedSubpageTypes(OpportunityPage, {})


def test_closing_an_opportunity_takes_it_off_the_group_page_at_once(client, make_opportunity, groups):
    coach = make_opportunity("Junior football coach", group=groups["cafe"]["en"])
    coach.save_revision().publish()
    assert parse(client.get("/en/groups/rhos-cafe/")).select_one(".opportunity-section") is not None
    coach.is_closed = True
    coach.save_revision().publish()
    assert parse(client.get("/en/groups/rhos-cafe/")).select_one(".opportunity-section") is None


def test_an_opportunitys_picture_is_described_in_the_pages_language(client, make_opportunity):
    picture = uploaded_image("alt-test", "Kitchen", "Volunteers in the café kitchen")
    welsh = make_opportunity("Helpwr cegin", language="cy", slug="helpwr-cegin", listing_image=picture)
    assert (
        parse(client.get(welsh.url)).select_one("img.opportunity__image")["alt"]
        == "Llun ar gyfer Helpwr cegin"
    )
