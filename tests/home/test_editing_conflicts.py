"""An edit form opened before someone else's change cannot undo it.

The story this guards against: a group editor opens their listing's edit form, a council editor
then corrects the listing and publishes it, and the group editor's old form, submitted for
moderation, puts the old text back as soon as a moderator approves it.
"""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.test import Client
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield
from wagtail.users.models import UserProfile

from directory.editors import ensure_group_editors

pytestmark = pytest.mark.django_db

REFUSAL = {
    "en": "Someone else has changed this page since you opened it.",
    "cy": "Mae rhywun arall wedi newid y dudalen hon ers i chi ei hagor.",
}
SUBMIT = {"action-submit": "Submit to Moderators approval"}
SAVE = {}


@pytest.fixture
def listing(make_group):
    group = make_group("Gresford Library", summary="Books and a warm room.")
    group.save_revision().publish()
    return group


def signed_in(user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


@pytest.fixture
def make_user(django_user_model):
    def make(name, group, language="en"):
        user = django_user_model.objects.create_user(name, f"{name}@wrexham.example", "pw")
        user.groups.add(group)
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
        return signed_in(user), user

    return make


@pytest.fixture
def council_editor(make_user):
    return make_user("council_editor", Group.objects.get(name="Council editors"))


@pytest.fixture
def group_editor(make_user, listing):
    return make_user("volunteer", ensure_group_editors(listing).group)


def open_edit_form(client, page):
    """The edit form's fields as the browser would send them back, read from the edit view.

    That includes the CSRF token and the revision the form was opened on; the StreamFields and
    comments, which the admin's script fills in, go back empty.
    """
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    form = BeautifulSoup(response.content, "html.parser").find("form", id="page-edit-form")
    data = {}
    for field in form.find_all(["input", "select", "textarea"]):
        name = field.get("name")
        if not name or field.get("type") in ("radio", "submit", "file"):
            continue
        if field.get("type") == "checkbox":
            if field.has_attr("checked"):
                data[name] = "on"
        elif field.name == "select":
            chosen = field.find("option", selected=True)
            data[name] = chosen["value"] if chosen else ""
        else:
            data[name] = field.text if field.name == "textarea" else field.get("value", "")
    streams = {
        "body": streamfield([]),
        "social_links": streamfield([]),
        "schedule": streamfield([]),
        "comments": inline_formset([]),
    }
    return {**data, **nested_form_data(streams)}


def post_edit(client, page, form, action, **changes):
    return client.post(f"/admin/pages/{page.pk}/edit/", {**form, **changes, **action})


def publish_correction(council_editor, listing):
    client, user = council_editor
    response = post_edit(
        client,
        listing,
        open_edit_form(client, listing),
        {"action-publish": "Publish"},
        summary="Now open on Sundays.",
    )
    assert response.status_code == 302
    return Page.objects.get(pk=listing.pk).latest_revision


def messages_shown(client, response):
    """The admin's messages on the screen ``response`` sends the editor to: their text, their links."""
    assert response.status_code == 302
    page = BeautifulSoup(client.get(response["Location"], follow=True).content, "html.parser")
    shown = page.select_one(".messages")
    return shown.get_text(" ", strip=True), [link["href"] for link in shown.find_all("a")]


@pytest.mark.parametrize("action", [SUBMIT, SAVE], ids=["submit for moderation", "save draft"])
@pytest.mark.parametrize("language", ["en", "cy"])
def test_an_outdated_form_is_refused_in_the_editors_language(
    make_user, council_editor, listing, action, language
):
    client, _ = make_user("volunteer", ensure_group_editors(listing).group, language)
    stale = open_edit_form(client, listing)
    corrected = publish_correction(council_editor, listing)

    response = post_edit(client, listing, stale, action, summary="Books and a warm room, weekdays.")

    listing.refresh_from_db()
    assert listing.latest_revision == corrected and listing.latest_revision.user == council_editor[1]
    assert listing.summary == "Now open on Sundays."
    assert listing.current_workflow_state is None  # nothing for a moderator to approve
    assert response["Location"] == f"/admin/pages/{listing.pk}/edit/"  # back to the page as it is now
    text, links = messages_shown(client, response)
    assert REFUSAL[language] in text
    compare = client.get(links[0])  # what the council editor changed
    assert compare.status_code == 200 and "Now open on Sundays." in compare.content.decode()


def test_a_form_opened_before_the_page_had_any_revision_is_refused_too(make_group, make_user, council_editor):
    listing = make_group("Rhos Café")  # made by code, so it has no revision yet
    client, _ = make_user("volunteer", ensure_group_editors(listing).group)
    stale = open_edit_form(client, listing)
    assert "loaded_revision_id" not in stale
    corrected = publish_correction(council_editor, listing)

    response = post_edit(client, listing, stale, SUBMIT, summary="Coffee.")

    assert Page.objects.get(pk=listing.pk).latest_revision == corrected
    assert REFUSAL["en"] in messages_shown(client, response)[0]


def test_a_revision_overwritten_by_its_authors_autosave_counts_as_a_change(
    council_editor, group_editor, listing
):
    client, user = council_editor
    revision = listing.save_revision(user=user)
    stale_client, _ = group_editor
    stale = open_edit_form(stale_client, listing)
    assert stale["loaded_revision_id"] == str(revision.pk)
    listing.summary = "Closed for refurbishment."
    listing.save_revision(user=user, overwrite_revision=revision)  # what the council editor's autosave does

    response = post_edit(stale_client, listing, stale, SUBMIT, summary="Books.")

    assert REFUSAL["en"] in messages_shown(stale_client, response)[0]
    assert Page.objects.get(pk=listing.pk).specific.get_latest_revision_as_object().summary == (
        "Closed for refurbishment."
    )


def test_asking_for_a_json_answer_does_not_get_round_the_check(council_editor, group_editor, listing):
    # Wagtail checks autosave's JSON requests itself, but trusts the overwrite_revision_id they send.
    client, _ = group_editor
    stale = open_edit_form(client, listing)
    corrected = publish_correction(council_editor, listing)

    response = client.post(
        f"/admin/pages/{listing.pk}/edit/",
        {**stale, **SUBMIT, "overwrite_revision_id": corrected.pk, "summary": "Books."},
        headers={"Accept": "application/json"},
    )

    assert response.status_code == 400
    assert response.json()["error_code"] == "invalid_revision"
    assert Page.objects.get(pk=listing.pk).latest_revision == corrected


def test_a_form_opened_on_the_latest_revision_is_accepted(council_editor, group_editor, listing):
    publish_correction(council_editor, listing)
    client, user = group_editor

    response = post_edit(
        client, listing, open_edit_form(client, listing), SUBMIT, summary="Open on Sundays too."
    )

    assert response.status_code == 302 and response["Location"] != f"/admin/pages/{listing.pk}/edit/"
    listing.refresh_from_db()
    assert listing.latest_revision.user == user
    assert listing.current_workflow_state.status == "in_progress"


def test_saving_twice_from_the_same_tab_is_accepted(group_editor, listing):
    client, user = group_editor
    first = open_edit_form(client, listing)
    assert post_edit(client, listing, first, SAVE, summary="First change.").status_code == 302
    second = open_edit_form(client, listing)  # Wagtail sends the editor back to the edit view
    assert second["loaded_revision_id"] != first["loaded_revision_id"]

    response = post_edit(client, listing, second, SUBMIT, summary="Second change.")

    assert "Someone else" not in messages_shown(client, response)[0]
    assert Page.objects.get(pk=listing.pk).latest_revision.user == user
    assert (
        Page.objects.get(pk=listing.pk).specific.get_latest_revision_as_object().summary == "Second change."
    )


def test_an_editors_own_newer_revision_does_not_block_their_other_tab(group_editor, listing):
    client, user = group_editor
    first_tab = open_edit_form(client, listing)
    second_tab = open_edit_form(client, listing)
    post_edit(client, listing, second_tab, SAVE, summary="From the second tab.")

    response = post_edit(client, listing, first_tab, SUBMIT, summary="From the first tab.")

    assert "Someone else" not in messages_shown(client, response)[0]
    assert (
        Page.objects.get(pk=listing.pk).specific.get_latest_revision_as_object().summary
        == "From the first tab."
    )
