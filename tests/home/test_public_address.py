"""One public address: every absolute URL the site writes is the same whatever host name the
request came in by, and starts with the default Site's address or PUBLIC_BASE_URL."""

import re
from pathlib import Path

import pytest
from wagtail.models import Site

from events.models import EventPage
from stories.models import StoryPage

pytestmark = pytest.mark.django_db

# Any absolute URL naming one of the hosts the site can be reached by (or the public one).
OURS = re.compile(r"https?://(?:localhost|127\.0\.0\.1|testserver|together\.wrexham\.example)[^\s\"'<>\\]*")
ROOT = Path(__file__).resolve().parents[2]


def written_addresses(client, host):
    """Every absolute URL of ours in the sitemaps, feeds, calendars, pages' JSON-LD and the API,
    and each calendar's UIDs, as a reader at ``host`` gets them."""
    event = EventPage.objects.live().filter(locale__language_code="en").first()
    story = StoryPage.objects.live().filter(locale__language_code="en").first()
    paths = [
        "/sitemap.xml",
        "/sitemap-pages.xml",
        "/robots.txt",
        "/en/stories/feed/",
        "/en/stories/feed/atom/",
        "/cy/straeon/ffrwd/",
        "/en/events/calendar.ics",
        event.url + "event.ics",
        event.url,
        story.url,
        "/en/",
        "/en/groups/",
        "/en/search/?q=club",
        "/api/openreferral/",
        "/api/openreferral/services/",
        "/api/openreferral/service_at_locations/",
        "/api/openreferral/taxonomy_terms/",
    ]
    found = {}
    for path in paths:
        response = client.get(path, HTTP_HOST=host)
        assert response.status_code == 200, (path, host)
        text = response.content.decode()
        found[path] = sorted(set(OURS.findall(text)) | set(re.findall(r"^UID:.*$", text, re.MULTILINE)))
    return found


def test_the_same_addresses_and_uids_whichever_host_the_request_came_by(client, demo_content, settings):
    settings.PAGE_CACHE_SECONDS = 0
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "localhost", 8123
    site.save()
    by_localhost = written_addresses(client, "localhost")
    by_loopback = written_addresses(client, "127.0.0.1")
    assert by_localhost == by_loopback
    urls = [url for found in by_localhost.values() for url in found if not url.startswith("UID:")]
    assert urls and [url for url in urls if not url.startswith("http://localhost:8123/")] == []
    uids = [uid for found in by_localhost.values() for uid in found if uid.startswith("UID:")]
    assert uids and not any("@" in uid or "localhost" in uid or "127.0.0.1" in uid for uid in uids)


def test_public_base_url_wins_over_the_site(client, demo_content, settings):
    settings.PAGE_CACHE_SECONDS = 0
    settings.PUBLIC_BASE_URL = "https://together.wrexham.example"
    found = written_addresses(client, "127.0.0.1")
    urls = [url for urls in found.values() for url in urls if not url.startswith("UID:")]
    assert urls and [url for url in urls if not url.startswith("https://together.wrexham.example/")] == []


def test_a_changed_site_address_is_used_at_once(client, demo_content):
    assert 'href="http://localhost/en/' in client.get("/en/groups/").content.decode()
    site = Site.objects.get(is_default_site=True)
    site.hostname = "together.example"
    site.save()
    assert 'href="http://together.example/en/' in client.get("/en/events/").content.decode()


def test_no_absolute_url_is_built_from_a_request_or_a_sites_own_host():
    """One helper (home/public_address.py) makes them all: no copies elsewhere."""
    offenders = []
    for source in [*ROOT.glob("*/**/*.py"), *ROOT.glob("templates/**/*.html")]:
        relative = source.relative_to(ROOT)
        if relative.parts[0] in {".venv", "tests", "tools"} or "migrations" in relative.parts:
            continue
        if relative.as_posix() in {"home/public_address.py", "home/page_cache.py"}:  # the cache keys by host
            continue
        text = source.read_text()
        for pattern in (
            "get_full_url(",
            "build_absolute_uri(",
            "request.get_host",
            "WAGTAILADMIN_BASE_URL +",
        ):
            if pattern in text:
                offenders.append(f"{relative}: {pattern}")
    assert offenders == []
