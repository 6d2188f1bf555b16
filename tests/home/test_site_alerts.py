"""Site alerts (home.alerts): shown at the top of the matching pages in the reader's language
while they are on, hidden by a reader without JavaScript, never kept in the page cache past
their start or end, and published by council editors only."""

from datetime import timedelta
from unittest import mock

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone
from wagtail.users.models import UserProfile

from home import page_cache
from home.alerts import SiteAlert
from tests.conftest import empty_section
from tests.helpers import parse

ENGLISH = "Rhos café is closed today: burst pipe."
WELSH = "Mae caffi Rhos ar gau heddiw: pibell wedi byrstio."


def alert(section=None, starts_in=-60, ends_in=3600, priority=SiteAlert.Priority.URGENT, **fields):
    now = timezone.now()
    return SiteAlert.objects.create(
        message_en=fields.pop("message_en", ENGLISH),
        message_cy=fields.pop("message_cy", WELSH),
        priority=priority,
        starts_at=now + timedelta(seconds=starts_in),
        ends_at=now + timedelta(seconds=ends_in),
        section=section,
        **fields,
    )


def alerts_on(client, path, **kwargs):
    return [
        banner.select_one(".site-alert__message").get_text(" ", strip=True)
        for banner in parse(client.get(path, **kwargs)).select(".site-alert")
    ]


@pytest.fixture
def sections(home_pages, locales):
    return {
        "directory": empty_section("directory", home_pages, locales),
        "events": empty_section("event_index", home_pages, locales),
    }


@pytest.mark.parametrize("language, message", [("en", ENGLISH), ("cy", WELSH)])
def test_an_alert_shows_on_every_page_in_the_readers_language(client, sections, language, message):
    alert(link_url="https://www.wrexham.gov.uk/")
    directory = sections["directory"][language]
    for path in (
        f"/{language}/",
        directory.url,
        f"/{language}/" + ("search/" if language == "en" else "chwilio/"),
    ):
        page = parse(client.get(path))
        banner = page.select_one(".site-alert--urgent")
        assert banner is not None, path
        assert message in banner.get_text(" ", strip=True)
        assert banner["role"] == "region" and page.find(id=banner["aria-labelledby"]) is not None
        assert banner.select_one("a[href='https://www.wrexham.gov.uk/']") is not None


def test_an_alert_shows_only_while_it_is_on(client, home_pages):
    alert(message_en="Soon", starts_in=600)
    alert(message_en="Over", starts_in=-7200, ends_in=-60)
    alert(message_en="Now")
    assert alerts_on(client, "/en/") == ["Now"]


def test_the_most_urgent_alert_comes_first(client, home_pages):
    alert(message_en="A road is closed", priority=SiteAlert.Priority.INFORMATION)
    alert(message_en="Flood warning", priority=SiteAlert.Priority.URGENT)
    alert(message_en="Icy paths", priority=SiteAlert.Priority.WARNING)
    assert alerts_on(client, "/en/") == ["Flood warning", "Icy paths", "A road is closed"]


def test_a_section_alert_shows_in_that_section_in_both_languages_and_nowhere_else(client, sections):
    alert(section=sections["events"]["en"])  # chosen in English, shown in the Welsh section too
    assert alerts_on(client, sections["events"]["en"].url) == [ENGLISH]
    assert alerts_on(client, sections["events"]["cy"].url) == [WELSH]
    for path in ("/en/", "/cy/", sections["directory"]["en"].url, sections["directory"]["cy"].url):
        assert alerts_on(client, path) == [], path


def test_a_reader_hides_an_alert_with_a_plain_link(client, sections):
    flood = alert(message_en="Flood warning")
    alert(message_en="Icy paths", priority=SiteAlert.Priority.WARNING)
    directory = sections["directory"]["en"].url
    hide = (
        parse(client.get(directory))
        .select_one(f"#site-alert-{flood.pk}-title")
        .find_parent(class_="site-alert")
    )
    response = client.get(hide.select_one(".site-alert__hide a")["href"])
    assert response.status_code == 302 and response["Location"] == directory
    cookie = response.cookies[page_cache.HIDDEN_ALERTS_COOKIE]
    assert cookie.value == str(flood.pk) and cookie["httponly"]
    assert alerts_on(client, directory) == ["Icy paths"]


def test_hiding_never_sends_the_reader_to_another_site(client, home_pages):
    flood = alert()
    response = client.get(f"/cy/alerts/{flood.pk}/hide/", {"next": "https://evil.example/"})
    assert response["Location"] == "/cy/"


def test_the_hidden_alerts_cookie_keeps_only_alerts_that_are_still_on(client, home_pages):
    ended = alert(starts_in=-7200, ends_in=-60)
    flood = alert()
    client.cookies[page_cache.HIDDEN_ALERTS_COOKIE] = f"{ended.pk},junk"
    response = client.get(f"/en/alerts/{flood.pk}/hide/")
    assert response.cookies[page_cache.HIDDEN_ALERTS_COOKIE].value == str(flood.pk)


@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600


def test_the_page_cache_keeps_no_page_past_the_moment_an_alert_starts_or_ends(home_pages, page_cache_on):
    client = Client(enforce_csrf_checks=True)
    client.get("/cy/")  # the site's settings are made on the first visit
    alert(ends_in=120)
    with mock.patch.object(page_cache.cache, "set", wraps=page_cache.cache.set) as stored:
        assert client.get("/en/")["X-Page-Cache"] == "miss"
    timeouts = [
        call.args[2] for call in stored.call_args_list if call.args[0].endswith(":page:testserver:/en/")
    ]
    assert timeouts and 110 <= timeouts[0] <= 120


def test_saving_an_alert_retires_every_cached_page(home_pages, page_cache_on):
    client = Client(enforce_csrf_checks=True)
    client.get("/cy/")  # the site's settings are made on the first visit
    client.get("/en/")
    assert client.get("/en/")["X-Page-Cache"] == "hit"
    alert()
    response = client.get("/en/")
    assert response["X-Page-Cache"] == "miss" and ENGLISH in response.content.decode()


def test_a_reader_who_hid_an_alert_is_never_given_the_cached_page(home_pages, page_cache_on):
    flood = alert()
    client = Client(enforce_csrf_checks=True)
    client.get("/cy/")  # the site's settings are made on the first visit
    client.get("/en/")
    assert client.get("/en/")["X-Page-Cache"] == "hit"
    client.get(f"/en/alerts/{flood.pk}/hide/")
    response = client.get("/en/")
    assert "X-Page-Cache" not in response and ENGLISH not in response.content.decode()


def test_an_alert_must_end_after_it_starts(db):
    now = timezone.now()
    with pytest.raises(ValidationError) as refused:
        SiteAlert(message_en="x", message_cy="x", starts_at=now, ends_at=now).full_clean()
    assert "ends_at" in refused.value.message_dict


@pytest.mark.parametrize("role, allowed", [("Council editors", True), ("Moderators", False)])
def test_only_council_editors_publish_alerts(django_user_model, home_pages, role, allowed):
    user = django_user_model.objects.create_user("staff", "staff@wrexham.example", "pw")
    user.groups.add(Group.objects.get(name=role))
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    form = client.get("/admin/snippets/home/sitealert/add/", follow=True)
    if not allowed:
        assert form.request["PATH_INFO"] == "/admin/" and not user.has_perm("home.add_sitealert")
        return
    token = parse(form).select_one("input[name=csrfmiddlewaretoken]")["value"]
    now = timezone.localtime()
    response = client.post(
        "/admin/snippets/home/sitealert/add/",
        {
            "csrfmiddlewaretoken": token,
            "message_en": ENGLISH,
            "message_cy": WELSH,
            "priority": "warning",
            "link_url": "",
            "starts_at": now.strftime("%Y-%m-%d %H:%M"),
            "ends_at": (now + timedelta(hours=3)).strftime("%Y-%m-%d %H:%M"),
            "section": "",
        },
    )
    assert response.status_code == 302
    assert SiteAlert.objects.get().message_cy == WELSH
    assert WELSH in Client().get("/cy/").content.decode()


def test_the_alert_form_speaks_welsh_to_a_welsh_editor(django_user_model, home_pages):
    user = django_user_model.objects.create_user("golygydd", "golygydd@wrexham.example", "pw")
    user.groups.add(Group.objects.get(name="Council editors"))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "cy"
    profile.save()
    client = Client()
    client.force_login(user)
    text = parse(client.get("/admin/snippets/home/sitealert/add/")).get_text(" ")
    assert "Neges yn Gymraeg" in text and "Yn yr adran hon yn unig" in text
