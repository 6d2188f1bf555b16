import xml.etree.ElementTree as ElementTree

import pytest

pytestmark = pytest.mark.django_db

NAMESPACES = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def test_sitemap_lists_both_languages_with_alternates(client, make_group, locales):
    group = make_group("Gresford Library")
    group.save_revision().publish()
    welsh = group.copy_for_translation(locales["cy"])
    welsh.slug = "llyfrgell-gresffordd"
    welsh.save_revision().publish()
    make_group("Draft Club", live=False)

    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)
    entries = {
        url.find("s:loc", NAMESPACES).text: {link.get("hreflang"): link.get("href") for link in url.findall("x:link", NAMESPACES)}
        for url in root.findall("s:url", NAMESPACES)
    }
    english, welsh_url = "http://localhost/en/groups/gresford-library/", "http://localhost/cy/grwpiau/llyfrgell-gresffordd/"
    # Full addresses use the Site's host name, set by editors in Settings > Sites.
    assert {"http://localhost/en/", "http://localhost/cy/", english, welsh_url} <= set(entries)
    assert entries[english] == {"en": english, "cy": welsh_url}
    assert entries[welsh_url] == {"en": english, "cy": welsh_url}
    assert not any("draft-club" in location for location in entries)
    assert all(url.find("s:lastmod", NAMESPACES) is not None for url in root.findall("s:url", NAMESPACES))


def test_robots_txt_points_at_the_sitemap(client, home_pages):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()
