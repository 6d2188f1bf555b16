"""On a phone the results come first: the filters fold behind a "Filter" control that works
without JavaScript, and the first result is within the first screen (375 x 812 CSS pixels)."""

import pytest

from .pages import LANGUAGES, PAGES, visit

pytestmark = pytest.mark.browser

PHONE_WIDTH, PHONE_HEIGHT = 375, 812
FIRST_RESULT = {"directory": ".group-card", "event-index": ".event-list > .card"}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", list(FIRST_RESULT))
@pytest.mark.parametrize("javascript", [True, False])
def test_the_first_result_is_on_the_first_screen(live_server, open_page, name, language, javascript):
    page = open_page(width=PHONE_WIDTH, height=PHONE_HEIGHT, javascript=javascript)
    visit(page, live_server.url, name, language)
    assert not page.locator("form.filters").is_visible(), "the filters should be folded away"
    top = page.locator(FIRST_RESULT[name]).first.bounding_box()["y"]
    assert top < PHONE_HEIGHT, f"{name} ({language}): the first result starts {top:.0f} px down"
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE_WIDTH


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_filter_control_works_without_javascript(live_server, open_page, language):
    page = open_page(width=PHONE_WIDTH, height=PHONE_HEIGHT, javascript=False)
    visit(page, live_server.url, "directory", language)
    summary = page.locator("details.filter-disclosure > summary")
    summary.click()
    form = page.locator("form.filters")
    assert form.is_visible()
    form.locator("input[name=welsh]").check()
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    assert "welsh=on" in page.url
    word = {"en": "Filter", "cy": "Hidlo"}[language]
    assert " ".join(summary.inner_text().split()).startswith(f"{word} (1")
    assert not page.locator("form.filters").is_visible()  # folded again: the results first


@pytest.mark.parametrize("language", LANGUAGES)
def test_wide_screens_show_the_filters_beside_the_list(live_server, open_page, language):
    page = open_page(width=1280, javascript=False)
    page.goto(live_server.url + PAGES["event-index"][language])
    assert page.locator("form.filters").is_visible()
    assert not page.locator("details.filter-disclosure > summary").is_visible()
