"""The suggest-a-group form's promises kept: "We will tell you when the group is listed" (once,
in the suggester's language, retried if the mail server is down); a Welsh suggestion gets its
English page for translation; council editors see who suggested what, and its state."""

import smtplib
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.test import Client
from wagtail.users.models import UserProfile
from wagtail_localize.models import Translation

from directory import suggestions
from directory.editors import ensure_group_editors
from directory.models import GroupPage, GroupSuggestion
from tests.helpers import parse

from .test_suggest_group import VALID, post_like_a_browser

pytestmark = pytest.mark.django_db

URLS = {"en": "/en/groups/suggest/", "cy": "/cy/grwpiau/awgrymu/"}
LISTED = {
    "en": ("Brymbo Knitters is now listed", "/en/groups/brymbo-knitters/"),
    "cy": ("Mae Brymbo Knitters wedi'i restru bellach", "/cy/grwpiau/brymbo-knitters/"),
}


class UnreachableMailServer:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


def suggest(language, capture):
    with capture(execute=True):
        response = post_like_a_browser(Client(enforce_csrf_checks=True), URLS[language], VALID)
    assert response.status_code == 302
    return GroupSuggestion.objects.get()


def approve(listing, capture):
    """What a moderator's approval does in the end: the draft's latest revision goes live."""
    with capture(execute=True):
        GroupPage.objects.get(pk=listing.pk).get_latest_revision().publish()


@pytest.mark.parametrize("language", ["en", "cy"])
def test_the_suggester_hears_once_in_their_language_when_the_group_is_listed(
    directory, language, django_capture_on_commit_callbacks
):
    suggestion = suggest(language, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    assert suggestion.state == "waiting"
    approve(suggestion.listing, django_capture_on_commit_callbacks)
    (message,) = mail.outbox
    subject, path = LISTED[language]
    assert message.to == [VALID["submitter_email"]] and message.subject == subject
    assert path in message.body
    suggestion.refresh_from_db()
    assert suggestion.listed_at and suggestion.listed_email_sent_at and suggestion.state == "listed"

    approve(suggestion.listing, django_capture_on_commit_callbacks)  # published again: nothing more
    call_command("send_pending_confirmations", stdout=StringIO())
    assert len(mail.outbox) == 1


def test_a_listed_email_that_cannot_be_sent_is_sent_later(
    directory, settings, django_capture_on_commit_callbacks
):
    suggestion = suggest("cy", django_capture_on_commit_callbacks)
    mail.outbox.clear()
    settings.EMAIL_BACKEND = f"{__name__}.UnreachableMailServer"
    approve(suggestion.listing, django_capture_on_commit_callbacks)
    suggestion.refresh_from_db()
    assert suggestion.listed_at and suggestion.listed_email_sent_at is None

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"  # the server is back
    call_command("send_pending_confirmations", stdout=StringIO())
    call_command("send_pending_confirmations", stdout=StringIO())
    (message,) = mail.outbox
    assert message.subject == LISTED["cy"][0]  # in Welsh, though the command runs in English


def test_a_welsh_suggestion_is_the_source_of_an_english_draft_for_translation(
    directory, django_capture_on_commit_callbacks
):
    suggestion = suggest("cy", django_capture_on_commit_callbacks)
    welsh = suggestion.listing
    english = GroupPage.objects.get(translation_key=welsh.translation_key, locale__language_code="en")
    assert english.get_parent().pk == directory["en"].pk and not english.live
    assert english.title == VALID["name"] and english.summary == welsh.summary
    translation = Translation.objects.get(
        source__object_id=welsh.translation_key, target_locale__language_code="en"
    )
    assert translation.source.locale.language_code == "cy"


def test_an_english_suggestion_makes_one_page(directory, django_capture_on_commit_callbacks):
    suggest("en", django_capture_on_commit_callbacks)
    assert GroupPage.objects.filter(title=VALID["name"]).count() == 1


@pytest.fixture
def accounts(directory):
    make = get_user_model().objects.create_user
    council = make("council", "council@wrexham.example", "pw")
    council.groups.add(Group.objects.get(name="Council editors"))
    volunteer = make("volunteer", "volunteer@example.org", "pw")
    group = GroupPage(title="Gresford Library", summary="Books", live=True)
    directory["en"].add_child(instance=group)
    volunteer.groups.add(ensure_group_editors(group).group)
    return {"council": council, "volunteer": volunteer}


def signed_in(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


@pytest.mark.parametrize(
    "language, heading, states",
    [
        ("en", "Group suggestions", ["Listed", "Rejected", "Waiting for a moderator"]),
        ("cy", "Awgrymiadau am grwpiau", ["Wedi'i restru", "Wedi'i wrthod", "Yn aros am gymedrolwr"]),
    ],
)
def test_council_editors_see_who_suggested_what_and_its_state(
    accounts,
    directory,
    language,
    heading,
    states,
    django_capture_on_commit_callbacks,
    django_assert_max_num_queries,
):
    for number, name in enumerate(["Waiting", "Rejected", "Listed"]):
        form = suggestions.SuggestGroupForm(
            {**VALID, "name": f"{name} group", "submitter_email": f"{number}@example.org"}
        )
        assert form.is_valid()
        suggestions.create_draft_listing(directory["en"], form)
    rejected = GroupPage.objects.get(title="Rejected group")
    workflow_state = rejected.current_workflow_state
    workflow_state.current_task_state.task.specific.on_action(
        workflow_state.current_task_state, accounts["council"], "reject"
    )
    approve(GroupPage.objects.get(title="Listed group"), django_capture_on_commit_callbacks)

    client = signed_in(accounts["council"], language)
    with django_assert_max_num_queries(40):
        soup = parse(client.get("/admin/directory/suggestions/"))
    assert heading in soup.title.get_text()
    rows = {row.select("td")[0].get_text(strip=True): [cell.get_text(strip=True) for cell in row.select("td")]
            for row in soup.select("table.listing tbody tr")}  # fmt: skip
    assert set(rows) == {"Waiting group", "Rejected group", "Listed group"}
    assert [rows[f"{name} group"][-1] for name in ("Listed", "Rejected", "Waiting")] == states
    assert "2@example.org" in rows["Listed group"]
    assert "/admin/directory/suggestions/new/" not in str(soup)  # nothing is added here


def test_group_editors_do_not_see_suggestions(accounts):
    client = signed_in(accounts["volunteer"], "en")
    response = client.get("/admin/directory/suggestions/", follow=True)
    assert response.request["PATH_INFO"] != "/admin/directory/suggestions/"
    assert "/admin/directory/suggestions/" not in client.get("/admin/").content.decode()
