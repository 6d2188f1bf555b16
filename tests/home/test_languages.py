"""Two languages from the first migration, and a reader can always reach the other one."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale, Page, Site

from home.models import StandardPage
from tests.helpers import parse

pytestmark = pytest.mark.django_db


def switch_link(soup, language):
    return soup.select_one(f'nav.language-switcher a[hreflang="{language}"]')


def test_migrate_alone_makes_the_site_bilingual(home_pages):
    assert set(Locale.objects.values_list("language_code", flat=True)) == {"en", "cy"}
    english, welsh = home_pages["en"], home_pages["cy"]
    assert english.translation_key == welsh.translation_key
    assert english.live and welsh.live
    assert Site.objects.get(is_default_site=True).root_page_id == english.pk
    assert not Page.objects.filter(depth=2, content_type__model="page").exists()


@pytest.mark.parametrize(
    "language, heading", [("en", "Together in Wrexham"), ("cy", "Gyda'n Gilydd yn Wrecsam")]
)
def test_home_page_renders_in_its_language(client, home_pages, language, heading):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    soup = parse(response)
    assert soup.html["lang"] == language
    assert soup.h1.get_text() == heading


@pytest.mark.parametrize(
    "accept_language, expected",
    [("cy", "/cy/"), ("cy-GB,cy;q=0.9,en;q=0.8", "/cy/"), ("en-GB", "/en/"), ("fr-FR", "/en/"), ("", "/en/")],
)
def test_root_redirects_by_accept_language(client, home_pages, accept_language, expected):
    response = client.get("/", headers={"accept-language": accept_language})
    assert response.status_code == 302
    assert response["Location"] == expected


def test_language_cookie_beats_accept_language_and_is_set_by_reading(client, home_pages):
    client.get("/cy/")  # the reader chooses Welsh by reading a Welsh page
    response = client.get("/", headers={"accept-language": "en-GB"})
    assert response["Location"] == "/cy/"


def test_untranslated_page_links_to_nearest_translated_ancestor_with_a_notice(client, home_pages):
    english_only = StandardPage(title="Councillors' surgery", slug="surgery")
    home_pages["en"].add_child(instance=english_only)
    english_only.save_revision().publish()

    soup = parse(client.get("/en/surgery/"))
    assert switch_link(soup, "cy")["href"] == "/cy/"
    notice = soup.select_one(".notice")
    assert notice["lang"] == "cy"
    assert "Nid yw'r dudalen hon ar gael yn Gymraeg eto" in notice.get_text()
    assert not soup.select('link[rel="alternate"][hreflang="cy"]')


@pytest.fixture
def section_with_a_page(home_pages, locales):
    """A section translated into Welsh and, inside it, an English page."""
    section = StandardPage(title="About the council", slug="about")
    home_pages["en"].add_child(instance=section)
    section.save_revision().publish()
    welsh_section = section.copy_for_translation(locales["cy"])
    welsh_section.title, welsh_section.slug = "Am y cyngor", "am-y-cyngor"
    welsh_section.save_revision().publish()
    page = StandardPage(title="Councillors' surgery", slug="surgery")
    section.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.mark.parametrize("kind", ["draft", "alias"])
def test_switch_never_links_to_a_draft_or_an_alias_but_to_the_live_section(
    client, section_with_a_page, locales, kind
):
    if kind == "alias":
        welsh = section_with_a_page.copy_for_translation(locales["cy"], alias=True)
    else:
        welsh = section_with_a_page.copy_for_translation(locales["cy"])
        welsh.title, welsh.slug = "Cymhorthfa'r cynghorwyr", "cymhorthfa"
        welsh.save_revision()  # never published
    assert welsh.pk

    soup = parse(client.get("/en/about/surgery/"))
    assert switch_link(soup, "cy")["href"] == "/cy/am-y-cyngor/"
    assert "Nid yw'r dudalen hon ar gael yn Gymraeg eto" in soup.select_one(".notice").get_text()
    assert not soup.select('link[rel="alternate"][hreflang="cy"]')


def test_the_switch_follows_publishing_and_unpublishing_a_translation(client, section_with_a_page, locales):
    """Each page's translations are kept with the page-tree facts, so publishing (or
    unpublishing) the Welsh page must show at once in the English page's switch."""
    assert switch_link(parse(client.get("/en/about/surgery/")), "cy")["href"] == "/cy/am-y-cyngor/"
    welsh = section_with_a_page.copy_for_translation(locales["cy"])
    welsh.title, welsh.slug = "Cymhorthfa'r cynghorwyr", "cymhorthfa"
    welsh.save_revision().publish()
    soup = parse(client.get("/en/about/surgery/"))
    assert switch_link(soup, "cy")["href"] == "/cy/am-y-cyngor/cymhorthfa/"
    assert soup.select_one('link[rel="alternate"][hreflang="cy"]')
    welsh.refresh_from_db()
    welsh.unpublish()
    assert switch_link(parse(client.get("/en/about/surgery/")), "cy")["href"] == "/cy/am-y-cyngor/"


@pytest.mark.parametrize(
    "path, heading",
    [("/en/no-such-page/", "Page not found"), ("/cy/dim-tudalen/", "Heb ddod o hyd i'r dudalen")],
)
def test_not_found_page_in_the_readers_language(client, home_pages, path, heading):
    soup = parse(client.get(path), status=404)
    assert soup.h1.get_text() == heading
    assert soup.html["lang"] == path[1:3]
    other = "cy" if path.startswith("/en/") else "en"
    assert switch_link(soup, other)["href"] == f"/{other}/"


@pytest.mark.parametrize(
    "language, heading", [("en", "Something went wrong"), ("cy", "Aeth rhywbeth o'i le")]
)
def test_server_error_page_in_the_readers_language(client, home_pages, settings, language, heading):
    from django.template.loader import render_to_string
    from django.utils import translation

    with translation.override(language):
        html = render_to_string("500.html")
    soup = BeautifulSoup(html, "html.parser")
    assert soup.html["lang"] == language
    assert soup.h1.get_text() == heading


def test_navigation_follows_publishing(client, home_pages):
    """The menu is cached, so publishing and unpublishing a section must refresh it."""
    assert not parse(client.get("/en/")).select(".site-nav a")
    section = StandardPage(title="About the council", slug="about", show_in_menus=True)
    home_pages["en"].add_child(instance=section)
    section.save_revision().publish()
    assert [a.get_text() for a in parse(client.get("/en/")).select(".site-nav a")] == ["About the council"]
    assert not parse(client.get("/cy/")).select(".site-nav a")  # English pages stay in the English menu
    section.unpublish()
    assert not parse(client.get("/en/")).select(".site-nav a")
