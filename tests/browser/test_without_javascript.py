"""Every feature works without JavaScript: filtering the directory and searching are plain forms."""

import pytest

from .pages import LANGUAGES, PAGES, visit

pytestmark = pytest.mark.browser

VOLUNTEERING = {"en": "volunteering", "cy": "gwirfoddoli"}
VOLUNTEERS_WANTED = {"en": "Volunteers wanted", "cy": "Angen gwirfoddolwyr"}
SEARCH = {"en": ("library", "/en/search/"), "cy": ("llyfrgell", "/cy/chwilio/")}


def titles(page):
    return page.locator(".group-card__title a").all_inner_texts()


@pytest.mark.parametrize("language", LANGUAGES)
def test_directory_filters_without_javascript(live_server, open_page, language):
    page = open_page(javascript=False)
    visit(page, live_server.url, "directory", language)
    everything = titles(page)

    page.locator("#id_topic").select_option(VOLUNTEERING[language])
    page.locator("#id_volunteers").check()
    with page.expect_navigation():
        page.locator("form.filters button[type=submit]").click()

    assert page.url.startswith(live_server.url + PAGES["directory"][language] + "?")
    assert f"topic={VOLUNTEERING[language]}" in page.url and "volunteers=on" in page.url
    filtered = titles(page)
    assert 0 < len(filtered) < len(everything)
    for card in page.locator(".group-card").all():
        assert VOLUNTEERS_WANTED[language] in card.inner_text()
    # The form shows what was chosen, and offers to clear it.
    assert page.locator("#id_topic").input_value() == VOLUNTEERING[language]
    assert page.locator("#id_volunteers").is_checked()
    assert page.locator(f'form.filters a[href="{PAGES["directory"][language]}"]').count() == 1


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_without_javascript(live_server, open_page, language):
    words, path = SEARCH[language]
    page = open_page(javascript=False)
    visit(page, live_server.url, "home", language)

    page.locator("header #site-search-q").fill(words)
    with page.expect_navigation():
        page.locator("header #site-search-q").press("Enter")

    assert page.url == f"{live_server.url}{path}?q={words}"
    assert page.locator("html").get_attribute("lang") == language
    assert page.locator(".search-results .search-result").count() > 0
    assert page.locator("main #id_q").input_value() == words
