import json
from datetime import date
from xml.etree import ElementTree

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.models import PortalSettings
from stories.models import StoryIndexPage, StoryPage
from tests.helpers import image_with_alt_text, in_welsh, parse, translate

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def listed_titles(soup):
    return [link.get_text() for link in soup.select(".story-list .card__title a")]


@pytest.fixture
def gresford_library(make_group, areas, locales):
    english = make_group("Gresford Library", area=areas["gresford"])
    english.save_revision().publish()
    welsh = translate(english, locales["cy"], title="Llyfrgell Gresffordd", slug="llyfrgell-gresffordd")
    return {"en": english, "cy": welsh}


def test_editor_creates_a_story_in_the_admin_and_it_renders_in_both_languages(
    client, django_user_model, story_index, gresford_library, areas, topics, locales
):
    client.force_login(django_user_model.objects.create_superuser("editor", "editor@wrexham.example", "pw"))
    group = gresford_library["en"]
    data = nested_form_data({
        "title": "Residents save the library",
        "slug": "residents-save-the-library",
        "summary": "Neighbours took over Gresford library.",
        "topics": "Volunteering",
        "standfirst": "In 2014 the library was due to close.",
        "date": "2025-03-14",
        "author_name": "Mair Jones",
        "author_group": group.pk,
        "area": areas["gresford"].pk,
        "body": streamfield([
            ("paragraph", rich_text("<p>A hundred people came to the first meeting.</p>")),
            ("quote", {"quote": "We could not let it go.", "attribution": "Mair"}),
            ("key_facts", {"heading": "In numbers", "facts": streamfield([
                ("item", {"figure": "40", "label": "volunteers"}),
                ("item", {"figure": "12,000", "label": "books lent last year"}),
            ])}),
        ]),
        "related_groups": inline_formset([{"group": group.pk}]),
        "how_you_can_help": streamfield([
            ("call_to_action", {"heading": "How you can help", "text": "Staff the desk.", "link_page": group.pk, "link_url": "", "link_text": "Volunteer"}),
        ]),
        "featured": "on",
        "action-publish": "publish",
    })  # fmt: skip
    response = client.post(f"/admin/pages/add/stories/storypage/{story_index['en'].pk}/", data)
    assert response.status_code == 302, response.content.decode()[:3000]

    story = StoryPage.objects.get(slug="residents-save-the-library")
    assert story.live and story.featured and story.area == areas["gresford"]
    assert [link.group_id for link in story.related_groups.all()] == [group.pk]
    assert [topic.name for topic in story.topics.all()] == ["Volunteering"]

    en = parse(client.get("/en/stories/residents-save-the-library/"))
    assert en.html["lang"] == "en"
    assert en.h1.get_text() == "Residents save the library"
    assert "Story by Mair Jones, Gresford Library" in en.select_one(".story__meta").get_text()
    facts = [(item.select_one(".key-facts__figure").get_text(), item.select_one(".key-facts__label").get_text())
             for item in en.select(".key-facts li")]  # fmt: skip
    assert facts == [("40", "volunteers"), ("12,000", "books lent last year")]
    assert en.select_one(".call-to-action a")["href"] == "/en/groups/gresford-library/"
    assert en.select_one(".story-section .card__title a")["href"] == "/en/groups/gresford-library/"

    translate(
        story, locales["cy"], title="Trigolion yn achub y llyfrgell", slug="trigolion-yn-achub-y-llyfrgell",
        standfirst="Yn 2014 roedd y llyfrgell ar fin cau.", author_group=gresford_library["cy"],
    )  # fmt: skip
    cy = parse(client.get("/cy/straeon/trigolion-yn-achub-y-llyfrgell/"))
    assert cy.html["lang"] == "cy"
    assert cy.h1.get_text() == "Trigolion yn achub y llyfrgell"
    byline = in_welsh("Story by %(name)s") % {"name": "Mair Jones, Llyfrgell Gresffordd"}
    assert byline in cy.select_one(".story__meta").get_text()
    assert "Gresffordd" in cy.select_one(".story__meta").get_text()
    assert cy.select_one(".call-to-action a")["href"] == "/cy/grwpiau/llyfrgell-gresffordd/"
    assert cy.select_one(".topic-list a").get_text() == "Gwirfoddoli"
    assert (
        cy.select_one('nav.language-switcher a[hreflang="en"]')["href"]
        == "/en/stories/residents-save-the-library/"
    )


def test_only_one_story_index_per_home_page(story_index, home_pages):
    assert not StoryIndexPage.can_create_at(home_pages["en"])
    assert StoryPage.can_create_at(story_index["en"])
    assert not StoryPage.can_create_at(home_pages["en"])


@pytest.mark.parametrize("language, path, heading, count", [
    ("en", "/en/stories/", "Success stories", "2 stories"),
    ("cy", "/cy/straeon/", "Straeon llwyddiant", None),
])  # fmt: skip
def test_story_index_renders_in_both_languages_newest_first(
    client, make_story, language, path, heading, count
):
    make_story("Older", language=language, date=date(2023, 1, 5))
    make_story("Newer", language=language, date=date(2025, 6, 1))
    soup = parse(client.get(path))
    assert soup.html["lang"] == language
    assert soup.h1.get_text() == heading
    assert listed_titles(soup) == ["Newer", "Older"]
    with translation.override(language):
        expected = translation.ngettext("%(counter)s story", "%(counter)s stories", 2) % {"counter": 2}
    assert soup.select_one(".result-count").get_text().strip() == (count or expected)


def test_story_index_lists_only_its_own_language(client, make_story):
    make_story("English story")
    make_story("Stori Gymraeg", language="cy")
    assert listed_titles(parse(client.get("/en/stories/"))) == ["English story"]
    assert listed_titles(parse(client.get("/cy/straeon/"))) == ["Stori Gymraeg"]


def test_filters_by_topic_and_area_in_each_language(client, make_story, topics, areas):
    make_story("Food in Rhos", topics=[topics["food"]], area=areas["rhos"], date=date(2025, 2, 1))
    make_story("Food in Gresford", topics=[topics["food"]], area=areas["gresford"], date=date(2025, 1, 1))
    make_story("Volunteers in Rhos", topics=[topics["volunteering"]], area=areas["rhos"])
    make_story("Bwyd yn Rhos", language="cy", topics=[topics["food"]], area=areas["rhos"])
    assert listed_titles(parse(client.get("/en/stories/?topic=food"))) == ["Food in Rhos", "Food in Gresford"]
    soup = parse(client.get("/en/stories/?topic=food&area=rhos"))
    assert listed_titles(soup) == ["Food in Rhos"]
    assert soup.select_one('select[name="area"] option[selected]')["value"] == "rhos"
    assert listed_titles(parse(client.get("/cy/straeon/?topic=bwyd&area=rhos"))) == ["Bwyd yn Rhos"]
    empty = parse(client.get("/en/stories/?topic=volunteering&area=gresford"))
    assert empty.select_one(".empty-state a")["href"] == "/en/stories/"


def test_pagination_twenty_a_page_keeping_filters(client, make_story, topics):
    for number in range(45):
        make_story(f"Story {number:02d}", topics=[topics["food"]], date=date(2024, 1, 1 + number % 28))
    soup = parse(client.get("/en/stories/?topic=food"))
    assert len(listed_titles(soup)) == 20
    assert soup.select_one(".result-count").get_text().strip() == "45 stories"
    next_link = soup.select_one('.pagination a[rel="next"]')["href"]
    assert "topic=food" in next_link and "page=2" in next_link
    assert len(listed_titles(parse(client.get("/en/stories/?topic=food&page=3")))) == 5


@pytest.mark.parametrize(
    "query",
    ["topic=no-such-topic", "area=atlantis", "page=abc", "page=-1", "page=0", "page=99999999999999999999999",
     "topic=%00", "area=" + "x" * 500, "topic=&area=", "topic=food&topic=volunteering"],
)  # fmt: skip
def test_bad_filter_values_give_a_normal_page(client, make_story, topics, query):
    make_story("A story", topics=[topics["food"]])
    response = client.get(f"/en/stories/?{query}")
    assert response.status_code == 200
    assert parse(response).h1.get_text() == "Success stories"


def test_story_page_has_schema_org_article(client, make_story, gresford_library):
    image = get_image_model().objects.create(title="Library", file=get_test_image_file())
    story = make_story(
        "Library saved", author_name="Mair Jones", author_group=gresford_library["en"], hero_image=image,
        hero_alt_text="Volunteers at the desk", hero_caption="Saturday morning", date=date(2025, 3, 14),
    )  # fmt: skip
    story.save_revision().publish()
    soup = parse(client.get("/en/stories/library-saved/"))
    data = json.loads(soup.select_one('script[type="application/ld+json"]').string)
    assert data["@type"] == "Article"
    assert data["headline"] == "Library saved"
    assert data["datePublished"] == "2025-03-14"
    assert data["dateModified"]
    assert data["inLanguage"] == "en"
    assert data["author"] == {"@type": "Person", "name": "Mair Jones"}
    assert data["publisher"]["name"] == "Together in Wrexham"
    assert data["publisher"]["url"] == "http://localhost/"
    assert data["image"].endswith(".png")
    hero = soup.select_one(".story__hero img")
    assert hero["alt"] == "Volunteers at the desk"
    assert soup.select_one(".story__hero figcaption").get_text() == "Saturday morning"


def test_index_and_story_pages_advertise_their_languages_feeds(client, make_story):
    make_story("English story")
    make_story("Stori Gymraeg", language="cy")
    for path, feed in (("/en/stories/", "/en/stories/feed/"), ("/en/stories/english-story/", "/en/stories/feed/"),
                       ("/cy/straeon/", "/cy/straeon/ffrwd/"), ("/cy/straeon/stori-gymraeg/", "/cy/straeon/ffrwd/")):  # fmt: skip
        soup = parse(client.get(path))
        assert soup.select_one('link[rel="alternate"][type="application/rss+xml"]')["href"] == feed, path
        assert (
            soup.select_one('link[rel="alternate"][type="application/atom+xml"]')["href"] == feed + "atom/"
        ), path


def test_rss_feeds_hold_only_their_languages_stories(client, make_story, topics):
    make_story("Newer English story", topics=[topics["food"]], author_name="Mair", date=date(2025, 2, 1))
    make_story("Older English story", date=date(2024, 2, 1))
    make_story("Stori Gymraeg", language="cy", topics=[topics["food"]])

    english = ElementTree.fromstring(client.get("/en/stories/feed/").content).find("channel")
    assert english.findtext("language") == "en"
    assert english.findtext("title") == "Success stories – Together in Wrexham"
    assert english.findtext("description") == "What people across Wrexham have done."
    assert [item.findtext("title") for item in english.findall("item")] == [
        "Newer English story",
        "Older English story",
    ]
    newest = english.find("item")
    assert newest.findtext("link").endswith("/en/stories/newer-english-story/")
    assert newest.findtext("category") == "Food"

    welsh = ElementTree.fromstring(client.get("/cy/straeon/ffrwd/").content).find("channel")
    assert welsh.findtext("language") == "cy"
    assert welsh.findtext("title") == "Straeon llwyddiant – Gyda'n Gilydd yn Wrecsam"
    assert welsh.findtext("description") == "Beth mae pobl ar draws Wrecsam wedi'i wneud."
    assert [item.findtext("title") for item in welsh.findall("item")] == ["Stori Gymraeg"]
    assert welsh.find("item").findtext("category") == "Bwyd"


def test_atom_feeds_hold_only_their_languages_stories(client, make_story):
    make_story("English story")
    make_story("Stori Gymraeg", language="cy")
    response = client.get("/cy/straeon/ffrwd/atom/")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ElementTree.fromstring(response.content)
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "cy"
    assert feed.findtext(f"{ATOM}title") == "Straeon llwyddiant – Gyda'n Gilydd yn Wrecsam"
    assert [entry.findtext(f"{ATOM}title") for entry in feed.findall(f"{ATOM}entry")] == ["Stori Gymraeg"]


def test_group_page_lists_its_stories_in_its_language(client, make_story, gresford_library, make_group):
    other = make_group("Other Group")
    make_story("Told by the library", author_group=gresford_library["en"], date=date(2025, 1, 1))
    make_story("About the library", groups=[gresford_library["en"], other], date=date(2025, 5, 1))
    make_story("Nothing to do with it", groups=[other])
    # A Welsh story whose link was copied before the group was translated still points at
    # the English group; the Welsh group page finds it all the same.
    make_story("Stori'r llyfrgell", language="cy", groups=[gresford_library["en"]])

    en = parse(client.get("/en/groups/gresford-library/"))
    section = en.select_one(".story-section")
    assert section.h2.get_text() == "Success stories"
    assert [link.get_text() for link in section.select(".card__title a")] == [
        "About the library",
        "Told by the library",
    ]
    cy = parse(client.get("/cy/grwpiau/llyfrgell-gresffordd/"))
    assert cy.select_one(".story-section h2").get_text() == in_welsh("Success stories")
    assert [link.get_text() for link in cy.select(".story-section .card__title a")] == ["Stori'r llyfrgell"]
    assert not parse(client.get("/en/groups/other-group/")).select(
        ".story-section a[href$='told-by-the-library/']"
    )


def test_home_page_shows_the_newest_featured_story_of_its_language(client, make_story):
    make_story("Old featured", featured=True, date=date(2023, 1, 1))
    make_story("New featured", featured=True, date=date(2025, 1, 1))
    make_story("Newest but not featured", date=date(2026, 1, 1))
    make_story("Stori dan sylw", language="cy", featured=True)

    en = parse(client.get("/en/"))
    section = en.select_one(".story-section")
    assert section.h2.get_text() == "Featured story"
    assert [link.get_text() for link in section.select(".card__title a")] == ["New featured"]
    cy = parse(client.get("/cy/"))
    assert cy.select_one(".story-section h2").get_text() == in_welsh("Featured story")
    assert [link.get_text() for link in cy.select(".story-section .card__title a")] == ["Stori dan sylw"]


def test_home_page_without_a_featured_story_has_no_section(client, make_story):
    make_story("Not featured")
    assert not parse(client.get("/en/")).select(".story-section")


def count_queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def test_story_index_queries_do_not_grow_with_the_number_of_stories(client, make_story, topics, areas):
    image = get_image_model().objects.create(title="Shared picture", file=get_test_image_file())

    def add_stories(start, end):
        for number in range(start, end):
            make_story(f"Story {number:03d}", topics=[topics["food"], topics["volunteering"]], area=areas["rhos"],
                       listing_image=image, date=date(2020, 1, 1))  # fmt: skip

    paths = ["/en/stories/", "/en/stories/?topic=food&area=rhos&page=2"]

    def counts():
        """{path: (queries with no card kept, with every card kept)}."""
        found = {}
        for path in paths:
            client.get(path)  # warm the per-process caches and make the card rendition
            caches["template_fragments"].clear()
            found[path] = (count_queries(client, path), count_queries(client, path))
        return found

    add_stories(0, 25)
    at_25 = counts()
    add_stories(25, 80)
    assert counts() == at_25
    assert all(kept < cold < 15 for cold, kept in at_25.values()), at_25


def test_story_page_feed_and_group_page_query_counts(client, make_story, topics, areas, make_group, locales):
    # A real site has its settings already; making them here would renew the page-tree version
    # between the warming request and the counted one.
    PortalSettings.for_site(Site.objects.get(is_default_site=True))
    image = get_image_model().objects.create(title="Shared picture", file=get_test_image_file())
    groups = [make_group(f"Group {number}", listing_image=image) for number in range(5)]
    story = make_story(
        "Busy story", topics=list(topics.values()), area=areas["rhos"], groups=groups, hero_image=image,
        author_group=groups[0], author_name="Mair", body=[
            ("paragraph", "<p>A busy story.</p>"),
            ("image", {"image": image_with_alt_text(image, "A picture"), "caption": ""}),
            ("key_facts", {"heading": "In numbers", "facts": [{"figure": "40", "label": "volunteers"}]}),
        ], how_you_can_help=[
            ("call_to_action", {"heading": "Help", "link_page": groups[1], "link_url": "", "link_text": "Volunteer"}),
        ],
    )  # fmt: skip
    story.save_revision().publish()
    translate(story, locales["cy"], slug="stori-brysur")
    translate(groups[1], locales["cy"], slug="grwp-1")
    for path in (
        "/en/stories/busy-story/",
        "/cy/straeon/stori-brysur/",
        "/en/stories/feed/",
        "/en/groups/group-1/",
    ):
        client.get(path)  # warm the per-process caches and the page's cached content
        assert count_queries(client, path) < 15, path


def test_translators_translate_a_story_with_wagtail_localize(make_story, gresford_library, areas, locales):
    from wagtail_localize.models import TranslationSource

    image = get_image_model().objects.create(title="Library", file=get_test_image_file())
    english = gresford_library["en"]
    story = make_story(
        "Library saved", author_group=english, groups=[english], area=areas["gresford"], hero_image=image,
        hero_alt_text="Volunteers at the desk", featured=True, body=[
            ("key_facts", {"heading": "In numbers", "facts": [{"figure": "40", "label": "volunteers"}]}),
        ], how_you_can_help=[
            ("call_to_action", {"heading": "Help", "text": "Staff the desk.", "link_page": english, "link_url": "",
                                "link_text": "Volunteer"}),
        ],
    )  # fmt: skip
    story.save_revision().publish()
    source, _created = TranslationSource.get_or_create_from_instance(story)
    welsh, _created = source.create_or_update_translation(locales["cy"], fallback=True)

    welsh = StoryPage.objects.get(pk=welsh.pk)
    # Links to groups follow the group into Welsh; the picture, place, date and flag are shared.
    assert welsh.author_group_id == gresford_library["cy"].pk
    assert [link.group_id for link in welsh.related_groups.all()] == [gresford_library["cy"].pk]
    assert (welsh.hero_image, welsh.area, welsh.date, welsh.featured) == (
        image,
        areas["gresford"],
        story.date,
        True,
    )
    assert welsh.body[0].value["facts"][0]["figure"] == "40"


def test_editors_preview_a_new_story_with_its_groups(
    client, django_user_model, story_index, gresford_library
):
    client.force_login(django_user_model.objects.create_superuser("editor", "editor@wrexham.example", "pw"))
    data = nested_form_data({
        "title": "Draft story", "slug": "draft-story", "standfirst": "Not yet published.", "date": "2025-01-01",
        "body": streamfield([("paragraph", rich_text("<p>Draft.</p>"))]),
        "related_groups": inline_formset([{"group": gresford_library["en"].pk}]),
        "how_you_can_help": streamfield([]),
    })  # fmt: skip
    preview = f"/admin/pages/add/stories/storypage/{story_index['en'].pk}/preview/"
    assert client.post(preview, data).json()["is_valid"]
    soup = parse(client.get(preview))
    assert soup.h1.get_text() == "Draft story"
    assert [link.get_text() for link in soup.select(".story-section .card__title a")] == ["Gresford Library"]


@pytest.mark.parametrize("path, status", [
    ("/en/stories/feed/?page=abc", 200), ("/en/stories/feed/atom/?topic=%00", 200),
    ("/en/stories/feed/rss/", 404), ("/en/stories/no-such-story/", 404), ("/cy/straeon/ffrwd/atom/x/", 404),
])  # fmt: skip
def test_odd_addresses_give_a_feed_or_not_found(client, make_story, path, status):
    make_story("A story")
    make_story("Stori", language="cy")
    assert client.get(path).status_code == status


def test_stories_appear_in_search_and_on_their_topic_pages_in_their_language(client, make_story, topics):
    make_story(
        "Library saved", topics=[topics["volunteering"]], standfirst="Neighbours kept the library open."
    )
    make_story("Achub y llyfrgell", language="cy", topics=[topics["volunteering"]],
               standfirst="Cadwodd cymdogion y llyfrgell ar agor.")  # fmt: skip
    for path, title in (
        ("/en/search/?q=library&type=stories", "Library saved"),
        ("/en/topics/volunteering/?type=stories", "Library saved"),
        ("/cy/chwilio/?q=llyfrgell&type=stories", "Achub y llyfrgell"),
        ("/cy/pynciau/gwirfoddoli/?type=stories", "Achub y llyfrgell"),
    ):
        assert [link.get_text() for link in parse(client.get(path)).select(".search-result__title a")] == [
            title
        ], path
