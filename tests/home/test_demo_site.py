"""The demo site in both languages: every page reaches its translation."""

import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Locale, Page, Revision

from demo.site import DEMO_USERS, demo_password
from directory.models import GroupPage
from events.models import EventPage
from guides.models import GuidePage
from home.alerts import SiteAlert
from home.public_address import public_url
from stories.models import StoryPage
from tests.helpers import parse

pytestmark = pytest.mark.django_db


def switch_link(soup, language):
    return soup.select_one(f'nav.language-switcher a[hreflang="{language}"]')


def test_switcher_links_to_the_same_page_in_the_other_language(client, demo_content):
    soup = parse(client.get("/en/accessibility-statement/"))
    link = switch_link(soup, "cy")
    assert link["href"] == "/cy/datganiad-hygyrchedd/"
    assert link["lang"] == "cy"
    assert soup.select_one('nav.language-switcher [aria-current="true"]').get_text() == "English"
    alternates = {tag["hreflang"]: tag["href"] for tag in soup.select('link[rel="alternate"][hreflang]')}
    assert alternates == {
        "en": public_url("/en/accessibility-statement/"),  # the public address, not the request's
        "cy": public_url("/cy/datganiad-hygyrchedd/"),
    }
    assert not soup.select(".notice")


def test_every_live_page_links_to_its_translation(client, demo_content):
    """Whatever page types exist, each live page's switcher reaches its own translation."""
    pages = Page.objects.live().filter(depth__gt=1).specific()
    assert pages.count() >= 4
    for page in pages:
        soup = parse(client.get(page.url))
        for translation in page.get_translations().live():
            language = translation.locale.language_code
            assert switch_link(soup, language)["href"] == translation.url, page.url
            assert soup.html["lang"] == page.locale.language_code


def test_footer_links_to_the_accessibility_statement_in_each_language(client, demo_content):
    for language, path in (("en", "/en/accessibility-statement/"), ("cy", "/cy/datganiad-hygyrchedd/")):
        soup = parse(client.get(f"/{language}/"))
        assert soup.select_one(f"footer a[href='{path}']"), language


def test_home_page_query_count_is_small(client, demo_content, django_assert_max_num_queries):
    client.get("/en/")
    with django_assert_max_num_queries(15):
        response = client.get("/cy/")
    assert re.search(r"<html lang=\"cy\">", response.content.decode())


def content_counts():
    return {
        "pages": Page.objects.count(),
        "live pages": Page.objects.live().count(),
        "revisions": Revision.objects.count(),
        "users": get_user_model().objects.count(),
        "site alerts": SiteAlert.objects.count(),
    }


def test_demo_content_is_idempotent(demo_content):
    before = content_counts()
    call_command("load_demo_content", stdout=StringIO())
    assert content_counts() == before
    assert before["live pages"] > 70


def test_every_demo_page_has_a_live_welsh_translation(demo_content):
    english_pages = Page.objects.filter(depth__gt=1, locale__language_code="en")
    assert english_pages.count() > 35
    for page in english_pages:
        welsh = page.get_translations().filter(locale__language_code="cy").first()
        assert welsh is not None and welsh.live, page.url_path


def test_demo_directory_is_large_and_varied(demo_content):
    groups = GroupPage.objects.live()
    assert groups.filter(locale__language_code="en").count() >= 30
    assert groups.filter(locale__language_code="cy").count() >= 30
    assert groups.filter(volunteers_wanted=True).exists() and groups.filter(volunteers_wanted=False).exists()
    assert groups.values("area").distinct().count() >= 10
    assert any(group.needs_review for group in groups)


def test_demo_users_sign_in_with_the_demo_password(client, demo_content):
    for username in DEMO_USERS:
        assert client.login(username=username, password=demo_password()), username


def test_demo_password_comes_from_the_environment(demo_content, monkeypatch):
    get_user_model().objects.filter(username="council-editor").delete()
    monkeypatch.setenv("DEMO_PASSWORD", "a-different-secret-42")
    call_command("load_demo_content", stdout=StringIO())
    assert get_user_model().objects.get(username="council-editor").check_password("a-different-secret-42")


def test_scale_adds_generated_content_in_both_languages_once(demo_content):
    def generated():
        return {
            (model.__name__, language): model.objects.filter(
                locale__language_code=language, slug__regex=r"^(generated|enghraifft)-[0-9]{5}$"
            ).count()
            for model in (GroupPage, EventPage, StoryPage, GuidePage)
            for language in ("en", "cy")
        }

    call_command("load_demo_content", scale=6, stdout=StringIO())
    expected = {"GroupPage": 6, "EventPage": 2, "StoryPage": 1, "GuidePage": 1}
    assert generated() == {
        (name, language): count for name, count in expected.items() for language in ("en", "cy")
    }
    call_command("load_demo_content", scale=6, stdout=StringIO())
    assert generated() == {
        (name, language): count for name, count in expected.items() for language in ("en", "cy")
    }
    welsh_story = StoryPage.objects.get(slug="enghraifft-00000")
    assert welsh_story.live and welsh_story.get_translation(Locale.objects.get(language_code="en")).live


@pytest.mark.parametrize("language, events, message", [
    ("en", "/en/events/", "Some events before Christmas have changed their times"),
    ("cy", "/cy/digwyddiadau/", "Mae rhai digwyddiadau cyn y Nadolig wedi newid eu hamseroedd"),
])  # fmt: skip
def test_the_demo_shows_a_site_alert_on_the_events_section_only(
    client, demo_content, language, events, message
):
    assert message in parse(client.get(events)).select_one(".site-alert").get_text()
    assert parse(client.get(f"/{language}/")).select_one(".site-alert") is None
