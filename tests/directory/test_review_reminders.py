from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from directory.editors import ensure_group_editors

pytestmark = pytest.mark.django_db


def days_ago(days):
    return timezone.localdate() - timedelta(days=days)


@pytest.fixture
def editor_of(make_user):
    def make(listing, username, language="en"):
        return make_user(username, [ensure_group_editors(listing).group], language)

    return make


def test_editors_are_reminded_once_when_their_listing_is_due_for_review(make_group, editor_of):
    due = make_group("Old Club", last_reviewed=days_ago(370))
    fresh = make_group("Fresh Club", last_reviewed=days_ago(100))
    editor_of(due, "old-editor", language="cy")
    editor_of(fresh, "fresh-editor")

    call_command("send_review_reminders", stdout=StringIO())
    assert [message.to for message in mail.outbox] == [["old-editor@wrexham.example"]]
    assert mail.outbox[0].subject.startswith("Gwiriwch")  # in the editor's language

    call_command("send_review_reminders", stdout=StringIO())
    assert len(mail.outbox) == 1  # not again for the same review date


def test_council_dashboard_lists_stale_listings(client, make_group, django_user_model):
    make_group("Stale Club", last_reviewed=days_ago(400))
    make_group("Fresh Club", last_reviewed=days_ago(10))
    council = django_user_model.objects.create_user("council", "c@wrexham.example", "pw")
    council.groups.add(Group.objects.get(name="Council editors"))
    client.force_login(council)
    html = client.get("/admin/").content.decode()
    assert "Listings overdue for review (1)" in html
    assert "Stale Club" in html and "Fresh Club" not in html
