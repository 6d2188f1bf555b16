"""The "still correct" page a group's editor reaches from a review reminder, and the sign-in page
a broken link gives, in both languages: axe-core finds no WCAG A/AA violation at 1280px or
320px, and nothing makes the reader scroll sideways. Only read: the form is not sent."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.contrib.auth import get_user_model
from django.utils import translation

from directory.models import GroupPage
from directory.reviews import still_correct_link

from .pages import DESKTOP, LANGUAGES, MOBILE, axe_violations, describe

pytestmark = pytest.mark.browser


def link_path(language):
    """The demo Gresford editor's link, worked out in a thread of its own: Django refuses the
    database from the thread where Playwright's event loop runs."""

    def work():
        editor = get_user_model().objects.get(username="gresford-editor")
        listing = GroupPage.objects.get(locale__language_code="en", slug="gresford-community-library")
        with translation.override(language):
            return "/" + still_correct_link(editor, listing).split("/", 3)[3]

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(work).result()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_still_correct_page_and_the_sign_in_page_are_accessible(live_server, open_page, language):
    path = link_path(language)
    page = open_page(width=DESKTOP)
    problems = []
    for address, status in ((path, 200), (path.replace("/check-listing/", "/check-listing/x").replace(
        "/gwirio-rhestriad/", "/gwirio-rhestriad/x"), 400)):  # fmt: skip
        response = page.goto(live_server.url + address)
        assert response.status == status
        for width in (DESKTOP, MOBILE):
            page.set_viewport_size({"width": width, "height": 900})
            violations = axe_violations(page)
            if violations:
                problems.append(f"{address} at {width}px:\n{describe(violations)}")
            if width == MOBILE and page.evaluate("document.documentElement.scrollWidth") > MOBILE:
                problems.append(f"{address} at {width}px scrolls sideways")
    assert page.locator("a.button").count() == 1  # the sign-in page's way on
    assert not problems, "\n".join(problems)
