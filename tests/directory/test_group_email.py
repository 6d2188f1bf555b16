"""A group's e-mail address stays private unless the group chose to publish it: on its page,
in its JSON-LD, on its opportunities and in the Open Referral API. Messages reach it through
the website's form either way."""

import json

import pytest
from bs4 import BeautifulSoup

from directory.models import GroupPage
from volunteering.models import OpportunityPage

pytestmark = pytest.mark.django_db

ADDRESS = "hello@library.example"


@pytest.fixture
def library(make_group, volunteering_index):
    def make(show_email):
        group = make_group("Gresford Library", email=ADDRESS, show_email=show_email, postcode="LL12 8NU")
        group.save_revision().publish()
        opportunity = OpportunityPage(
            title="Desk volunteer", what_you_do="Staff the desk", group=group, live=True
        )
        volunteering_index["en"].add_child(instance=opportunity)
        return group

    return make


def places_showing_the_address(client, group):
    page = BeautifulSoup(client.get("/en/groups/gresford-library/").content.decode(), "html.parser")
    json_ld = json.loads(page.select_one('script[type="application/ld+json"]').string)
    service = client.get(f"/api/openreferral/services/{group.translation_key}").json()
    places = {
        "group page": ADDRESS in page.select_one("main").get_text()
        or page.select_one(f'a[href="mailto:{ADDRESS}"]'),
        "group JSON-LD": json_ld.get("email") == ADDRESS,
        "opportunity page": ADDRESS in client.get("/en/volunteer/desk-volunteer/").content.decode(),
        "Open Referral service": service.get("email") == ADDRESS,
        "Open Referral organization": service["organization"].get("email") == ADDRESS,
    }
    return {place for place, shown in places.items() if shown}


def test_an_address_the_group_keeps_private_is_shown_nowhere(client, library):
    group = library(show_email=False)
    assert places_showing_the_address(client, group) == set()
    assert "Contact this group" in client.get("/en/groups/gresford-library/").content.decode()


def test_an_address_the_group_chose_to_publish_is_shown_where_it_was(client, library):
    group = library(show_email=True)
    assert places_showing_the_address(client, group) == {
        "group page",
        "group JSON-LD",
        "Open Referral service",
        "Open Referral organization",
    }  # fmt: skip  (an opportunity page never shows it: its form reaches the group)


def test_a_new_group_keeps_its_address_private_until_it_ticks_the_box():
    assert GroupPage._meta.get_field("show_email").default is False
    assert GroupPage(email=ADDRESS).public_email == ""
