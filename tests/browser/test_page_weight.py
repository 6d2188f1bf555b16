"""Pages stay light: each under 200 KB of HTML, CSS and JavaScript, pictures not counted.

The map library (Leaflet, vendored in static/vendor/leaflet/ at a pinned version) is counted on
its own budget: only pages with a map load it, and it is the same file, cached, on all of them."""

import pytest

from .pages import LANGUAGES, PAGES, visit

pytestmark = pytest.mark.browser

BUDGET = 200 * 1024  # bytes, uncompressed
MAP_LIBRARY = "/static/vendor/leaflet/"
MAP_LIBRARY_BUDGET = 170 * 1024  # Leaflet 1.9.4's minified script and stylesheet: about 159 KB
# Every stylesheet and script the page uses; pictures are not counted.
ASSETS = """() => [
    ...[...document.querySelectorAll('link[rel~="stylesheet"][href], link[rel="preload"][href]')]
        .map(link => link.href),
    ...[...document.querySelectorAll('script[src]')].map(script => script.src),
]"""


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_is_under_200_kb(live_server, open_page, language):
    page = open_page()
    asset_sizes = {}
    report, too_heavy = [], []
    for name in PAGES:
        sizes = {"HTML": len(visit(page, live_server.url, name, language).body())}
        for url in page.evaluate(ASSETS):
            if url not in asset_sizes:
                asset_sizes[url] = len(page.request.get(url).body())
            sizes[url.removeprefix(live_server.url)] = asset_sizes[url]
        total = sum(size for url, size in sizes.items() if not url.startswith(MAP_LIBRARY))
        map_library = sum(size for url, size in sizes.items() if url.startswith(MAP_LIBRARY))
        report.append(f"{name}: {total / 1024:.1f} KB (+ map {map_library / 1024:.1f} KB) {sizes}")
        if total >= BUDGET or map_library >= MAP_LIBRARY_BUDGET:
            too_heavy.append(name)
    print("\n".join(report))
    assert not too_heavy, f"Over {BUDGET // 1024} KB in {language}: {too_heavy}\n" + "\n".join(report)
