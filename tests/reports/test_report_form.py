""" "Is something wrong or out of date?": the public form on groups, events and opportunities."""

import pytest
from django.core import mail
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from events.models import EventPage
from reports.models import ListingReport
from tests.helpers import parse
from volunteering.models import OpportunityPage

pytestmark = pytest.mark.django_db

VALID = {
    "kind": "times",
    "details": "It meets on Thursdays now.",
    "email": "sian@example.org",
    "language": "cy",
}


def post_like_a_browser(client, url, data):
    """GET the form, then POST it back with the CSRF token the page and cookie gave."""
    token = parse(client.get(url)).select_one('input[name="csrfmiddlewaretoken"]')["value"]
    return client.post(url, {**data, "csrfmiddlewaretoken": token})


def report_link(client, page_url):
    return parse(client.get(page_url)).select_one(".report-link a")


@override_settings(PAGE_CACHE_SECONDS=600)
@pytest.mark.parametrize(
    ("language", "form_path", "link_text", "heading", "thanks_path"),
    [
        ("en", "/en/report-a-problem/", "Report a problem with this page", "Report a problem", "thanks/"),
        ("cy", "/cy/rhoi-gwybod-am-broblem/", "Rhoi gwybod am broblem gyda'r dudalen hon",
         "Rhoi gwybod am broblem", "diolch/"),
    ],
)  # fmt: skip
def test_a_group_page_links_to_the_form_which_stores_the_report(
    groups, language, form_path, link_text, heading, thanks_path, django_capture_on_commit_callbacks
):
    group = groups["library"][language]
    client = Client(enforce_csrf_checks=True)
    link = report_link(client, group.url)
    assert link.get_text() == link_text
    url = f"{form_path}{group.pk}/"
    assert link["href"] == url
    form_page = parse(client.get(url))
    assert form_page.h1.get_text() == heading
    other = "cy" if language == "en" else "en"
    switch = form_page.select_one(f'nav.language-switcher a[hreflang="{other}"]')["href"]
    assert switch.endswith(f"/{groups['library'][other].pk}/")
    with django_capture_on_commit_callbacks(execute=True):
        response = post_like_a_browser(client, url, VALID)
    assert response.status_code == 302 and response["Location"] == url + thanks_path
    assert client.get(response["Location"]).status_code == 200
    report = ListingReport.objects.get()
    assert (report.page_id, report.group_id, report.kind, report.state) == (
        group.pk,
        group.pk,
        "times",
        "new",
    )
    assert report.email == "sian@example.org" and report.language == "cy"
    assert not mail.outbox  # nothing to send until the council replies


def test_events_and_opportunities_have_the_form_and_belong_to_their_group(
    client, groups, event_index, volunteering_index
):
    library = groups["library"]["en"]
    event = EventPage(title="Story time", summary="Stories", start_date="2026-12-05", group=library)
    event_index["en"].add_child(instance=event)
    event.save_revision().publish()
    opportunity = OpportunityPage(
        title="Shelver", summary="Shelving", what_you_do="Shelve books", group=library
    )
    volunteering_index["en"].add_child(instance=opportunity)
    opportunity.save_revision().publish()
    for page in (event, opportunity):
        url = report_link(client, page.url)["href"]
        assert client.post(url, {**VALID, "email": ""}).status_code == 302
    assert [(r.page_id, r.group_id) for r in ListingReport.objects.order_by("pk")] == [
        (event.pk, library.pk),
        (opportunity.pk, library.pk),
    ]


def test_errors_in_welsh_with_a_summary_and_the_privacy_notice(client, groups):
    response = client.post(f"/cy/rhoi-gwybod-am-broblem/{groups['cafe']['cy'].pk}/", {"language": "cy"})
    soup = parse(response)
    errors = [item.get_text() for item in soup.select(".error-summary__message")]
    assert errors == ["Dewiswch beth sy'n anghywir", "Dywedwch wrthym beth sy'n anghywir"]
    assert soup.select_one(".error-summary__list a")["href"] == "#id_kind_0"
    assert soup.select_one("#privacy h2").get_text() == "Sut rydyn ni'n defnyddio eich manylion"
    assert "180 diwrnod" in soup.select_one("#privacy").get_text()
    assert not ListingReport.objects.exists()


def test_bots_and_floods_are_refused_in_the_readers_language(client, groups):
    url = f"/en/report-a-problem/{groups['cafe']['en'].pk}/"
    assert client.post(url, {**VALID, "homepage": "http://spam.example"}).status_code == 400
    assert client.post(url, {**VALID, "details": "x" * 1001}).status_code == 200
    for _number in range(5):
        assert client.post(url, VALID).status_code == 302
    refused = client.post(f"/cy/rhoi-gwybod-am-broblem/{groups['cafe']['cy'].pk}/", VALID)
    assert refused.status_code == 429
    assert "Rydych chi wedi anfon sawl adroddiad" in refused.content.decode()
    assert ListingReport.objects.count() == 5


def test_the_limit_counts_the_readers_own_address_behind_the_proxy(client, groups, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    url = f"/en/report-a-problem/{groups['cafe']['en'].pk}/"
    for number in range(6):  # six readers behind the same proxy
        forwarded = {"HTTP_X_FORWARDED_FOR": f"203.0.113.{number}", "REMOTE_ADDR": "10.0.0.1"}
        assert client.post(url, VALID, **forwarded).status_code == 302
    assert (
        client.post(url, VALID, HTTP_X_FORWARDED_FOR="203.0.113.0", REMOTE_ADDR="10.0.0.1").status_code == 302
    )


def test_private_pages_drafts_and_home_pages_have_no_form(client, groups, make_group, home_pages):
    draft = make_group("Not yet", live=False)
    private = make_group("Members only")
    private.save_revision().publish()
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    for page in (draft, private, home_pages["en"]):
        assert client.get(f"/en/report-a-problem/{page.pk}/").status_code == 404
        assert client.post(f"/en/report-a-problem/{page.pk}/", VALID).status_code == 404
    assert client.get("/en/report-a-problem/999999/").status_code == 404
    assert not ListingReport.objects.exists()


def test_an_alias_has_no_form(client, groups, directory):
    alias = groups["cafe"]["en"].create_alias(parent=directory["en"], update_slug="rhos-cafe-copy")
    assert client.get(f"/en/report-a-problem/{alias.pk}/").status_code == 404


def test_the_link_costs_the_group_page_no_query(client, groups):
    url = groups["cafe"]["en"].url

    def queries():
        for _warm_up in range(2):  # per-process caches, and other apps' sections fill theirs
            client.get(url)
        with CaptureQueriesContext(connection) as captured:
            assert report_link(client, url) is not None
        return len(captured)

    without_reports = queries()
    for _number in range(5):
        ListingReport.objects.create(
            page=groups["cafe"]["en"], group=groups["cafe"]["en"], kind="other", details="x"
        )
    assert queries() == without_reports < 15
