""" "Do you run this group? Ask to look after this listing": the request, and the council's decision."""

from datetime import timedelta
from io import StringIO
from smtplib import SMTPException
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.test import Client, override_settings
from django.utils import timezone
from wagtail.models import PageViewRestriction

from directory.editors import ensure_group_editors
from directory.models import ListingClaim
from tests.helpers import parse, translate

pytestmark = pytest.mark.django_db

VALID = {"name": "Siân O'Brien", "role": "Ysgrifennydd", "email": "sian@example.org",
         "how_to_check": "Ffoniwch y grŵp ar 01978 000000.", "language": "cy"}  # fmt: skip


@pytest.fixture
def library(make_group, locales):
    english = make_group("Gresford Library")
    english.save_revision().publish()
    welsh = translate(english, locales["cy"], title="Llyfrgell Gresffordd", slug="llyfrgell-gresffordd")
    welsh.refresh_from_db()
    return {"en": english, "cy": welsh}


@pytest.fixture
def council(django_user_model):
    user = django_user_model.objects.create_user("council", "council@wrexham.example", "pw")
    user.groups.add(Group.objects.get(name="Council editors"))
    return user


def post_like_a_browser(client, url, data):
    token = parse(client.get(url)).select_one('input[name="csrfmiddlewaretoken"]')["value"]
    return client.post(url, {**data, "csrfmiddlewaretoken": token})


def claim_link(client, listing):
    return parse(client.get(listing.url)).select_one(".claim-link a")


@override_settings(PAGE_CACHE_SECONDS=600)
@pytest.mark.parametrize(
    ("language", "form_path", "link_text", "heading", "thanks"),
    [
        ("en", "/en/look-after/", "Ask to look after this listing", "Ask to look after this listing", "thanks/"),
        ("cy", "/cy/gofalu-am/", "Gofyn am gael gofalu am y rhestriad hwn",
         "Gofyn am gael gofalu am y rhestriad hwn", "diolch/"),
    ],
)  # fmt: skip
def test_a_listing_with_no_editors_can_be_claimed_in_both_languages(library, language, form_path, link_text, heading,
                                                                    thanks):  # fmt: skip
    listing = library[language]
    client = Client(enforce_csrf_checks=True)
    link = claim_link(client, listing)
    assert link.get_text() == link_text and link["href"] == f"{form_path}{listing.pk}/"
    form_page = parse(client.get(link["href"]))
    assert form_page.h1.get_text() == heading
    assert form_page.select_one("#privacy") is not None
    response = post_like_a_browser(client, link["href"], VALID)
    assert response.status_code == 302 and response["Location"] == link["href"] + thanks
    assert client.get(response["Location"]).status_code == 200
    claim = ListingClaim.objects.get()
    assert (claim.listing_id, claim.name, claim.language, claim.state) == (
        listing.pk,
        "Siân O'Brien",
        "cy",
        "new",
    )
    assert not mail.outbox


@override_settings(PAGE_CACHE_SECONDS=600)
def test_a_listing_with_editors_shows_neither_the_request_nor_who_they_are(
    client, library, django_user_model
):
    assert claim_link(client, library["en"]) is not None  # cached now, for anonymous readers
    editor = django_user_model.objects.create_user("gwen.editor", "gwen@example.org", "pw")
    from directory.editors import invite_editor

    invite_editor(library["en"], "gwen@example.org")
    for listing in library.values():
        page = client.get(listing.url).content.decode()
        assert 'class="claim-link"' not in page
        assert "gwen" not in page.lower() and editor.username not in page
        assert client.get(f"/en/look-after/{listing.pk}/").status_code == 404


def test_errors_bots_and_floods(client, library):
    url = f"/cy/gofalu-am/{library['cy'].pk}/"
    errors = parse(client.post(url, {"language": "cy"})).select(".error-summary__message")
    assert [item.get_text() for item in errors][0] == "Rhowch eich enw"
    assert client.post(url, {**VALID, "homepage": "http://spam.example"}).status_code == 400
    for _number in range(5):
        assert client.post(url, VALID).status_code == 302
    assert client.post(url, VALID).status_code == 429
    assert ListingClaim.objects.count() == 5


def test_drafts_and_private_listings_cannot_be_claimed(client, make_group):
    draft = make_group("Not yet", live=False)
    private = make_group("Members only")
    private.save_revision().publish()
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    for listing in (draft, private):
        assert client.get(f"/en/look-after/{listing.pk}/").status_code == 404


def decide(client, claim, **fields):
    url = f"/admin/directory/claims/edit/{claim.pk}/"
    token = parse(client.get(url)).find("input", attrs={"name": "csrfmiddlewaretoken"})["value"]
    return client.post(url, {"csrfmiddlewaretoken": token, "state": "new", "decline_reason": "", **fields})


def signed_in(user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


@pytest.fixture
def claim(library):
    return ListingClaim.objects.create(listing=library["cy"], **VALID)


def test_approving_invites_the_person_in_their_language(
    council, claim, library, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert decide(signed_in(council), claim, state="approved").status_code == 302
    user = get_user_model().objects.get(email="sian@example.org")
    assert library["en"].permissions_for_user(user).can_edit()
    (invitation,) = mail.outbox
    assert invitation.to == ["sian@example.org"] and invitation.body.startswith("Helo")
    claim.refresh_from_db()
    assert claim.state == "approved" and claim.decided_at
    assert claim_link(Client(), library["en"]) is None
    # Decided once: it cannot be declined afterwards.
    assert decide(signed_in(council), claim, state="declined", decline_reason="No").status_code == 200
    assert ListingClaim.objects.get().state == "approved"


def test_declining_needs_a_reason_and_e_mails_it_even_after_an_outage(
    council, claim, django_capture_on_commit_callbacks
):
    client = signed_in(council)
    assert decide(client, claim, state="declined").status_code == 200  # no reason given
    assert ListingClaim.objects.get().state == "new"
    with (
        mock.patch("django.core.mail.EmailMessage.send", side_effect=SMTPException("down")),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = decide(client, claim, state="declined", decline_reason="Nid oedd y grŵp yn eich adnabod.")
    assert response.status_code == 302  # saved, never an error
    claim.refresh_from_db()
    assert claim.state == "declined" and claim.decision_sent_at is None
    call_command("send_pending_confirmations", stdout=StringIO())
    (declined,) = mail.outbox
    assert declined.subject == "Eich cais i ofalu am “Llyfrgell Gresffordd”"
    assert "Nid oedd y grŵp yn eich adnabod." in declined.body and declined.body.startswith("Helo Siân")
    assert not get_user_model().objects.filter(email="sian@example.org").exists()


def test_only_council_editors_see_and_decide_requests(client, claim, library, django_user_model):
    editor = django_user_model.objects.create_user("lib", "lib@example.org", "pw")
    editor.groups.add(ensure_group_editors(library["en"]).group)
    moderator = django_user_model.objects.create_user("mod", "mod@example.org", "pw")
    moderator.groups.add(Group.objects.get(name="Moderators"))
    url = f"/admin/directory/claims/edit/{claim.pk}/"
    assert client.get(url)["Location"].startswith("/admin/login/")
    for user in (editor, moderator):
        response = signed_in(user).get(url, follow=True)
        assert response.request["PATH_INFO"] != url or response.status_code == 403
        assert "sian@example.org" not in response.content.decode()


def test_old_requests_are_deleted_after_the_retention_period(claim, library, settings):
    settings.CLAIM_RETENTION_DAYS = 30
    recent = ListingClaim.objects.create(listing=library["en"], **{**VALID, "name": "Recent"})
    ListingClaim.objects.filter(pk=claim.pk).update(updated_at=timezone.now() - timedelta(days=31))
    call_command("delete_old_claims", stdout=StringIO())
    assert list(ListingClaim.objects.values_list("pk", flat=True)) == [recent.pk]
