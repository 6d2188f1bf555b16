"""The demo opportunities: at least twenty, in both languages, with the demo groups; and the
demo's offers of help."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model

from directory.models import GroupPage
from volunteering.models import Offer, OpportunityPage

pytestmark = pytest.mark.django_db


def test_demo_has_twenty_opportunities_in_each_language_of_every_kind(demo_content):
    for language in ("en", "cy"):
        opportunities = OpportunityPage.objects.live().filter(locale__language_code=language)
        assert opportunities.count() >= 20, language
        assert not opportunities.filter(group=None).exists()
        assert len({page.group_id for page in opportunities}) >= 12
        open_ones = [page for page in opportunities if page.is_open]
        assert 2 <= len(opportunities) - len(open_ones) <= 4  # a few closed or past their closing date
        assert {page.commitment for page in open_ones} == {"one-off", "regular", "flexible"}
        assert sum(page.from_home for page in open_ones) >= 3
    welsh = OpportunityPage.objects.get(locale__language_code="cy", slug="helpwr-clwb-codio")
    assert welsh.pattern.startswith("Dydd Iau") and welsh.what_you_do.startswith("Eistedd")


def test_the_demo_listings_in_both_languages(client, demo_content):
    for path, heading in (("/en/volunteer/", "Volunteer"), ("/cy/gwirfoddoli/", "Gwirfoddoli")):
        soup = BeautifulSoup(client.get(path).content.decode(), "html.parser")
        assert soup.h1.get_text() == heading
        assert len(soup.select(".opportunity-card")) == 20  # a full first page
    welsh = BeautifulSoup(client.get("/cy/gwirfoddoli/cyfaill-ffon/").content.decode(), "html.parser")
    assert "Ffrindiau Ffôn Wrecsam" in welsh.select_one(".opportunity__group").get_text()


def test_the_demo_group_editor_may_edit_their_groups_opportunities(demo_content):
    editor = get_user_model().objects.get(username="gresford-editor")
    desk = OpportunityPage.objects.get(locale__language_code="en", slug="library-desk-volunteer")
    coach = OpportunityPage.objects.get(locale__language_code="en", slug="junior-football-coach")
    assert desk.permissions_for_user(editor).can_edit()
    assert not coach.permissions_for_user(editor).can_edit()


def test_the_demo_lists_offers_of_help_in_both_languages_and_some_group_addresses(client, demo_content):
    from_welsh = Offer.objects.listed().filter(language="cy")
    assert Offer.objects.listed().count() >= 5 and 2 <= from_welsh.count() < Offer.objects.listed().count()
    for path in ("/en/volunteer/offers/", "/cy/gwirfoddoli/cynigion/"):
        soup = BeautifulSoup(client.get(path).content.decode(), "html.parser")
        assert len(soup.select(".offer-card")) == Offer.objects.listed().count()
        assert "@example.org" not in str(soup) and "Demo resident" not in str(soup)
    published = GroupPage.objects.filter(locale__language_code="en", show_email=True)
    assert 3 <= published.count() < GroupPage.objects.filter(locale__language_code="en").count() / 2
