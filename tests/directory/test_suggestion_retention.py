"""Who suggested a group is kept only as long as the suggest form's privacy notice says."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from directory.models import GroupPage, GroupSuggestion
from tests.helpers import parse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "language, promise",
    [("en", "It is deleted 180 days after you send"), ("cy", "Caiff ei ddileu 180 diwrnod")],
)
def test_the_suggest_form_says_how_long_the_address_is_kept(client, directory, language, promise):
    url = {"en": "/en/groups/suggest/", "cy": "/cy/grwpiau/awgrymu/"}[language]
    assert promise in parse(client.get(url)).select_one("#privacy").get_text()


def test_without_a_chosen_notice_forms_and_footer_show_no_link(client, directory):
    soup = parse(client.get("/en/groups/suggest/"))
    assert soup.select_one("#privacy") and not soup.select_one("#privacy a")
    assert "Privacy notice" not in soup.select_one("footer").get_text()


def test_old_suggestions_are_deleted_and_the_listings_stay(make_group, settings):
    settings.SUGGESTION_RETENTION_DAYS = 180
    listing = make_group("Brymbo Knitters")
    old = GroupSuggestion.objects.create(listing=listing, submitter_email="old@example.org", language="en")
    recent = GroupSuggestion.objects.create(listing=listing, submitter_email="new@example.org", language="cy")
    GroupSuggestion.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=181))
    GroupSuggestion.objects.filter(pk=recent.pk).update(created_at=timezone.now() - timedelta(days=179))
    output = StringIO()
    call_command("delete_old_suggestions", stdout=output)
    assert list(GroupSuggestion.objects.values_list("submitter_email", flat=True)) == ["new@example.org"]
    assert GroupPage.objects.filter(pk=listing.pk).exists() and "Deleted 1" in output.getvalue()
