"""The error summary names each field and links to it, and takes focus when the page opens;
a description too short for a moderator to judge is refused in the reader's language."""

import pytest
from django.test import Client

from directory.models import GroupPage
from tests.helpers import parse

from .test_suggest_group import VALID, post_like_a_browser

pytestmark = pytest.mark.django_db

URLS = {"en": "/en/groups/suggest/", "cy": "/cy/grwpiau/awgrymu/"}
TOO_SHORT = {"en": "at least 20 characters", "cy": "o leiaf 20 nod"}


@pytest.fixture
def browser(directory):
    return Client(enforce_csrf_checks=True)


@pytest.mark.parametrize("language", ["en", "cy"])
@pytest.mark.parametrize("description", ["x", "Knitting"])
def test_a_too_short_description_is_refused_with_a_clear_message(browser, language, description):
    response = post_like_a_browser(browser, URLS[language], {**VALID, "description": description})
    assert response.status_code == 200
    soup = parse(response)
    link = soup.select_one('.error-summary a[href="#id_description"]')
    assert TOO_SHORT[language] in link.get_text()
    assert f"{len(description)})" in link.get_text()
    assert TOO_SHORT[language] in soup.select_one("#id_description_error").get_text()
    assert not GroupPage.objects.filter(title=VALID["name"]).exists()


@pytest.mark.parametrize("language", ["en", "cy"])
def test_a_description_of_a_few_words_is_accepted(browser, language):
    response = post_like_a_browser(
        browser, URLS[language], {**VALID, "description": "We knit for the hospital."}
    )
    assert response.status_code == 302


@pytest.mark.parametrize(
    "language, labels",
    [
        ("en", ["Name of the group", "Your e-mail address"]),
        ("cy", ["Enw'r grŵp", "Eich cyfeiriad e-bost"]),
    ],
)
def test_each_error_names_its_field_and_links_to_it(browser, language, labels):
    response = post_like_a_browser(browser, URLS[language], {**VALID, "name": "", "submitter_email": "nope"})
    summary = parse(response).select_one(".error-summary")
    links = {link["href"]: link.get_text() for link in summary.select("a")}
    assert set(links) == {"#id_name", "#id_submitter_email"}
    assert links["#id_name"].startswith(labels[0] + ":")
    assert links["#id_submitter_email"].startswith(labels[1] + ":")
    assert summary.select_one(".error-summary__field").get_text() == labels[0]


def test_the_summary_takes_focus_without_javascript(browser):
    summary = parse(post_like_a_browser(browser, URLS["en"], {**VALID, "name": ""})).select_one(
        ".error-summary"
    )
    assert summary.has_attr("autofocus") and summary["tabindex"] == "-1"
    assert "autofocus" not in str(parse(browser.get(URLS["en"])).select_one("main"))
