"""Every endpoint answers HSDS 3.0 JSON that validates against openreferral/schemas."""

import uuid

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from directory.models import GroupPage
from openreferral.ids import TAXONOMY_ID, part_id, topic_term_id
from openreferral.params import accepted_languages
from places.importing import refresh_outward_centroids
from places.models import Postcode, PostcodeImport

from .conftest import API, validate

pytestmark = pytest.mark.django_db


@pytest.fixture
def group(make_service, topics, areas):
    return make_service(
        "Gresford Library Friends",
        topics=[topics["volunteering"], topics["food"]],
        area=areas["gresford"],
        welsh_title="Cyfeillion Llyfrgell Gresffordd",
    )


def test_root_names_version_profile_and_openapi(api):
    data = api("/")
    validate("root.json", data)
    assert data["version"] == "3.0"
    assert data["profile"] == "https://docs.openreferraluk.org/en/latest/"
    # The UK profile's own document: its /service_at_locations/{id} is what the answers follow.
    assert data["openapi_url"] == (
        "https://raw.githubusercontent.com/OpenReferralUK/uk-profile/main/schema/openapi.json"
    )


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_root_declares_the_open_government_licence_with_its_other_language(api, lang):
    licence = api(f"/?lang={lang}")["licence"]
    english, welsh = (
        (licence, licence["other_language"]) if lang == "en" else (licence["other_language"], licence)
    )
    assert english["name"] == "Open Government Licence v3.0"
    assert english["url"] == "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
    assert english["attribution"].startswith("Contains public sector information licensed under the Open")
    assert (
        welsh["url"] == "https://www.nationalarchives.gov.uk/doc/open-government-licence-cymraeg/version/3/"
    )
    assert welsh["name"] == "Trwydded Llywodraeth Agored v3.0"


@pytest.mark.parametrize("lang", ["en", "cy"])
@pytest.mark.parametrize(
    "path, schema",
    [
        ("/services", "service_list.json"),
        ("/services?full=true", "service_list.json"),
        ("/service_at_locations", "service_at_location_list.json"),
        ("/service_at_locations?full=true", "service_at_location_list.json"),
        ("/organizations", "organization_list.json"),
        ("/organizations?full=true", "organization_list.json"),
        ("/taxonomies", "taxonomy_list.json"),
        ("/taxonomy_terms", "taxonomy_term_list.json"),
    ],
)
def test_lists_validate(api, group, path, schema, lang):
    separator = "&" if "?" in path else "?"
    data = api(f"{path}{separator}lang={lang}")
    validate(schema, data)
    assert data["size"] >= 1


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_details_validate(api, group, topics, lang):
    key = group.translation_key
    service = api(f"/services/{key}?lang={lang}")
    validate("service.json", service)
    # The UK profile answers /service_at_locations/{id} with the service (compiled/service.json:
    # name and status required), holding the one service_at_location asked for.
    wanted = part_id(key, "service_at_location")
    service_at_location = api(f"/service_at_locations/{wanted}?lang={lang}")
    validate("service.json", service_at_location)
    assert service_at_location["name"] and service_at_location["status"] == "active"
    assert [place["id"] for place in service_at_location["service_at_locations"]] == [wanted]
    organization = api(f"/organizations/{part_id(key, 'organization')}?lang={lang}")
    validate("organization.json", organization)
    assert [service["id"] for service in organization["services"]] == [str(key)]
    validate("taxonomy.json", api(f"/taxonomies/{TAXONOMY_ID}?lang={lang}"))
    validate("taxonomy_term.json", api(f"/taxonomy_terms/{topic_term_id(topics['food'].pk)}?lang={lang}"))


def test_a_listing_with_only_a_title_still_validates(api, make_group):
    group = make_group("Bare Group", summary="")
    service = api(f"/services/{group.translation_key}")
    validate("service.json", service)
    assert service["service_at_locations"] == []
    assert "phones" not in service and "schedules" not in service and "email" not in service
    assert api("/service_at_locations")["total_items"] == 0


def test_only_live_public_english_listings_are_services(api, make_service, make_group, locales):
    live = make_service("Live Group")
    draft = make_group("Draft Group", live=False)
    withdrawn = make_service("Withdrawn Group")
    withdrawn.unpublish()
    private = make_service("Private Group")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    make_group("Grŵp Cymraeg yn unig", language="cy")  # no English listing: not a service

    listed = {service["name"] for service in api("/services")["contents"]}
    assert listed == {"Live Group"}
    at_locations = {entry["service"]["name"] for entry in api("/service_at_locations")["contents"]}
    assert at_locations == {"Live Group"}
    api(f"/services/{live.translation_key}")
    for hidden in (draft, withdrawn, private):
        api(f"/services/{hidden.translation_key}", expect=404)
        api(f"/service_at_locations/{part_id(hidden.translation_key, 'service_at_location')}", expect=404)


def test_draft_welsh_translation_falls_back_to_english_words(api, make_service, locales):
    group = make_service("Chirk Choir")
    welsh = group.copy_for_translation(locales["cy"])
    welsh.title = "Côr y Waun (drafft)"
    welsh.save_revision()  # never published
    service = api(f"/services/{group.translation_key}?lang=cy")
    assert service["name"] == "Chirk Choir"
    assert service["url"].endswith("/en/groups/chirk-choir/")
    assert service["languages"][0]["name"] == "Cymraeg"  # interface words are still Welsh


def test_taxonomies_list_one_taxonomy_whose_terms_are_the_topics(api, topics):
    taxonomies = api("/taxonomies")
    assert taxonomies["total_items"] == 1
    taxonomy = taxonomies["contents"][0]
    assert taxonomy["id"] == str(TAXONOMY_ID)
    assert taxonomy["name"] == "Together in Wrexham topics"
    assert taxonomy["uri"].endswith("/en/topics/")
    assert api(f"/taxonomies/{TAXONOMY_ID}?lang=cy")["name"] == "Pynciau Gyda'n Gilydd yn Wrecsam"

    terms = api("/taxonomy_terms")["contents"]
    assert [term["name"] for term in terms] == ["Food", "Volunteering"]
    food = terms[0]
    assert food == {
        "id": topic_term_id(topics["food"].pk),
        "code": "food",
        "name": "Food",
        "description": "Food",
        "taxonomy": "Together in Wrexham topics",
        "taxonomy_id": str(TAXONOMY_ID),
        "language": "en",
        "term_uri": "http://localhost/en/topics/food/",
    }
    welsh = api(f"/taxonomy_terms/{food['id']}?lang=cy")
    assert (welsh["id"], welsh["code"], welsh["name"], welsh["term_uri"]) == (
        food["id"], "food", "Bwyd", "http://localhost/cy/pynciau/bwyd/"
    )  # fmt: skip
    assert api(f"/taxonomy_terms?taxonomy_id={TAXONOMY_ID}")["total_items"] == 2
    assert api(f"/taxonomy_terms?taxonomy_id={uuid.uuid4()}")["total_items"] == 0


@pytest.mark.parametrize(
    "path",
    [
        "/services/{uuid}",
        "/services/not-an-id",
        "/service_at_locations/{uuid}",
        "/service_at_locations/not-an-id",
        "/taxonomies/{uuid}",
        "/taxonomies/42",
        "/taxonomy_terms/{uuid}",
        "/taxonomy_terms/food",
        "/organizations/{uuid}",
        "/organizations/42",
        "/no/such/thing",
    ],
)
def test_unknown_ids_and_paths_are_json_404s(api, group, path):
    data = api(path.format(uuid=uuid.uuid4()), expect=404)
    assert data["error"]


def test_a_service_id_is_not_a_service_at_location_id(api, group):
    """Each kind of record has its own ids (uuid5 of the listing key and the kind)."""
    api(f"/service_at_locations/{group.translation_key}", expect=404)
    api(f"/services/{part_id(group.translation_key, 'service_at_location')}", expect=404)


def test_cors_on_every_answer_and_preflight(client, api, group):
    api("/services")
    api("/services?page=0", expect=400)
    api(f"/services/{uuid.uuid4()}", expect=404)
    preflight = client.options("/api/openreferral/services")
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert "GET" in preflight["Access-Control-Allow-Methods"]


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize("path", ["/", "/services", "/services/{uuid}", "/taxonomy_terms/", "/no-such-thing"])
def test_read_only_without_passing_through_csrf(method, path):
    """Unsafe methods get the documented JSON 405, as a cross-site client would see it: CSRF
    checks on (as in production), no cookie, no token. The API takes no session and changes
    nothing, so there is nothing for CSRF to protect; a 403 HTML page would break clients."""
    client = Client(enforce_csrf_checks=True)
    response = getattr(client, method)(
        API + path.format(uuid=uuid.uuid4()), "{}", content_type="application/json"
    )
    assert response.status_code == 405, response.content[:300]
    assert response["Content-Type"] == "application/json"
    assert response["Allow"] == "GET, HEAD, OPTIONS"
    assert response["Access-Control-Allow-Origin"] == "*"
    validate("error.json", response.json())


def test_read_only_answer_speaks_welsh_when_asked():
    client = Client(enforce_csrf_checks=True)
    response = client.post(API + "/services", {}, headers={"Accept-Language": "cy"})
    assert response.status_code == 405
    assert response.json()["error"] == "Darllen yn unig yw'r API hwn: defnyddiwch GET."


def test_paths_work_with_or_without_a_trailing_slash(api, group):
    assert api("/services/")["total_items"] == api("/services")["total_items"] == 1
    assert api(f"/services/{group.translation_key}/")["id"] == str(group.translation_key)


def feed_text(api, group):
    text = str(api(f"/services/{group.translation_key}")) + str(api("/services?full=true"))
    text += str(api("/service_at_locations?full=true")) + str(api("/organizations?full=true"))
    return text + str(api(f"/organizations/{part_id(group.translation_key, 'organization')}"))


def test_every_group_field_is_published_nowhere_but_where_expected(api, make_service):
    """No editor's or suggester's e-mail leaks, nor the group's own address (often a
    volunteer's personal one) unless the listing says the group publishes it."""
    group = make_service("Careful Group", email="public@group.example", show_email=False)
    GroupPage.objects.filter(pk=group.pk).update(owner=None)
    group.suggestions.create(submitter_email="private.person@example.com", language="en")
    text = feed_text(api, group)
    assert "private.person@example.com" not in text
    assert "public@group.example" not in text


def test_an_e_mail_the_listing_publishes_is_in_the_feed(api, make_service):
    """The listing's "Show our e-mail address on the page" choice (openreferral.hsds.published_email)."""
    group = make_service("Open Group", email="public@group.example", show_email=True)
    assert "public@group.example" in feed_text(api, group)


@pytest.mark.parametrize("name", ["minimum_age", "maximum_age", "day"])
@pytest.mark.parametrize("path", ["/services", "/service_at_locations", "/organizations"])
def test_unsupported_uk_filters_are_refused_by_name(api, group, name, path):
    data = api(f"{path}?{name}=5", expect=400)
    assert name in data["error"]


@pytest.mark.parametrize(
    "query",
    ["page=x&page=1", "page=1&page=x", "per_page=1000&per_page=10", "lang=xx&lang=en", "taxonomy_id=no&taxonomy_id=",
     "modified_after=soon&modified_after=2024-01-01"],
)  # fmt: skip
def test_a_repeated_parameter_never_lets_a_bad_value_pass(api, group, query):
    assert query.split("=")[0] in api(f"/services?{query}", expect=400)["error"]


def test_detail_queries(client, group):
    """A service (or service at location) costs a handful of queries, Welsh included."""
    paths = [
        f"/api/openreferral/services/{group.translation_key}?lang=cy",
        f"/api/openreferral/service_at_locations/{part_id(group.translation_key, 'service_at_location')}?lang=cy",
        f"/api/openreferral/organizations/{part_id(group.translation_key, 'organization')}?lang=cy",
    ]
    for path in paths:
        client.get(path)  # warm the per-process caches
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        assert len(queries) <= 5, path


def test_accept_language_is_read_by_quality_and_q_0_refuses_a_language():
    assert accepted_languages("fr, cy-GB;q=0.8, en;q=0.9") == ["fr", "en", "cy-GB"]
    assert accepted_languages("cy;q=0, en") == ["en"]
    assert accepted_languages("cy;q=nonsense, ,en") == ["en"]


@pytest.fixture
def near_and_far(make_service):
    Postcode.objects.create(postcode="LL12 8NU", outward_code="LL12", latitude=53.087, longitude=-2.966)
    refresh_outward_centroids()  # "LL12" alone, as import_postcodes leaves it
    far = make_service("Far Group", latitude="53.300000", longitude="-3.400000")  # about 23 miles away
    near = make_service("Zed Near Group", latitude="53.090000", longitude="-2.970000")
    return near, far


@pytest.mark.parametrize("path", ["/services", "/service_at_locations"])
def test_postcode_and_proximity_find_services_nearest_first(api, near_and_far, path):
    near, far = near_and_far
    names = lambda data: [entry.get("name") or entry["service"]["name"] for entry in data["contents"]]  # noqa: E731
    assert names(api(f"{path}?postcode=ll128nu&proximity=5000")) == [near.title]
    assert names(api(f"{path}?postcode=LL12%208NU&proximity=60000")) == [near.title, far.title]
    assert names(api(f"{path}?postcode=LL12")) == [near.title]  # an outward code alone; 10 miles


@pytest.mark.parametrize(
    "lang, opening",
    [("en", "Contains OS data © Crown copyright and database right 2026."),
     ("cy", "Yn cynnwys data'r Arolwg Ordnans © Hawlfraint y Goron a hawl cronfa ddata 2026.")],
)  # fmt: skip
def test_an_answer_near_a_postcode_credits_the_postcode_data(api, near_and_far, lang, opening):
    PostcodeImport.objects.create(file_name="ONSPD_FEB_2026_UK.csv", year=2026, postcodes=1)
    near = api(f"/services?postcode=LL12&lang={lang}")
    assert near["postcode_data_attribution"].startswith(opening)
    assert "postcode_data_attribution" not in api(f"/services?lang={lang}")  # no distances, no credit


@pytest.mark.parametrize(
    "query, named",
    [("postcode=XX99", "postcode"), ("postcode=not-a-postcode", "postcode"), ("proximity=5000", "proximity"),
     ("postcode=LL12%208NU&proximity=far", "proximity"), ("postcode=LL12%208NU&proximity=0", "proximity")],
)  # fmt: skip
def test_a_bad_postcode_or_proximity_is_refused_by_name(api, near_and_far, query, named):
    assert named in api(f"/services?{query}", expect=400)["error"]


@pytest.mark.parametrize(
    "path, welsh",
    [("/services/00000000-0000-0000-0000-000000000000", "Does dim gwasanaeth gyda'r id hwnnw."),
     ("/organizations/00000000-0000-0000-0000-000000000000", "Does dim sefydliad gyda'r id hwnnw."),
     ("/taxonomy_terms/00000000-0000-0000-0000-000000000000", "Does dim term tacsonomeg gyda'r id hwnnw.")],
)  # fmt: skip
def test_a_welsh_not_found_names_the_thing_in_welsh(api, group, path, welsh):
    assert api(f"{path}?lang=cy", expect=404)["error"] == welsh
