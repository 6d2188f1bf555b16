"""The map: Leaflet served as our own static files, tiles from a setting, CSP widened for them only."""

import json

import pytest
from django.conf import settings
from django.test import Client

from portal.settings.base import tile_origin
from tests.helpers import parse

from .conftest import GRESFORD, LLAY

pytestmark = pytest.mark.django_db
LEAFLET = settings.BASE_DIR / "static" / "vendor" / "leaflet"


def test_leaflet_is_vendored_at_the_pinned_version_with_its_licence():
    pinned = json.loads((settings.BASE_DIR / "package.json").read_text())["devDependencies"]["leaflet"]
    locked = json.loads((settings.BASE_DIR / "package-lock.json").read_text())["packages"][
        "node_modules/leaflet"
    ]
    assert locked["version"] == pinned
    assert locked["integrity"].startswith("sha512-")  # npm ci checks the registry's tarball against it
    assert (LEAFLET / "VERSION").read_text().startswith(f"leaflet {pinned} from the npm registry")
    assert "BSD" in (LEAFLET / "LICENSE").read_text() or "Redistribution" in (LEAFLET / "LICENSE").read_text()
    assert f"Leaflet {pinned}" in (LEAFLET / "leaflet.js").read_text()[:300]
    assert "sourceMappingURL" not in (LEAFLET / "leaflet.js").read_text()


def test_the_listing_marks_each_result_with_a_place_for_the_map(make_group, postcodes):
    make_group("Gresford Library", latitude=GRESFORD[0], longitude=GRESFORD[1])
    make_group("Llay Juniors", latitude=LLAY[0], longitude=LLAY[1])
    make_group("Nowhere Club")
    make_group("Llyfrgell Gresffordd", language="cy", latitude=GRESFORD[0], longitude=GRESFORD[1])
    soup = parse(Client().get("/en/groups/"))
    map_element = soup.select_one(".listing-results[data-map-scope] [data-map]")
    assert not map_element.has_attr("hidden")  # laid out before the script draws it (no jump)
    assert map_element["data-tile-url"] == "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    assert map_element.select_one("[data-map-canvas]")["aria-hidden"] == "true"
    assert "OpenStreetMap contributors" in map_element.select_one(".map__attribution").get_text()
    welsh = parse(Client().get("/cy/grwpiau/")).select_one(".map__attribution").get_text()
    assert "© cyfranwyr OpenStreetMap" in welsh and "contributors" not in welsh  # no English on a Welsh page
    points = [
        (item.select_one("a").get_text(), item["data-latitude"]) for item in soup.select("[data-map-point]")
    ]
    assert points == [("Gresford Library", "53.086800"), ("Llay Juniors", "53.093500")]
    scripts = [script["src"] for script in soup.select("script[src]")]
    assert "/static/vendor/leaflet/leaflet.js" in scripts and "/static/js/map.js" in scripts
    assert not [src for src in scripts if src.startswith("http")]  # never from a CDN


def test_welsh_listing_has_the_map_in_welsh(make_group):
    make_group("Llyfrgell Gresffordd", language="cy", latitude=GRESFORD[0], longitude=GRESFORD[1])
    soup = parse(Client().get("/cy/grwpiau/"))
    assert soup.select_one(".map__attribution").get_text().startswith("Data'r map")
    assert soup.select_one("[data-map-point]")["data-longitude"] == "-2.966800"


def test_a_group_page_has_a_small_map_of_its_place(make_group):
    make_group("Gresford Library", latitude=GRESFORD[0], longitude=GRESFORD[1])
    make_group("Nowhere Club")
    soup = parse(Client().get("/en/groups/gresford-library/"))
    small = soup.select_one(".map--small[data-map]")
    assert (small["data-latitude"], small["data-longitude"], small["data-title"]) == (
        "53.086800",
        "-2.966800",
        "Gresford Library",
    )
    assert not parse(Client().get("/en/groups/nowhere-club/")).select("[data-map]")


def test_the_content_security_policy_allows_the_tile_host_only():
    policy = Client().get("/en/").headers["Content-Security-Policy"]
    img_src = next(part for part in policy.split(";") if part.strip().startswith("img-src")).split()[1:]
    assert img_src == ["'self'", "data:", "https://tile.openstreetmap.org"]
    assert "openstreetmap" not in policy.replace(next(p for p in policy.split(";") if "img-src" in p), "")
    assert tile_origin("https://{s}.tiles.example.gov.uk/{z}/{x}/{y}.png") == "https://*.tiles.example.gov.uk"
