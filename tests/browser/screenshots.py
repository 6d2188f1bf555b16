"""Screenshots of the main pages, English and Welsh, wide and narrow, into docs/screenshots/.

Taken on demand only (the file's name keeps it out of the normal suite):

    .venv/bin/python -m tests.browser.screenshots

It runs the one test below through pytest, so it uses the browser tests' fixtures: the demo
content in the test database, pytest-django's live server and Debian's Chromium.
"""

import io
import sys
from pathlib import Path

import pytest
from PIL import Image

from .pages import LANGUAGES, visit

OUTPUT = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
PAGES_SHOWN = [
    "home", "directory", "group", "event-index", "event", "volunteer-index", "opportunity",
    "story-index", "story", "guide-index", "guide", "topic", "search-results",
]  # fmt: skip
WIDTHS = [1280, 375]
MAX_HEIGHT = 1800  # CSS pixels; long pages are cut here, to keep the PNGs small
COLOURS = 128  # a palette PNG stays small (well under 300 KB) and looks the same


def save_small_png(png, path):
    image = Image.open(io.BytesIO(png)).convert("RGB")
    image.quantize(colors=COLOURS, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)


def test_take_screenshots(live_server, open_page):
    OUTPUT.mkdir(parents=True, exist_ok=True)
    for name in PAGES_SHOWN:
        for language in LANGUAGES:
            for width in WIDTHS:
                page = open_page(width=width, height=900)
                visit(page, live_server.url, name, language)
                page.evaluate("document.fonts.ready")
                height = min(page.evaluate("document.documentElement.scrollHeight"), MAX_HEIGHT)
                png = page.screenshot(full_page=True, clip={"x": 0, "y": 0, "width": width, "height": height})
                path = OUTPUT / f"{name}-{language}-{width}.png"
                save_small_png(png, path)
                print(f"{path.relative_to(OUTPUT.parents[1])}: {path.stat().st_size // 1024} KB")


if __name__ == "__main__":
    sys.exit(pytest.main([__file__, "-q", "-s", "-p", "no:cacheprovider", *sys.argv[1:]]))
