"""The directory near a postcode: within N miles, nearest first, distance shown, both languages."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.helpers import parse
from tests.home.test_public_visibility import restrict

from .conftest import CHIRK, GRESFORD, GWERSYLLT, LLAY

pytestmark = pytest.mark.django_db


def titles(soup):
    return [link.get_text() for link in soup.select(".group-card__title a")]


def distances(soup):
    return [span.get_text() for span in soup.select(".group-card .distance")]


def at(place, **fields):
    return {"latitude": place[0], "longitude": place[1], **fields}


@pytest.fixture
def groups(make_group, postcodes, locales):
    make_group("Chirk Choir", **at(CHIRK, volunteers_wanted=True))
    make_group("Llay Juniors", **at(LLAY, volunteers_wanted=True))
    make_group("Gwersyllt Food Bank", **at(GWERSYLLT, volunteers_wanted=True))
    make_group("Gresford Library", **at(GRESFORD, volunteers_wanted=True))
    make_group("Gresford Ukuleles", **at(GRESFORD))
    make_group("Nowhere Club", volunteers_wanted=True)  # no coordinates: never near anything
    restrict(make_group("Private Near", **at(GRESFORD, volunteers_wanted=True)), "login")
    draft = make_group("Draft Near", **at(GRESFORD, volunteers_wanted=True))
    type(draft).objects.filter(pk=draft.pk).update(live=False)
    make_group("Aliased Near", **at(GRESFORD, volunteers_wanted=True)).copy_for_translation(
        locales["cy"], alias=True
    )
    make_group("Llyfrgell Gresffordd", language="cy", **at(GRESFORD, volunteers_wanted=True))
    make_group("Clwb Llai", language="cy", **at(LLAY))
    make_group("Côr y Waun", language="cy", **at(CHIRK))


def test_groups_within_three_miles_that_want_volunteers_nearest_first(groups):
    soup = parse(Client().get("/en/groups/?near=ll12+0ab&within=3&volunteers=on"))
    # The English page that Welsh only aliases is public in English (and not in Welsh, below).
    assert titles(soup) == ["Gresford Library", "Aliased Near", "Llay Juniors", "Gwersyllt Food Bank"]
    assert distances(soup) == ["0.7 miles", "0.7 miles", "0.9 miles", "1.7 miles"]
    summary = soup.select_one(".near-summary").get_text()
    assert "Within 3 miles of LL12 0AB, nearest first" in summary
    assert "Listings without a location are not included" in summary
    assert soup.select_one('input[name="near"]')["value"] == "ll12 0ab"
    assert soup.select_one('select[name="within"] option[selected]')["value"] == "3"


def test_in_welsh_the_distance_is_in_milltir(groups):
    soup = parse(Client().get("/cy/grwpiau/?near=LL12+0AB&within=1"))
    assert titles(soup) == ["Llyfrgell Gresffordd", "Clwb Llai"]
    assert distances(soup) == ["0.7 milltir", "0.9 milltir"]
    assert "O fewn 1 filltir i LL12 0AB, yr agosaf yn gyntaf" in soup.select_one(".near-summary").get_text()
    ten = parse(Client().get("/cy/grwpiau/?near=LL12+0AB&within=10"))
    assert "O fewn 10 milltir i LL12 0AB" in ten.select_one(".near-summary").get_text()


def test_the_radius_is_a_circle_and_ten_miles_reaches_no_further(groups):
    within_ten = titles(parse(Client().get("/en/groups/?near=LL12+0AB&within=10")))
    assert "Chirk Choir" not in within_ten  # 10.5 miles, inside the bounding box's corner
    assert "Nowhere Club" not in within_ten
    assert len(within_ten) == 5


def test_an_outward_code_alone_searches_from_its_centre(groups):
    soup = parse(Client().get("/en/groups/?near=LL12&within=1"))
    assert titles(soup) == ["Gresford Library", "Gresford Ukuleles", "Aliased Near", "Llay Juniors"]
    assert "of LL12," in soup.select_one(".near-summary").get_text()


def test_coordinates_from_use_my_location_work_too(groups):
    soup = parse(Client().get("/en/groups/?near=53.0868,-2.9668&within=1"))
    assert titles(soup)[:2] == ["Gresford Library", "Gresford Ukuleles"]
    assert distances(soup)[:2] == ["0.0 miles", "0.0 miles"]
    assert "of your location" in soup.select_one(".near-summary").get_text()


@pytest.mark.parametrize(
    ("language", "path", "near", "message"),
    [
        ("en", "/en/groups/", "wrexham", "“wrexham” is not a postcode. Enter one such as LL11 1AY, or just LL11."),
        ("en", "/en/groups/", "ll99 9zz", "We do not know where LL99 9ZZ is. Check it, or try just LL99."),
        ("cy", "/cy/grwpiau/", "wrecsam", "Nid yw “wrecsam” yn god post. Rhowch un fel LL11 1AY, neu LL11 yn unig."),
        ("cy", "/cy/grwpiau/", "LL99 9ZZ", "Nid ydym yn gwybod ble mae LL99 9ZZ. Gwiriwch ef, neu rhowch gynnig ar LL99 yn unig."),
        ("en", "/en/groups/", "99.5,-200", "“99.5,-200” is not a postcode."),
        ("en", "/en/groups/", "40.7,-74.0", "“40.7,-74.0” is not a postcode."),
    ],
)  # fmt: skip
def test_a_bad_postcode_says_so_and_lists_everything(groups, language, path, near, message):
    response = Client().get(path, {"near": near, "within": "3"})
    assert response.status_code == 200
    soup = parse(response)
    assert message in soup.select_one("#id_near_error").get_text()
    assert soup.select_one("#id_near")["aria-invalid"] == "true"
    assert not soup.select(".distance") and not soup.select_one(".near-summary")
    assert len(titles(soup)) == (7 if language == "en" else 3)


@pytest.mark.parametrize(
    "query", ["within=7&near=LL12", "within=abc&near=LL12", "near=" + "L" * 500, "near=%00"]
)
def test_odd_values_give_a_normal_page(groups, query):
    assert Client().get(f"/en/groups/?{query}").status_code == 200


def test_near_combines_with_the_other_filters_and_paginates(make_group, postcodes, topics):
    for number in range(25):
        make_group(
            f"Group {number:02d}",
            topics=[topics["food"]],
            latitude=f"{53.08 + number / 1000:.6f}",
            longitude="-2.98",
        )
    make_group("Not Food", latitude="53.08", longitude="-2.98")
    first = parse(Client().get("/en/groups/?near=LL12+0AB&within=3&topic=food"))
    assert titles(first) == [f"Group {number:02d}" for number in range(20)]
    next_link = first.select_one('.pagination a[rel="next"]')["href"]
    assert "near=LL12" in next_link and "within=3" in next_link and "topic=food" in next_link
    second = parse(Client().get("/en/groups/" + next_link))
    assert titles(second) == [f"Group {number:02d}" for number in range(20, 25)]


def count_queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert len(parse(response).select(".distance")) == 20  # the distance filter did run
    return len(queries)


def test_queries_stay_flat_and_few(make_group, postcodes, topics):
    client = Client()
    path = "/en/groups/?near=LL12+0AB&within=5&topic=food"

    def add(start, end):
        for number in range(start, end):
            make_group(
                f"Group {number:03d}",
                topics=[topics["food"]],
                latitude=f"{53.05 + number / 10000:.6f}",
                longitude="-2.99",
            )

    add(0, 30)
    client.get(path)
    cache.clear()
    at_30 = count_queries(client, path)
    add(30, 300)
    cache.clear()
    assert count_queries(client, path) == at_30
    assert count_queries(client, path) <= 15
