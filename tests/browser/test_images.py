"""Pictures in listings reserve their space: width and height attributes, and no layout shift."""

import pytest

from .pages import LANGUAGES, visit

pytestmark = pytest.mark.browser

# Leaflet's tiles and markers are left out: it places and sizes them itself inside the map's
# fixed-height box, so they cannot move the page's layout.
IMAGES = """() => [...document.images].filter(image => !image.closest('.leaflet-container')).map(image => ({
    html: image.outerHTML.slice(0, 200),
    width: image.getAttribute('width') || '',
    height: image.getAttribute('height') || '',
}))"""

# Cumulative Layout Shift while the page loads and the reader scrolls to its end (lazy pictures).
LAYOUT_SHIFT = """async () => {
    let shift = 0;
    new PerformanceObserver(list => {
        for (const entry of list.getEntries()) if (!entry.hadRecentInput) shift += entry.value;
    }).observe({type: 'layout-shift', buffered: true});
    for (let y = 0; y <= document.documentElement.scrollHeight; y += window.innerHeight / 2) {
        window.scrollTo(0, y);
        await new Promise(resolve => setTimeout(resolve, 50));
    }
    await Promise.all([...document.images].map(image => image.decode().catch(() => null)));
    await new Promise(resolve => setTimeout(resolve, 200));
    return shift;
}"""


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", ["home", "directory"])
def test_listing_images_have_width_and_height(live_server, open_page, name, language):
    page = open_page()
    visit(page, live_server.url, name, language)
    images = page.evaluate(IMAGES)
    if name == "directory":
        assert images, "the demo groups have logos; the directory should show them"
    missing = [
        image["html"] for image in images if not (image["width"].isdigit() and image["height"].isdigit())
    ]
    assert not missing, "Pictures without width and height attributes:\n" + "\n".join(missing)
    shift = page.evaluate(LAYOUT_SHIFT)
    assert shift < 0.01, f"{name} in {language}: layout shift {shift:.3f} while loading and scrolling"
