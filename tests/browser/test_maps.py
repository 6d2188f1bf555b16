"""The maps in a real browser: markers match the listed results, the list stays the way in for
the keyboard, axe finds nothing at 1280 and 320 px, in both languages. Tile requests are
answered here (page.route) with a blank tile: no network."""

from io import BytesIO

import pytest
from PIL import Image

from .pages import DESKTOP, LANGUAGES, MOBILE, axe_violations, describe

pytestmark = pytest.mark.browser

NEAR = {
    "en": "/en/groups/?near=LL12+0AB&within=3&volunteers=on",
    "cy": "/cy/grwpiau/?near=LL12+0AB&within=3&volunteers=on",
}
OTHER_MAPS = {
    "en": ["/en/events/?near=LL12&within=10", "/en/volunteer/?near=LL12+0AB&within=10", "/en/groups/gresford-community-library/"],
    "cy": ["/cy/digwyddiadau/?near=LL12&within=10", "/cy/gwirfoddoli/?near=LL12+0AB&within=10", "/cy/grwpiau/llyfrgell-gymunedol-gresffordd/"],
}  # fmt: skip


def blank_tile():
    image = BytesIO()
    Image.new("RGB", (256, 256), (230, 230, 220)).save(image, "PNG")
    return image.getvalue()


TILE = blank_tile()


def open_map(open_page, url, width=DESKTOP, javascript=True):
    page = open_page(width=width, javascript=javascript)
    tiles = []

    def answer(route):
        tiles.append(route.request.url)
        route.fulfill(status=200, content_type="image/png", body=TILE)

    page.route("https://tile.openstreetmap.org/**", answer)
    page.route(
        lambda url: not url.startswith(("http://localhost", "http://127.0.0.1", "https://tile.")),
        lambda route: route.abort(),
    )
    page.goto(url)
    return page, tiles


def listed(page):
    return page.locator("[data-map-point]").evaluate_all(
        "items => items.map(item => item.querySelector('a').textContent)"
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_markers_match_the_listed_results(live_server, open_page, language):
    page, tiles = open_map(open_page, live_server.url + NEAR[language])
    titles = listed(page)
    assert len(titles) == 8  # the walk-through's groups (tests/places/test_demo_near.py)
    markers = page.locator(".leaflet-marker-icon")
    markers.first.wait_for()
    assert markers.evaluate_all("icons => icons.map(icon => icon.title)") == titles
    page.wait_for_function("() => document.querySelectorAll('.leaflet-tile-loaded').length > 0")
    assert tiles and all(url.startswith("https://tile.openstreetmap.org/") for url in tiles)
    # The markers are the images the template names ({% static %}: hashed in production, where
    # Leaflet's own guess from its stylesheet asked for /en/groups/marker-icon-2x.png), loaded.
    page.wait_for_function(
        "() => [...document.querySelectorAll('.leaflet-marker-icon')].every(icon => icon.complete)"
    )
    named = page.locator("[data-map]").get_attribute("data-marker-icon")
    drawn = markers.evaluate_all(
        "icons => icons.map(icon => [icon.getAttribute('src'), icon.naturalWidth > 0])"
    )
    assert named and drawn == [[named, True]] * len(titles)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_keyboard_stays_in_the_list_and_each_listing_raises_its_marker(live_server, open_page, language):
    page, _ = open_map(open_page, live_server.url + NEAR[language])
    page.locator(".leaflet-marker-icon").first.wait_for()
    for _ in range(80):
        page.keyboard.press("Tab")
        assert not page.evaluate("() => !!document.activeElement.closest('.map__canvas')")
    first_link = page.locator("[data-map-point] a").first  # the first listing's title
    first_link.focus()
    # Its marker's label shows (another may show too, for the listing under the resting pointer).
    page.locator(".leaflet-tooltip", has_text=first_link.inner_text()).first.wait_for()
    # A marker chosen with the pointer takes the reader to its listing.
    page.locator(".leaflet-marker-icon").nth(2).dispatch_event("click")  # markers overlap: aim at one
    assert page.evaluate("() => document.activeElement.textContent") == listed(page)[2]


@pytest.mark.parametrize("language", LANGUAGES)
def test_maps_are_accessible_wide_and_narrow(live_server, open_page, language):
    problems = []
    for path in [NEAR[language], *OTHER_MAPS[language]]:
        page, _ = open_map(open_page, live_server.url + path)
        page.locator(".leaflet-marker-icon").first.wait_for()
        for width in (DESKTOP, MOBILE):
            page.set_viewport_size({"width": width, "height": 900})
            violations = axe_violations(page)
            if violations:
                problems.append(f"{path} at {width}px:\n{describe(violations)}")
            if width == MOBILE:
                assert page.evaluate("document.documentElement.scrollWidth") <= MOBILE, path
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", LANGUAGES)
def test_without_javascript_the_list_is_complete_and_no_map_shows(live_server, open_page, language):
    page, tiles = open_map(open_page, live_server.url + NEAR[language], javascript=False)
    assert len(listed(page)) == 8
    assert not page.locator("[data-map]").is_visible()
    assert not page.locator("[data-use-my-location]").is_visible()
    assert tiles == []


def test_use_my_location_fills_the_filter_with_coordinates(live_server, open_page, browser):
    context = browser.new_context(
        geolocation={"latitude": 53.0868, "longitude": -2.9668}, permissions=["geolocation"]
    )
    page = context.new_page()
    page.route(
        "https://tile.openstreetmap.org/**",
        lambda route: route.fulfill(status=200, content_type="image/png", body=TILE),
    )
    page.goto(live_server.url + "/en/groups/?within=1")
    with page.expect_navigation():
        page.locator("[data-use-my-location]").click()
    assert "near=53.0868%2C-2.9668" in page.url
    assert "of your location" in page.locator(".near-summary").inner_text()
    assert page.locator(".group-card .distance").first.inner_text() == "0.0 miles"
    context.close()
