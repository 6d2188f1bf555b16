"""manage.py import_openreferral: a neighbour's feed (here the portal's own) as draft listings."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from directory.models import GroupPage
from openreferral import importer
from openreferral.models import ImportedListing

from .conftest import API

pytestmark = pytest.mark.django_db
FEED = "http://testserver" + API


def run(source):
    out, err = StringIO(), StringIO()
    call_command("import_openreferral", source, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def recorded_feed(client, make_service, monkeypatch):
    """The portal's own feed, two services a page, recorded from the test server; then the
    site's listings are deleted, so that the import fills an empty directory."""
    for title in ("Gresford Library Friends", "Rhos Repair Café", "Brymbo Walkers"):
        make_service(title)
    recorded = {}

    def fetch_from_test_server(url):
        path = url.removeprefix("http://testserver")
        if path not in recorded:
            response = client.get(path)
            assert response.status_code == 200, path
            recorded[path] = response.json()
        return recorded[path]

    monkeypatch.setattr(importer, "fetch_json", fetch_from_test_server)
    published = {}
    for number in (1, 2):
        page = fetch_from_test_server(importer.services_url(FEED + "?per_page=2", number))
        published.update({service["id"]: service for service in page["contents"]})
    for listing in GroupPage.objects.all():
        listing.delete()
    return published


def test_the_portals_own_feed_imports_as_the_same_services_in_drafts(recorded_feed):
    out, err = run(FEED + "?per_page=2")
    assert "created 3, updated 0, skipped 0, invalid 0" in out
    assert "page 2 of 2" in err  # the progress bar
    drafts = GroupPage.objects.all()
    assert sorted(drafts.values_list("title", flat=True)) == sorted(s["name"] for s in recorded_feed.values())
    assert not drafts.filter(live=True).exists()
    assert all(listing.get_latest_revision() is not None for listing in drafts)
    gresford = GroupPage.objects.get(title="Gresford Library Friends")
    assert (gresford.postcode, gresford.phone, gresford.meeting_times) == (
        "LL12 8NU",
        "01978 123456",
        "Tuesdays 10am to 4pm",
    )
    provenance = ImportedListing.objects.get(listing=gresford)
    assert provenance.source == FEED + "?per_page=2" and provenance.fetched_at
    assert provenance.record_id in recorded_feed

    out, _err = run(FEED + "?per_page=2")
    assert "created 0, updated 0, skipped 3, invalid 0" in out
    assert GroupPage.objects.count() == 3


def test_a_changed_record_updates_its_draft(recorded_feed, tmp_path):
    services = list(recorded_feed.values())
    feed = tmp_path / "feed.json"
    feed.write_text(json.dumps({"contents": services}))
    run(str(feed))
    services[0]["description"] = "New words"
    feed.write_text(json.dumps({"contents": services}))
    out, _err = run(str(feed))
    assert "created 0, updated 1, skipped 2, invalid 0" in out
    listing = ImportedListing.objects.get(record_id=services[0]["id"]).listing
    assert listing.get_latest_revision_as_object().summary == "New words"
    assert not listing.live


def test_bad_records_are_reported_and_the_run_goes_on(directory, tmp_path):
    feed = tmp_path / "feed.json"
    good = {"id": "a1", "name": "Good Group", "description": "Fine"}
    feed.write_text(
        json.dumps(
            [
                good,
                "text",
                {"name": "No id"},
                {"id": "b2"},
                {"id": "c3", "name": "Bad mail", "email": "not-an-address"},
            ]
        )
    )
    out, err = run(str(feed))
    assert "created 1, updated 0, skipped 0, invalid 4" in out
    assert err.count("invalid record") == 4
    assert list(GroupPage.objects.values_list("title", flat=True)) == ["Good Group"]


@pytest.mark.parametrize("content", ["{not json", '{"contents": "nope"}', "42"])
def test_a_malformed_feed_is_an_error_not_a_crash(directory, tmp_path, content):
    feed = tmp_path / "feed.json"
    feed.write_text(content)
    with pytest.raises(CommandError):
        run(str(feed))
    with pytest.raises(CommandError):
        run(str(tmp_path / "missing.json"))
