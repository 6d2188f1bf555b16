"""Keyboard users: the header's order, visible focus, the skip link and the language switch."""

import pytest

from .pages import LANGUAGES, OTHER_LANGUAGE, PAGES, visit

pytestmark = pytest.mark.browser

FOCUS_YELLOW = "rgb(255, 221, 0)"  # --focus in portal.css

FOCUSED = """() => {
    const element = document.activeElement;
    const style = getComputedStyle(element);
    return {
        tag: element.tagName,
        html: element.outerHTML.slice(0, 160),
        background: style.backgroundColor,
        outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
        box: element.getBoundingClientRect().toJSON(),
    };
}"""


def header_order(language):
    """What Tab reaches first, in DOM order: (name, CSS selector)."""
    other = OTHER_LANGUAGE[language]
    return [
        ("skip link", 'a.skip-link[href="#main-content"]'),
        ("site name", f'header a.site-header__name[href="/{language}/"]'),
        ("language switch", f'header nav.language-switcher a[hreflang="{other}"][lang="{other}"]'),
        ("search input", 'header form[role="search"] input#site-search-q[name="q"]'),
    ]


def is_focused(page, selector):
    return page.evaluate("selector => document.activeElement.matches(selector)", selector)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", ["group", "directory"])
def test_tab_reaches_the_header_in_order_and_the_language_switch_keeps_the_page(
    live_server, open_page, name, language
):
    page = open_page()
    visit(page, live_server.url, name, language)

    for label, selector in header_order(language):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        assert is_focused(page, selector), f"Tab should reach the {label}; it is on {focused['html']}"
        if focused["tag"] == "A":
            # GOV.UK focus style: black text on yellow.
            assert focused["background"] == FOCUS_YELLOW, f"the focused {label} is not highlighted: {focused}"
        else:
            assert focused["outline"].startswith("solid 3px"), (
                f"the focused {label} has no outline: {focused}"
            )
        box = focused["box"]
        on_screen = box["width"] > 0 and box["x"] >= 0 and box["y"] >= 0
        assert on_screen, f"the focused {label} is off screen: {box}"

    # Back to the language switch, and follow it with the keyboard.
    page.keyboard.press("Shift+Tab")
    assert is_focused(page, header_order(language)[2][1])
    other = OTHER_LANGUAGE[language]
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == live_server.url + PAGES[name][other]
    assert page.locator("html").get_attribute("lang") == other
    assert page.locator(f'nav.language-switcher [aria-current="true"][lang="{other}"]').count() == 1


@pytest.mark.parametrize("language", LANGUAGES)
def test_skip_link_moves_focus_to_the_main_content(live_server, open_page, language):
    page = open_page()
    visit(page, live_server.url, "directory", language)
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert is_focused(page, "main#main-content")
    # The next Tab goes into the content, past the header and its navigation.
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.querySelector('main').contains(document.activeElement)")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_error_summary_takes_focus_without_javascript(live_server, open_page, language):
    page = open_page(javascript=False)
    visit(page, live_server.url, "suggest-errors", language)
    assert is_focused(page, ".error-summary"), page.evaluate(FOCUSED)["html"]
    page.keyboard.press("Tab")
    assert is_focused(page, '.error-summary a[href="#id_name"]')
