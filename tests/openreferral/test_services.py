"""What /services and /service_at_locations publish: the group's data, in its language, filtered."""

import uuid
from datetime import UTC, date, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from directory.models import GroupPage
from openreferral.ids import TAXONOMY_ID, part_id, topic_term_id

from .conftest import API, validate

pytestmark = pytest.mark.django_db


def names(data):
    return [entry["name"] for entry in data["contents"]]


# --- the data ------------------------------------------------------------------------------


def test_service_detail_matches_the_group_page(api, make_service, topics, areas):
    group = make_service(
        "Gresford Library Friends",
        topics=[topics["volunteering"]],
        area=areas["gresford"],
        last_reviewed=date(2025, 3, 1),
        group_language="cy",
    )
    key = str(group.translation_key)
    service = api(f"/services/{key}")

    def part(name):
        return part_id(key, name)

    assert service["id"] == key
    assert service["organization_id"] == part("organization")
    assert service["name"] == "Gresford Library Friends"
    assert service["description"] == "About Gresford Library Friends"
    assert service["url"] == "http://localhost/en/groups/gresford-library-friends/"
    assert service["email"] == "hello@group.example"  # the listing says the group publishes it
    assert service["status"] == "active"
    assert service["application_process"] == "Just come along."
    assert service["assured_date"] == "2025-03-01"
    assert service["organization"] == {
        "id": part("organization"),
        "name": "Gresford Library Friends",
        "description": "About Gresford Library Friends",
        "email": "hello@group.example",
        "website": "https://group.example/",
    }
    assert service["phones"] == [{"id": part("phone"), "service_id": key, "number": "01978 123456"}]
    assert service["schedules"] == [
        {"id": part("schedule"), "service_id": key, "description": "Tuesdays 10am to 4pm"}
    ]
    assert service["languages"] == [
        {"id": part("language/cy"), "service_id": key, "name": "Welsh", "code": "cy", "note": "Welsh only"}
    ]
    [attribute] = service["attributes"]
    assert attribute["link_id"] == key and attribute["link_entity"] == "service"
    assert (
        attribute["taxonomy_term_id"]
        == attribute["taxonomy_term"]["id"]
        == topic_term_id(topics["volunteering"].pk)
    )
    assert attribute["taxonomy_term"]["name"] == "Volunteering"

    [at_location] = service["service_at_locations"]
    assert at_location["id"] == part("service_at_location")
    assert at_location["service_id"] == key
    assert at_location["location_id"] == part("location")
    location = at_location["location"]
    assert (location["latitude"], location["longitude"]) == (53.087, -2.966)
    assert location["addresses"] == [
        {
            "id": part("address"),
            "location_id": part("location"),
            "address_1": "Gresford Library",
            "address_2": "High Street",  # the postcode line is in postal_code, not repeated
            "city": "Gresford",
            "state_province": "Wrexham",
            "postal_code": "LL12 8NU",
            "country": "GB",
            "address_type": "physical",
        }
    ]
    assert location["accessibility"] == [
        {
            "id": part("accessibility"),
            "location_id": part("location"),
            "description": "Step-free access and a hearing loop.",
        }
    ]


def test_bilingual_group_speaks_both_languages(api, make_service):
    group = make_service("Both Languages", group_language="bilingual")
    languages = api(f"/services/{group.translation_key}")["languages"]
    assert [(language["code"], language["name"]) for language in languages] == [
        ("cy", "Welsh"),
        ("en", "English"),
    ]


def test_service_at_location_detail_nests_location_and_service(api, make_service):
    group = make_service("Rhos Café")
    # The UK profile's shape: the service, holding the one service_at_location asked for.
    wanted = part_id(group.translation_key, "service_at_location")
    data = api(f"/service_at_locations/{wanted}")
    assert data["id"] == str(group.translation_key)
    assert data["schedules"][0]["description"] == "Tuesdays 10am to 4pm"
    [place] = data["service_at_locations"]
    assert place["id"] == wanted
    assert place["location"]["addresses"][0]["postal_code"] == "LL12 8NU"


def test_only_groups_with_a_place_are_services_at_locations(api, make_service):
    make_service("Has Postcode Only", address="", latitude=None, longitude=None)
    make_service("Has Coordinates Only", address="", postcode="")
    make_service("Nowhere", address="", postcode="", latitude=None, longitude=None)
    listed = {entry["service"]["name"] for entry in api("/service_at_locations")["contents"]}
    assert listed == {"Has Postcode Only", "Has Coordinates Only"}
    assert api("/services")["total_items"] == 3


def test_lists_hold_one_to_one_fields_unless_full(api, make_service):
    make_service("Lister")
    [entry] = api("/services")["contents"]
    assert "organization" in entry and "attributes" not in entry and "service_at_locations" not in entry
    [entry] = api("/services?full=true")["contents"]
    assert entry["service_at_locations"] and entry["languages"]
    [entry] = api("/service_at_locations")["contents"]
    assert "addresses" not in entry["location"] and "schedules" not in entry["service"]
    [entry] = api("/service_at_locations?full=1")["contents"]
    assert entry["location"]["addresses"] and entry["service"]["schedules"]


# --- Welsh ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "how", [{"HTTP_ACCEPT_LANGUAGE": "cy"}, {"HTTP_ACCEPT_LANGUAGE": "fr, cy-GB;q=0.8, en;q=0.5"}, "?lang=cy"]
)
def test_welsh_words_same_ids(api, make_service, topics, areas, how):
    group = make_service(
        "Gresford Library Friends",
        topics=[topics["food"]],
        area=areas["gresford"],
        welsh_title="Cyfeillion Llyfrgell",
    )
    query, headers = (how, {}) if isinstance(how, str) else ("", how)
    english = api(f"/services/{group.translation_key}")
    welsh = api(f"/services/{group.translation_key}{query}", **headers)
    assert welsh["name"] == "Cyfeillion Llyfrgell"
    assert welsh["description"] == "Am Cyfeillion Llyfrgell"
    assert welsh["url"] == "http://localhost/cy/grwpiau/cyfeillion-llyfrgell/"
    assert welsh["application_process"] == "Dewch draw."
    assert welsh["schedules"][0]["description"] == "Dydd Mawrth 10yb i 4yp"
    assert welsh["attributes"][0]["taxonomy_term"]["name"] == "Bwyd"
    assert [language["name"] for language in welsh["languages"]] == ["Cymraeg", "Saesneg"]
    assert welsh["languages"][0]["note"] == "Cymraeg a Saesneg"
    location = welsh["service_at_locations"][0]["location"]
    assert location["addresses"][0]["address_1"] == "Llyfrgell Gresffordd"
    assert location["addresses"][0]["city"] == "Gresffordd"
    assert location["accessibility"][0]["description"] == "Mynediad heb risiau a dolen sain."

    def ids(data):
        found = []

        def walk(value):
            if isinstance(value, dict):
                found.extend(v for k, v in value.items() if k == "id" or k.endswith("_id"))
                [walk(v) for v in value.values()]
            elif isinstance(value, list):
                [walk(v) for v in value]

        walk(data)
        return found

    assert ids(welsh) == ids(english)
    welsh_list = api(f"/services{query}", **headers)
    assert names(welsh_list) == ["Cyfeillion Llyfrgell"]
    assert welsh_list["contents"][0]["id"] == english["id"]


def test_lang_parameter_wins_over_the_header(api, make_service):
    group = make_service("Choir", welsh_title="Côr")
    assert api(f"/services/{group.translation_key}?lang=en", HTTP_ACCEPT_LANGUAGE="cy")["name"] == "Choir"
    assert api(f"/services/{group.translation_key}", HTTP_ACCEPT_LANGUAGE="fr")["name"] == "Choir"


def test_language_answers_say_so_and_are_not_cached_by_url(client, make_service, settings):
    """The page cache keys on the URL only; header-chosen Welsh must not be served as English."""
    settings.PAGE_CACHE_SECONDS = 60
    make_service("Choir", welsh_title="Côr")
    welsh = client.get(f"{API}/services", HTTP_ACCEPT_LANGUAGE="cy")
    assert welsh["Content-Language"] == "cy"
    assert "Accept-Language" in welsh["Vary"] and welsh["Cache-Control"] == "private"
    assert client.get(f"{API}/services", HTTP_ACCEPT_LANGUAGE="en").json()["contents"][0]["name"] == "Choir"
    assert client.get(f"{API}/services", HTTP_ACCEPT_LANGUAGE="cy").json()["contents"][0]["name"] == "Côr"
    by_url = client.get(f"{API}/services?lang=cy")
    assert by_url["Content-Language"] == "cy" and "private" not in by_url.get("Cache-Control", "")


# --- pagination ----------------------------------------------------------------------------


def test_pagination_fields_across_pages(api, make_group):
    for number in range(7):
        make_group(f"Group {number}")
    pages = [api(f"/services?per_page=3&page={page}") for page in (1, 2, 3)]
    for data in pages:
        validate("service_list.json", data)
    assert [(p["page_number"], p["size"], p["first_page"], p["last_page"], p["empty"]) for p in pages] == [
        (1, 3, True, False, False),
        (2, 3, False, False, False),
        (3, 1, False, True, False),
    ]
    assert {(p["total_items"], p["total_pages"]) for p in pages} == {(7, 3)}
    listed = [name for page in pages for name in names(page)]
    assert listed == [f"Group {number}" for number in range(7)]  # each once, in order
    past_the_end = api("/services?per_page=3&page=9")
    assert (
        past_the_end["size"],
        past_the_end["empty"],
        past_the_end["contents"],
        past_the_end["last_page"],
    ) == (0, True, [], True)
    assert api("/services")["size"] == 7  # a page holds up to 50 unless per_page says otherwise
    assert api("/services?per_page=100")["total_pages"] == 1


def test_the_listings_in_order_are_kept_until_a_publish(api, make_group):
    """The ordered ids of a list are kept with the page-tree facts: publishing a new listing,
    or unpublishing one, shows in the count and the pages at once."""
    for number in range(3):
        make_group(f"Group {number}").save_revision().publish()
    assert names(api("/services?per_page=2&page=2")) == ["Group 2"]
    added = make_group("Group 1a")
    added.save_revision().publish()
    first = api("/services?per_page=2")
    assert names(first) == ["Group 0", "Group 1"] and first["total_items"] == 4
    assert names(api("/services?per_page=2&page=2")) == ["Group 1a", "Group 2"]
    added.unpublish()
    assert api("/services?per_page=2")["total_items"] == 3


def test_empty_list(api, directory):
    data = api("/services")
    validate("service_list.json", data)
    assert (data["total_items"], data["total_pages"], data["page_number"], data["size"]) == (0, 1, 1, 0)
    assert data["first_page"] and data["last_page"] and data["empty"]


# --- filters -------------------------------------------------------------------------------


@pytest.fixture
def three_groups(make_service, topics):
    food = make_service("Rhos Food Bank", topics=[topics["food"]], welsh_title="Banc Bwyd Rhos")
    both = make_service(
        "Gresford Community Café",
        topics=[topics["food"], topics["volunteering"]],
        summary="Hot meals and volunteering",
    )
    volunteers = make_service("Llay Litter Pickers", topics=[topics["volunteering"]])
    return {"food": food, "both": both, "volunteers": volunteers}


@pytest.mark.parametrize("endpoint", ["/services", "/service_at_locations"])
def test_text_searches_title_and_summary_in_both_languages(api, three_groups, endpoint):
    def found(query):
        data = api(f"{endpoint}?{query}")
        return sorted(entry.get("name") or entry["service"]["name"] for entry in data["contents"])

    assert found("text=food") == ["Rhos Food Bank"]
    assert found("text=HOT%20MEALS") == ["Gresford Community Café"]  # summary, any case
    assert found("text=banc") == ["Rhos Food Bank"]  # its Welsh title
    assert found("search=litter") == ["Llay Litter Pickers"]  # the spec's name for it
    assert found("text=nothing-like-this") == []


def test_taxonomy_filters(api, three_groups, topics):
    food, volunteering = topic_term_id(topics["food"].pk), topic_term_id(topics["volunteering"].pk)
    assert sorted(names(api(f"/services?taxonomy_term_id={food}"))) == [
        "Gresford Community Café",
        "Rhos Food Bank",
    ]
    assert sorted(names(api(f"/services?taxonomy_term_id={volunteering}"))) == [
        "Gresford Community Café",
        "Llay Litter Pickers",
    ]
    assert api(f"/services?taxonomy_term_id={uuid.uuid4()}")["total_items"] == 0
    assert api(f"/services?taxonomy_id={TAXONOMY_ID}")["total_items"] == 3
    assert api(f"/services?taxonomy_id={uuid.uuid4()}")["total_items"] == 0


def test_organization_filter(api, three_groups):
    group = three_groups["both"]
    organization_id = part_id(group.translation_key, "organization")
    assert names(api(f"/services?organization_id={organization_id}")) == ["Gresford Community Café"]
    assert api(f"/service_at_locations?organization_id={organization_id}")["total_items"] == 1
    assert api(f"/services?organization_id={uuid.uuid4()}")["total_items"] == 0


def test_modified_after_compares_with_last_published_at(api, three_groups):
    now = timezone.now()
    GroupPage.objects.filter(pk=three_groups["food"].pk).update(last_published_at=now - timedelta(days=10))
    GroupPage.objects.filter(pk=three_groups["both"].pk).update(last_published_at=now - timedelta(days=3))
    GroupPage.objects.filter(pk=three_groups["volunteers"].pk).update(
        last_published_at=now - timedelta(hours=1)
    )
    # The Welsh translation of the food bank was published just now, with the English listing.
    GroupPage.objects.filter(pk=three_groups["food"].welsh.pk).update(
        last_published_at=now - timedelta(days=10)
    )

    def found(moment):
        return sorted(names(api(f"/services?modified_after={moment}")))

    five_days_ago = (now - timedelta(days=5)).astimezone(timezone.get_fixed_timezone(60))
    assert found(five_days_ago.isoformat().replace("+", "%2B")) == [
        "Gresford Community Café",
        "Llay Litter Pickers",
    ]
    assert found(five_days_ago.isoformat()) == [
        "Gresford Community Café",
        "Llay Litter Pickers",
    ]  # unencoded "+"
    assert found((now - timedelta(days=2)).strftime("%Y-%m-%dT%H:%M:%SZ")) == ["Llay Litter Pickers"]
    assert len(found((now - timedelta(days=30)).date().isoformat())) == 3
    assert found((now + timedelta(days=1)).isoformat().replace("+", "%2B")) == []
    # Publishing the Welsh translation changes the service too.
    GroupPage.objects.filter(pk=three_groups["food"].welsh.pk).update(last_published_at=now)
    assert "Rhos Food Bank" in found((now - timedelta(days=2)).strftime("%Y-%m-%dT%H:%M:%S"))


def test_filters_combine_with_and(api, three_groups, topics):
    food = topic_term_id(topics["food"].pk)
    organization_id = part_id(three_groups["food"].translation_key, "organization")
    assert sorted(names(api(f"/services?taxonomy_term_id={food}&text=rhos"))) == ["Rhos Food Bank"]
    assert names(api(f"/services?taxonomy_term_id={food}&text=litter")) == []
    assert names(api(f"/services?taxonomy_term_id={food}&organization_id={organization_id}&text=bank")) == [
        "Rhos Food Bank"
    ]
    old = (timezone.now() - timedelta(days=1)).isoformat().replace("+", "%2B")
    second = api(f"/services?taxonomy_term_id={food}&modified_after={old}&per_page=1&page=2")
    assert names(second) == ["Rhos Food Bank"]  # in order of English name
    data = api(f"/services?taxonomy_term_id={food}&modified_after={old}&per_page=1")
    assert (data["total_items"], data["total_pages"]) == (2, 2)


# --- bad requests --------------------------------------------------------------------------


@pytest.mark.parametrize("endpoint", ["/services", "/service_at_locations", "/taxonomies", "/taxonomy_terms"])
@pytest.mark.parametrize(
    "query",
    [
        "page=abc",
        "page=0",
        "page=-2",
        "page=1.5",
        "page=" + "9" * 5000,
        "per_page=-1",
        "per_page=0",
        "per_page=100000",
        "per_page=101",
        "lang=fr",
        "format=ndjson",
    ],
)
def test_bad_parameters_are_400_json(api, endpoint, query):
    assert api(f"{endpoint}?{query}", expect=400)["error"]


@pytest.mark.parametrize("endpoint", ["/services", "/service_at_locations"])
@pytest.mark.parametrize(
    "query",
    [
        "modified_after=not-a-date",
        "modified_after=2024-13-45",
        "modified_after=2024-02-30T10:00:00",
        "taxonomy_term_id=not-a-uuid",
        "taxonomy_id=123",
        "organization_id=xyz",
        "full=maybe",
        "text=" + "x" * 201,
        "search=a%00b",
    ],
)
def test_bad_filters_are_400_json(api, endpoint, query):
    assert api(f"{endpoint}?{query}", expect=400)["error"]


def test_a_huge_page_number_is_an_empty_page_not_an_error(api, make_group):
    make_group("Only Group")
    data = api("/services?page=" + "9" * 30)
    assert data["contents"] == [] and data["total_items"] == 1


# --- queries -------------------------------------------------------------------------------


LISTS = [
    "/services",
    "/services?full=true",
    "/services?full=true&lang=cy",
    "/service_at_locations?full=true&lang=cy",
    "/services?per_page=100&lang=cy&text=group&taxonomy_term_id={food}&modified_after=2000-01-01",
]


def test_list_queries_do_not_grow_with_the_number_of_groups(client, make_group, topics, areas):
    food = topic_term_id(topics["food"].pk)

    def add_groups(start, end):
        for number in range(start, end):
            group = make_group(
                f"Group {number:03d}",
                topics=[topics["food"], topics["volunteering"]],
                area=areas["rhos"],
                postcode="LL14 1AA",
                meeting_times="Mondays",
            )
            GroupPage.objects.filter(pk=group.pk).update(last_published_at=datetime(2024, 1, 1, tzinfo=UTC))
            make_group(f"Grŵp {number:03d}", language="cy", translation_key=group.translation_key)

    def count(path):
        client.get(path)  # warm the per-process caches (site root paths, topic lists)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        assert response.status_code == 200, response.content[:300]
        first = response.json()["contents"][0]
        name = first.get("name") or first["service"]["name"]
        assert name.startswith("Grŵp" if "lang=cy" in path else "Group")  # the Welsh words were fetched
        return len(queries)

    paths = [API + path.format(food=food) for path in LISTS]
    add_groups(0, 30)
    at_30 = [count(path) for path in paths]
    add_groups(30, 300)
    at_300 = [count(path) for path in paths]
    print("queries at 30 and 300 groups:", dict(zip(LISTS, zip(at_30, at_300, strict=True), strict=True)))
    assert at_30 == at_300
    assert max(at_300) < 15


@pytest.mark.parametrize(
    ("path", "headers", "status", "expected"),
    [
        ("/services?page=0", {}, 400, "page must be 1 or more."),
        ("/services?page=0&lang=cy", {}, 400, "Rhaid i page fod yn 1 neu fwy."),
        ("/services?page=0", {"HTTP_ACCEPT_LANGUAGE": "cy"}, 400, "Rhaid i page fod yn 1 neu fwy."),
        (
            "/services?lang=fr",
            {"HTTP_ACCEPT_LANGUAGE": "cy,en;q=0.5"},
            400,
            "Rhaid i lang fod yn 'en' neu 'cy'.",
        ),
        ("/services/not-a-uuid?lang=cy", {}, 404, "Does dim gwasanaeth gyda'r id hwnnw."),
        ("/nowhere?lang=cy", {}, 404, "Does dim pwynt terfyn o'r fath."),
    ],
)
def test_errors_speak_the_language_asked_for(api, directory, path, headers, status, expected):
    assert api(path, expect=status, **headers)["error"] == expected
