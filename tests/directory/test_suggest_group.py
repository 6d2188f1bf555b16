"""The public suggests a missing group: a draft in moderation, never a live page."""

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client, override_settings
from wagtail.models import WorkflowState

from directory import suggestions
from directory.models import GroupPage, GroupSuggestion
from tests.helpers import parse

pytestmark = pytest.mark.django_db

VALID = {
    "name": "Brymbo Knitters",
    "description": "We knit for the neonatal unit.\nTuesdays in the chapel.",
    "submitter_email": "resident@example.org",
    "consent": "on",
}


@pytest.fixture
def settings_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 600


@pytest.fixture
def suggest_urls(directory):
    return {"en": "/en/groups/suggest/", "cy": "/cy/grwpiau/awgrymu/"}


def post_like_a_browser(client, url, data, **extra):
    """GET the form, then POST it back with the CSRF token the page and cookie gave."""
    form_page = client.get(url, **extra)
    token = parse(form_page).select_one('input[name="csrfmiddlewaretoken"]')["value"]
    return client.post(url, {**data, "csrfmiddlewaretoken": token}, **extra)


@pytest.mark.parametrize("language, heading", [("en", "Suggest a group"), ("cy", "Awgrymu grŵp")])
def test_form_in_both_languages_with_switcher(client, suggest_urls, language, heading):
    soup = parse(client.get(suggest_urls[language]))
    assert soup.h1.get_text() == heading
    other = "cy" if language == "en" else "en"
    assert soup.select_one(f'nav.language-switcher a[hreflang="{other}"]')["href"] == suggest_urls[other]


def test_a_valid_suggestion_makes_a_draft_in_moderation(
    client, suggest_urls, areas, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(suggest_urls["cy"], {**VALID, "area": "gresffordd"})
    assert response.status_code == 302 and response["Location"] == "/cy/grwpiau/awgrymu/diolch/"
    listing = GroupPage.objects.get(title="Brymbo Knitters", locale__language_code="cy")
    assert not listing.live and listing.area == areas["gresford"]
    assert WorkflowState.objects.filter(object_id=str(listing.pk), status="in_progress").exists()
    suggestion = GroupSuggestion.objects.get(listing=listing)
    assert suggestion.submitter_email == "resident@example.org" and suggestion.confirmation_sent_at
    assert client.get("/cy/grwpiau/brymbo-knitters/").status_code == 404
    assert "Brymbo Knitters" not in client.get("/cy/grwpiau/").content.decode()
    confirmation = [message for message in mail.outbox if message.to == ["resident@example.org"]]
    assert len(confirmation) == 1 and "Diolch" in confirmation[0].body
    assert parse(client.get(response["Location"])).h1.get_text().startswith("Diolch")


def test_submitted_text_is_stored_escaped(client, suggest_urls):
    client.post(
        suggest_urls["en"], {**VALID, "name": "Knit <b>club</b>", "description": "<script>alert(1)</script>"}
    )
    listing = GroupPage.objects.get(title="Knit <b>club</b>")
    body_html = str(listing.body[0].value)
    assert "<script>" not in body_html and "&lt;script&gt;" in body_html


@pytest.mark.parametrize(
    "language, message",
    [("en", "Enter the name of the group"), ("cy", "Rhowch enw'r grŵp")],
)
def test_errors_in_the_readers_language_with_a_summary_and_nothing_lost(
    client, suggest_urls, language, message
):
    response = client.post(suggest_urls[language], {**VALID, "name": "", "submitter_email": "not-an-address"})
    assert response.status_code == 200
    soup = parse(response)
    summary = soup.select_one(".error-summary")
    assert message in summary.get_text()
    assert summary.select_one('a[href="#id_name"]')
    assert soup.select_one("#id_description").get_text().strip() == VALID["description"]  # nothing lost
    assert not GroupPage.objects.filter(title="").exists()


def test_bots_filling_the_honeypot_are_refused(client, suggest_urls):
    response = client.post(suggest_urls["en"], {**VALID, "homepage": "http://spam.example"})
    assert response.status_code == 400
    assert not GroupPage.objects.filter(title="Brymbo Knitters").exists()


def test_the_sixth_suggestion_in_an_hour_from_one_address_is_refused(client, suggest_urls):
    for number in range(5):
        assert client.post(suggest_urls["en"], {**VALID, "name": f"Group {number}"}).status_code == 302
    response = client.post(suggest_urls["en"], {**VALID, "name": "Group 6"})
    assert response.status_code == 429
    assert not GroupPage.objects.filter(title="Group 6").exists()
    other_address = client.post(suggest_urls["en"], {**VALID, "name": "Group 7"}, REMOTE_ADDR="10.0.0.9")
    assert other_address.status_code == 302


def test_every_reader_can_send_the_form_with_the_page_cache_on(client, suggest_urls, settings_page_cache):
    client.get("/en/")  # the site's settings are made on the first visit
    for reader in range(2):
        browser = Client(enforce_csrf_checks=True)
        response = post_like_a_browser(browser, suggest_urls["en"], {**VALID, "name": f"Group {reader}"})
        assert response.status_code == 302 and response["Location"] == "/en/groups/suggest/thanks/"
        assert settings.CSRF_COOKIE_NAME in browser.cookies
    assert GroupPage.objects.filter(title__in=["Group 0", "Group 1"]).count() == 2


def suggestions_from(address, count, url, proxies):
    """``count`` suggestions from one reader at ``address``, through the TLS proxy; their statuses."""
    browser = Client(enforce_csrf_checks=True, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=address)
    with override_settings(TRUSTED_PROXY_COUNT=proxies):
        return [
            post_like_a_browser(browser, url, {**VALID, "name": f"{address} {n}"}).status_code
            for n in range(count)
        ]


def test_behind_the_proxy_each_reader_has_their_own_five_suggestions(suggest_urls):
    assert suggestions_from("203.0.113.7", 6, suggest_urls["en"], proxies=1) == [302] * 5 + [429]
    assert suggestions_from("198.51.100.20", 5, suggest_urls["en"], proxies=1) == [302] * 5


def test_without_a_trusted_proxy_a_forged_address_is_ignored(suggest_urls):
    assert suggestions_from("203.0.113.7", 3, suggest_urls["en"], proxies=0) == [302] * 3
    # The header is the reader's own: another one changes nothing, the proxy's limit holds.
    assert suggestions_from("198.51.100.20", 3, suggest_urls["en"], proxies=0) == [302] * 2 + [429]
    assert suggestions_from("198.51.100.20", 1, suggest_urls["en"], proxies=1) == [302]


def test_a_double_click_makes_one_draft(suggest_urls):
    browser = Client(enforce_csrf_checks=True)
    for _click in range(2):
        assert post_like_a_browser(browser, suggest_urls["en"], VALID).status_code == 302
    assert GroupPage.objects.filter(title="Brymbo Knitters").count() == 1
    assert GroupSuggestion.objects.count() == 1


def test_a_slug_taken_after_it_was_chosen_is_numbered_again(directory, make_group, monkeypatch):
    make_group("Brymbo Knitters", slug="brymbo-knitters")
    choose_slug = suggestions._unique_slug
    chosen = []

    def chosen_before_the_other_group_was_added(index, name):
        chosen.append(choose_slug(index, name) if chosen else "brymbo-knitters")
        return chosen[-1]

    monkeypatch.setattr(suggestions, "_unique_slug", chosen_before_the_other_group_was_added)
    form = suggestions.SuggestGroupForm(VALID)
    assert form.is_valid()
    listing = suggestions.create_draft_listing(directory["en"], form)
    assert chosen == ["brymbo-knitters", "brymbo-knitters-2"]
    assert GroupPage.objects.get(pk=listing.pk).slug == "brymbo-knitters-2" and not listing.live


def test_wrong_language_path_redirects(client, suggest_urls):
    response = client.get("/en/groups/awgrymu/")
    assert response.status_code == 301 and response["Location"] == suggest_urls["en"]
