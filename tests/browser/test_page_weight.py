"""Pages stay light: each under 200 KB of HTML, CSS and JavaScript, pictures not counted."""

import pytest

from .pages import LANGUAGES, PAGES, visit

pytestmark = pytest.mark.browser

BUDGET = 200 * 1024  # bytes, uncompressed
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
        total = sum(sizes.values())
        report.append(f"{name}: {total / 1024:.1f} KB {sizes}")
        if total >= BUDGET:
            too_heavy.append(name)
    print("\n".join(report))
    assert not too_heavy, f"Over {BUDGET // 1024} KB in {language}: {too_heavy}\n" + "\n".join(report)
