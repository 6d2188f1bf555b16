"""The main pages, in both languages, wide (1280px) and narrow (320px): axe-core finds no
WCAG 2.0/2.1/2.2 A or AA violation, nothing points at a missing id, and at 320px nothing makes
the reader scroll sideways (WCAG 1.4.10 Reflow)."""

import pytest

from .pages import DESKTOP, LANGUAGES, MOBILE, PAGES, axe_violations, describe, visit

pytestmark = pytest.mark.browser

# Ids that attributes point at must exist (axe only marks a missing aria-describedby target
# "needs review"), and must be unique (axe 4.12 no longer checks that).
BROKEN_REFERENCES = """() => {
    const problems = [];
    const seen = new Set();
    for (const element of document.querySelectorAll('[id]')) {
        if (seen.has(element.id)) problems.push(`duplicate id="${element.id}"`);
        seen.add(element.id);
    }
    const references = [
        ['aria-describedby', true], ['aria-labelledby', true], ['aria-controls', true],
        ['aria-owns', true], ['for', false], ['list', false], ['form', false],
    ];
    for (const [attribute, many] of references) {
        for (const element of document.querySelectorAll(`[${attribute}]`)) {
            const value = element.getAttribute(attribute).trim();
            for (const id of many ? value.split(/\\s+/) : [value]) {
                if (id && !document.getElementById(id)) {
                    problems.push(`${attribute}="${id}" on ${element.outerHTML.slice(0, 100)}`);
                }
            }
        }
    }
    for (const link of document.querySelectorAll('a[href^="#"]')) {
        const id = decodeURIComponent(link.getAttribute('href').slice(1));
        if (id && !document.getElementById(id)) problems.push(`href="#${id}" has no target`);
    }
    return problems;
}"""

TOO_WIDE = """() => [...document.querySelectorAll('body *')]
    .filter(element => element.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
    .slice(0, 5).map(element => element.outerHTML.slice(0, 120))"""


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", PAGES)
def test_page_is_accessible_wide_and_narrow(live_server, open_page, name, language):
    page = open_page(width=DESKTOP)
    visit(page, live_server.url, name, language)
    problems = []
    for width in (DESKTOP, MOBILE):  # the same page, so one load serves both widths
        page.set_viewport_size({"width": width, "height": 900})
        violations = axe_violations(page)
        if violations:
            count = len(violations)
            problems.append(f"At {width}px, axe-core found {count} violation(s):\n{describe(violations)}")
        if width == MOBILE:
            scroll_width = page.evaluate("document.documentElement.scrollWidth")
            if scroll_width > MOBILE:
                problems.append(f"At {width}px the page is {scroll_width}px wide: {page.evaluate(TOO_WIDE)}")
    broken = page.evaluate(BROKEN_REFERENCES)
    if broken:
        problems.append("Broken id references:\n    " + "\n    ".join(broken))

    assert not problems, f"{name} in {language} ({page.url}):\n" + "\n".join(problems)
