import xml.etree.ElementTree as ElementTree

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.sitemap import BilingualSitemap

pytestmark = pytest.mark.django_db

NAMESPACES = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def test_sitemap_lists_both_languages_with_alternates(client, make_group, locales):
    group = make_group("Gresford Library")
    group.save_revision().publish()
    welsh = group.copy_for_translation(locales["cy"])
    welsh.slug = "llyfrgell-gresffordd"
    welsh.save_revision().publish()
    make_group("Draft Club", live=False)

    index = ElementTree.fromstring(client.get("/sitemap.xml").content)
    files = [location.text for location in index.findall("s:sitemap/s:loc", NAMESPACES)]
    assert files == ["http://localhost/sitemap-pages.xml"]  # the public address, not the request's host
    response = client.get("/sitemap-pages.xml")
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)
    entries = {
        url.find("s:loc", NAMESPACES).text: {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", NAMESPACES)
        }
        for url in root.findall("s:url", NAMESPACES)
    }
    english, welsh_url = (
        "http://localhost/en/groups/gresford-library/",
        "http://localhost/cy/grwpiau/llyfrgell-gresffordd/",
    )
    # Full addresses use the Site's host name, set by editors in Settings > Sites.
    assert {"http://localhost/en/", "http://localhost/cy/", english, welsh_url} <= set(entries)
    assert entries[english] == {"en": english, "cy": welsh_url}
    assert entries[welsh_url] == {"en": english, "cy": welsh_url}
    assert not any("draft-club" in location for location in entries)
    assert all(url.find("s:lastmod", NAMESPACES) is not None for url in root.findall("s:url", NAMESPACES))


def test_a_large_site_is_split_into_sitemap_files_each_with_the_same_few_queries(
    client, make_group, settings, monkeypatch
):
    settings.PAGE_CACHE_SECONDS = 0
    monkeypatch.setattr(BilingualSitemap, "limit", 5)
    for number in range(12):
        make_group(f"Group {number}")
    index = ElementTree.fromstring(client.get("/sitemap.xml").content)
    files = [
        location.text.removeprefix("http://localhost")
        for location in index.findall("s:sitemap/s:loc", NAMESPACES)
    ]
    assert files == ["/sitemap-pages.xml", *(f"/sitemap-pages.xml?p={number}" for number in (2, 3, 4))]
    listed, queries = [], []
    for path in files:
        client.get(path)  # warm the per-request caches' shared parts (site root paths)
        with CaptureQueriesContext(connection) as captured:
            root = ElementTree.fromstring(client.get(path).content)
        listed += [url.find("s:loc", NAMESPACES).text for url in root.findall("s:url", NAMESPACES)]
        queries.append(len(captured))
    assert len(listed) == len(set(listed)) == 16  # two home pages, two directories and 12 groups
    assert len(set(queries)) == 1 and queries[0] <= 8, queries


def test_robots_txt_points_at_the_sitemap(client, home_pages):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://localhost/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()
