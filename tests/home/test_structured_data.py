"""Breadcrumbs and schema.org JSON-LD on every kind of page of the demo site, in both languages."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from wagtail.models import Site

from directory.models import GroupIndexPage, GroupPage
from events.models import EventIndexPage, EventPage
from guides.models import GuideIndexPage, GuidePage
from home.breadcrumbs import page_trail
from home.models import HomePage, PortalSettings, StandardPage
from home.public_address import public_base_url
from home.templatetags import portal_tags
from home.templatetags.portal_tags import json_ld
from search.models import Topic
from stories.models import StoryIndexPage, StoryPage
from tests.helpers import parse

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "cy"]
BREADCRUMB_LABEL = {"en": "Breadcrumb", "cy": "Briwsion bara"}
HOME_LABEL = {"en": "Home", "cy": "Hafan"}
# The schema.org type each page type describes itself as, besides its BreadcrumbList.
OWN_TYPE = {
    HomePage: "WebSite", GroupPage: "NGO", EventPage: "Event", StoryPage: "Article", GuidePage: "HowTo",
}  # fmt: skip
PAGE_TYPES = [
    GroupIndexPage, GroupPage, EventIndexPage, EventPage, StoryIndexPage, StoryPage,
    GuideIndexPage, GuidePage, StandardPage,
]  # fmt: skip

# Warm query counts before breadcrumbs were added (demo site, the same pages as below; measured with
# CaptureQueriesContext after two warming requests, as ``count_queries`` does).
QUERIES_BEFORE = {(GroupPage, "en"): 14, (GroupPage, "cy"): 14, (StoryPage, "en"): 10, (StoryPage, "cy"): 11}


def json_ld_blocks(soup):
    """Every JSON-LD block of the page, parsed (a block that is not JSON fails the test)."""
    return [json.loads(script.string) for script in soup.select('script[type="application/ld+json"]')]


def by_type(blocks):
    return {block["@type"]: block for block in blocks}


def first_page(model, language):
    """The first live page of the type in the language (in tree order)."""
    return model.objects.live().filter(locale__language_code=language).order_by("path").first()


def home_url(language):
    return HomePage.objects.get(locale__language_code=language).get_full_url()


def check_breadcrumbs(soup, blocks, language, own_url, parent_links):
    """A visible trail (home first, ending at the parent) and a BreadcrumbList ending at the page."""
    nav = soup.select_one("nav.breadcrumbs")
    assert nav is not None and nav["aria-label"] == BREADCRUMB_LABEL[language]
    links = nav.select("ol > li > a")
    assert [link["href"] for link in links] == parent_links
    assert links[0].get_text() == HOME_LABEL[language]
    trail = by_type(blocks)["BreadcrumbList"]
    assert "inLanguage" not in trail  # not a BreadcrumbList property in schema.org
    items = trail["itemListElement"]
    assert [item["position"] for item in items] == list(range(1, len(items) + 1))
    assert all(item["@type"] == "ListItem" and item["name"] for item in items)
    assert items[0]["item"] == home_url(language)
    assert items[-1]["item"] == own_url
    assert [item["item"].removeprefix("http://localhost") for item in items[:-1]] == parent_links
    assert len(items) == len(links) + 1


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_page_describes_the_website_and_its_search(client, demo_content, language):
    soup = parse(client.get(f"/{language}/"))
    blocks = json_ld_blocks(soup)
    assert [block["@type"] for block in blocks] == ["WebSite"]
    website = blocks[0]
    with translation.override(language):
        site_name = PortalSettings.objects.get().name
        search_path = reverse("search")
    assert search_path == {"en": "/en/search/", "cy": "/cy/chwilio/"}[language]
    assert (website["name"], website["inLanguage"]) == (site_name, language)
    assert website["url"] == home_url(language)
    action = website["potentialAction"]
    assert action["@type"] == "SearchAction"
    assert action["target"]["urlTemplate"] == f"http://localhost{search_path}?q={{search_term_string}}"
    assert action["query-input"] == "required name=search_term_string"
    # The home page is the top of the trail: no breadcrumbs of its own.
    assert not soup.select("nav.breadcrumbs")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda model: model.__name__)
def test_every_page_type_has_breadcrumbs_and_json_ld_in_its_language(client, demo_content, model, language):
    page = first_page(model, language)
    assert page is not None, f"the demo has no {model.__name__} in {language}"
    soup = parse(client.get(page.url))
    blocks = json_ld_blocks(soup)
    expected = [OWN_TYPE[model], "BreadcrumbList"] if model in OWN_TYPE else ["BreadcrumbList"]
    # The page's own description comes first: tests and tools that read one block find it.
    assert [block["@type"] for block in blocks] == expected
    for block in blocks:
        if block["@type"] == "Event":  # the language the event is held in (see test_event_page)
            assert block["inLanguage"] == {"en": "en", "cy": "cy"}.get(page.event_language, ["cy", "en"])
        elif block["@type"] in ("BreadcrumbList", "NGO", "JobPosting"):  # no such property
            assert "inLanguage" not in block
        else:
            assert block["inLanguage"] == language, block["@type"]
    parents = page.get_ancestors().filter(depth__gte=2).order_by("depth")
    check_breadcrumbs(soup, blocks, language, page.get_full_url(), [parent.url for parent in parents])
    if model in OWN_TYPE:
        assert by_type(blocks)[OWN_TYPE[model]]["url"] == page.get_full_url()


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_guide_chapter_has_its_guide_in_the_trail(client, demo_content, language):
    chapter = GuidePage.objects.live().filter(depth=5, locale__language_code=language).first()
    soup = parse(client.get(chapter.url))
    links = [link["href"] for link in soup.select("nav.breadcrumbs a")]
    assert links == [f"/{language}/", chapter.get_parent().get_parent().url, chapter.get_parent().url]


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_and_topic_pages_share_the_breadcrumbs(client, demo_content, language):
    topic = Topic.objects.order_by("pk").first()
    with translation.override(language):
        search, topics = reverse("search"), reverse("topics")
        topic_path = reverse("topic", args=[topic.slug_cy if language == "cy" else topic.slug])
        topic_name = topic.localized_name
    home = f"/{language}/"
    for path, parent_links, current_name in (
        (f"{search}?q=library", [home], {"en": "Search", "cy": "Chwilio"}[language]),
        (topics, [home], {"en": "Topics", "cy": "Pynciau"}[language]),
        (topic_path, [home, topics], topic_name),
    ):
        soup = parse(client.get(path))
        blocks = json_ld_blocks(soup)
        assert [block["@type"] for block in blocks] == ["BreadcrumbList"]
        # The current crumb is the page's address without its query string.
        check_breadcrumbs(soup, blocks, language, "http://localhost" + path.split("?")[0], parent_links)
        assert blocks[0]["itemListElement"][-1]["name"] == current_name
        assert len(soup.select("nav.breadcrumbs")) == 1


@pytest.mark.parametrize(
    "path, trail",
    [
        ("/en/events/past/", ["/en/", "/en/events/"]),
        ("/cy/digwyddiadau/blaenorol/", ["/cy/", "/cy/digwyddiadau/"]),
        ("/en/groups/suggest/", ["/en/", "/en/groups/"]),
        ("/cy/grwpiau/awgrymu/", ["/cy/", "/cy/grwpiau/"]),
    ],
)
def test_extra_views_of_a_page_link_back_to_it(client, demo_content, path, trail):
    soup = parse(client.get(path))
    assert [link["href"] for link in soup.select("nav.breadcrumbs a")] == trail
    items = by_type(json_ld_blocks(soup))["BreadcrumbList"]["itemListElement"]
    assert [item["item"] for item in items] == ["http://localhost" + url for url in trail]


def test_breadcrumbs_follow_a_renamed_section(client, demo_content):
    group = first_page(GroupPage, "cy")
    assert parse(client.get(group.url)).select("nav.breadcrumbs a")[1].get_text() == "Grwpiau cymunedol"
    directory = group.get_parent().specific
    directory.title = "Cyfeiriadur grwpiau"
    directory.save_revision().publish()
    assert parse(client.get(group.url)).select("nav.breadcrumbs a")[1].get_text() == "Cyfeiriadur grwpiau"


def test_unpublished_sections_are_left_out_of_the_trail(client, demo_content):
    chapter = GuidePage.objects.live().filter(depth=5, locale__language_code="en").first()
    chapter.get_parent().unpublish()
    links = [link["href"] for link in parse(client.get(chapter.url)).select("nav.breadcrumbs a")]
    assert links == ["/en/", chapter.get_parent().get_parent().url]


def count_queries(client, path):
    for _warm_up in range(2):  # other apps' sections fill their caches over two requests
        assert client.get(path).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("model", [GroupPage, StoryPage], ids=lambda model: model.__name__)
def test_breadcrumbs_add_at_most_one_query(client, demo_content, model, language):
    page = first_page(model, language)
    assert count_queries(client, page.url) <= QUERIES_BEFORE[model, language] + 1


def test_a_served_page_takes_no_query_for_its_trail(client, demo_content, monkeypatch):
    """Routing left every ancestor on its child, so even a guide chapter's trail is free."""
    chapter = GuidePage.objects.live().filter(depth=5, locale__language_code="cy").first()
    with_trail = count_queries(client, chapter.url)
    monkeypatch.setattr(portal_tags, "page_trail", lambda page, request: None)
    assert count_queries(client, chapter.url) == with_trail


def test_elsewhere_the_trail_takes_one_query(demo_content, rf):
    """A page not reached by routing, its trail not yet kept, finds its ancestors in one query."""
    chapter = GuidePage.objects.live().filter(depth=5, locale__language_code="en").first()
    request = rf.get(chapter.url)
    request._wagtail_site = Site.objects.get(is_default_site=True)
    request._wagtail_cached_site_root_paths = Site.get_site_root_paths()
    public_base_url()  # cached for every request until a Site changes
    fresh = GuidePage.objects.get(pk=chapter.pk)  # no parent cached on it
    with CaptureQueriesContext(connection) as queries:
        trail = page_trail(fresh, request)
    assert len(queries) == 1
    assert [crumb.url for crumb in trail.links] == ["/en/", "/en/guides/", chapter.get_parent().url]
    assert trail.current.full_url == chapter.get_full_url()


def test_json_ld_cannot_close_its_script_element():
    block = json_ld({"name": "Caffi </script><script>alert(1)</script> & Co"})
    body = block.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert "<" not in body and ">" not in body and "&" not in body
    assert json.loads(body) == {"name": "Caffi </script><script>alert(1)</script> & Co"}


def test_a_preview_never_reads_or_keeps_the_trail(demo_content, rf):
    chapter = GuidePage.objects.live().filter(depth=5, locale__language_code="en").first()
    request = rf.get(chapter.url)
    request._wagtail_site = Site.objects.get(is_default_site=True)
    request.is_preview = True
    public_base_url()
    for _ in range(2):
        fresh = GuidePage.objects.get(pk=chapter.pk)
        with CaptureQueriesContext(connection) as queries:
            page_trail(fresh, request)
        assert len(queries) == 1  # the ancestors, read afresh each time
