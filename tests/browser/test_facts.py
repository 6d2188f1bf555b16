"""A group's facts and the directory's fact filters, in a real browser: axe-core finds no WCAG
2.2 AA violation at 1280px and 320px, nothing scrolls sideways, and the filters work without
JavaScript."""

import pytest

from .pages import DESKTOP, LANGUAGES, MOBILE, axe_violations, describe

pytestmark = pytest.mark.browser

PATHS = {
    "en": ("/en/groups/gresford-community-library/", "/en/groups/?day=tue&evening=on&step_free=on&age=12&cost=low"),
    "cy": ("/cy/grwpiau/llyfrgell-gymunedol-gresffordd/", "/cy/grwpiau/?day=tue&evening=on&step_free=on&age=12&cost=low"),
}  # fmt: skip


@pytest.mark.parametrize("language", LANGUAGES)
def test_facts_and_fact_filters_are_accessible_and_work_without_javascript(live_server, open_page, language):
    page = open_page(width=DESKTOP)  # axe-core runs as a script in the page
    problems = []
    for path in PATHS[language]:
        assert page.goto(live_server.url + path).status == 200
        for width in (DESKTOP, MOBILE):
            page.set_viewport_size({"width": width, "height": 900})
            violations = axe_violations(page)
            if violations:
                problems.append(f"{path} at {width}px:\n{describe(violations)}")
            if width == MOBILE and page.evaluate("document.documentElement.scrollWidth") > MOBILE:
                problems.append(f"{path} scrolls sideways at {width}px")
    assert not problems, "\n".join(problems)

    # Without JavaScript, choosing a day and "step-free" puts them in the address.
    page = open_page(width=DESKTOP, javascript=False)
    page.goto(live_server.url + PATHS[language][1].split("?")[0])
    form = page.locator("form.filters")
    form.locator("select[name=day]").select_option("sat")
    form.locator("input[name=step_free]").check()
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    assert "day=sat" in page.url and "step_free=on" in page.url
    assert page.locator(".group-card").count() > 0
