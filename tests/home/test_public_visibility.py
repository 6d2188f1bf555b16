"""No public list shows what the public may not see (home.visibility).

Each section holds, beside a public page, the pages an anonymous reader must never find listed:
one behind a sign-in, one behind a password, one inside a private section, a draft, and, in
Welsh, a wagtail-localize alias (an English page synchronised into the Welsh tree, which
nobody translated). Every list, feed, calendar, search, topic page, sitemap and API answer is
asked in both languages; the public pages show (so the list really was rendered), the others
never do.
"""

from datetime import date, time, timedelta

import pytest
from django.test import Client
from django.utils import timezone
from wagtail.models import PageViewRestriction

from directory.models import GroupPage
from events.models import EventPage
from guides.models import GuideGroup, GuidePage
from home.models import HomePageFeaturedPage
from search.models import Topic
from stories.models import StoryPage, StoryRelatedGroup
from tests.conftest import all_locales, empty_section, shared_by_the_module, the_home_pages
from volunteering.models import OpportunityPage

pytestmark = pytest.mark.django_db

HIDDEN = "Qxhidden"  # in the title of every page no public list may show, in any language
ALIAS = "Qxalias"  # in the title of English pages that are public in English but only aliased in Welsh
VISIBLE = "Lantern"  # in the title of every public page, English and Welsh


def restrict(page, kind):
    if kind == "password":
        PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.PASSWORD, password="x"
        )
    else:
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)


def add_everywhere(parents, make, locales):
    """Under the English and Welsh ``parents``: a public page each, the hidden ones beside them,
    and a Welsh alias of an English page; ``make(parent, title)`` returns a live, saved page."""
    for language, parent in parents.items():
        word = "Welsh" if language == "cy" else "English"
        make(parent, f"{VISIBLE} {word} public")
        restrict(make(parent, f"{VISIBLE} {HIDDEN} {word} login"), "login")
        restrict(make(parent, f"{VISIBLE} {HIDDEN} {word} password"), "password")
        draft = make(parent, f"{VISIBLE} {HIDDEN} {word} draft")
        type(draft).objects.filter(pk=draft.pk).update(live=False)
    aliased = make(parents["en"], f"{VISIBLE} {ALIAS} English public")
    aliased.copy_for_translation(locales["cy"], alias=True)
    return aliased


@pytest.fixture(scope="module")
def hidden_site(django_db_setup, django_db_blocker):
    """Built once for the module: every test only reads it."""
    with shared_by_the_module(django_db_blocker):
        yield build_site()


@pytest.fixture
def site_with_hidden_pages(hidden_site, db):
    return hidden_site


def build_site():
    locales = all_locales()
    home_pages = the_home_pages(locales)
    directory, event_index, story_index, guide_index, volunteering_index = (
        empty_section(name, home_pages, locales)
        for name in ("directory", "event_index", "story_index", "guide_index", "volunteering_index")
    )
    food = Topic.objects.create(name="Food", slug="food", name_cy="Bwyd", slug_cy="bwyd")
    today = timezone.localdate()
    public_groups = {}

    def group(parent, title):
        page = GroupPage(title=title, summary=f"About {title}", postcode="LL11 1AY", live=True)
        page.topics.set([food])
        parent.add_child(instance=page)
        if title.endswith("public") and ALIAS not in title:
            public_groups[parent.locale.language_code] = page
        return page

    add_everywhere(directory, group, locales)
    # A whole private section: a group below a restricted group is private too.
    private_parent = GroupPage.objects.get(title=f"{VISIBLE} {HIDDEN} English login")
    child = GroupPage(title=f"{VISIBLE} {HIDDEN} English below a private page", live=True)
    child.topics.set([food])
    private_parent.add_child(instance=child)

    def event(parent, title):
        page = EventPage(
            title=title,
            summary=f"About {title}",
            live=True,
            start_date=today + timedelta(days=2),
            start_time=time(10),
            end_time=time(12),
            group=public_groups.get(parent.locale.language_code),
        )
        page.topics.set([food])
        parent.add_child(instance=page)
        return page

    add_everywhere(event_index, event, locales)

    def story(parent, title):
        page = StoryPage(
            title=title, standfirst=f"What {title} did", date=date(2024, 5, 1), live=True, featured=True
        )
        page.topics.set([food])
        page.related_groups = [StoryRelatedGroup(group=public_groups[parent.locale.language_code])]
        parent.add_child(instance=page)
        return page

    add_everywhere(story_index, story, locales)

    def guide(parent, title):
        page = GuidePage(
            title=title,
            live=True,
            steps=[("step", {"title": "First", "body": f"<p>{title}</p>", "image": None})],
        )
        page.topics.set([food])
        page.groups_that_can_help = [GuideGroup(group=public_groups[parent.locale.language_code])]
        parent.add_child(instance=page)
        return page

    add_everywhere(guide_index, guide, locales)

    def opportunity(parent, title):
        page = OpportunityPage(
            title=title, summary=f"About {title}", what_you_do=title, live=True, from_home=True,
            group=public_groups.get(parent.locale.language_code),
        )  # fmt: skip
        page.topics.set([food])
        parent.add_child(instance=page)
        return page

    add_everywhere(volunteering_index, opportunity, locales)

    for home in home_pages.values():
        for hidden in GroupPage.objects.filter(locale=home.locale, title__contains=HIDDEN):
            HomePageFeaturedPage.objects.create(home_page=home, page=hidden, locale=home.locale)
    return {"groups": public_groups}


ENGLISH_PATHS = [
    "/en/",
    "/en/groups/",
    "/en/groups/?topic=food",
    "/en/groups/?q=lantern&sort=updated",
    "/en/groups/?letter=l",
    "/en/events/",
    "/en/events/?when=week",
    "/en/events/calendar.ics",
    "/en/stories/",
    "/en/stories/feed/",
    "/en/stories/feed/atom/",
    "/en/guides/",
    "/en/volunteer/",
    "/en/volunteer/?from_home=on&topic=food",
    "/en/search/?q=lantern",
    "/en/search/?q=lantern&type=opportunities",
    "/en/search/?q=lantern&type=groups",
    "/en/topics/food/",
    "/api/openreferral/services?text=lantern",
    "/api/openreferral/service_at_locations",
]
WELSH_PATHS = [
    "/cy/",
    "/cy/grwpiau/",
    "/cy/grwpiau/?topic=bwyd",
    "/cy/digwyddiadau/",
    "/cy/digwyddiadau/calendr.ics",
    "/cy/straeon/",
    "/cy/straeon/ffrwd/",
    "/cy/canllawiau/",
    "/cy/gwirfoddoli/",
    "/cy/chwilio/?q=lantern",
    "/cy/pynciau/bwyd/",
]


def content_of(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


@pytest.mark.parametrize("path", ENGLISH_PATHS)
def test_english_lists_show_public_pages_only(site_with_hidden_pages, path):
    content = content_of(Client(), path)
    assert VISIBLE in content
    assert HIDDEN not in content


@pytest.mark.parametrize("path", WELSH_PATHS)
def test_welsh_lists_show_neither_hidden_pages_nor_aliases(site_with_hidden_pages, path):
    content = content_of(Client(), path)
    assert "Welsh public" in content  # (search marks the query word, so not the whole title)
    assert HIDDEN not in content
    assert ALIAS not in content


@pytest.mark.parametrize("language", ["en", "cy"])
def test_a_group_page_lists_only_public_events_stories_guides_and_opportunities(
    site_with_hidden_pages, language
):
    group = site_with_hidden_pages["groups"][language]
    content = content_of(Client(), group.url)
    assert f"{VISIBLE} {'Welsh' if language == 'cy' else 'English'} public" in content
    assert HIDDEN not in content
    assert language == "en" or ALIAS not in content


def test_the_sitemap_lists_neither_private_pages_nor_aliases(site_with_hidden_pages):
    client = Client()
    index = content_of(client, "/sitemap.xml")
    sections = [line.split("<loc>")[1].split("</loc>")[0] for line in index.splitlines() if "<loc>" in line]
    content = "".join(content_of(client, "/" + section.split("/", 3)[3]) for section in sections)
    english_public = GroupPage.objects.get(title=f"{VISIBLE} English public", locale__language_code="en")
    assert english_public.full_url in content
    for page in GroupPage.objects.filter(title__contains=HIDDEN):
        assert page.full_url not in content
    alias = GroupPage.objects.get(alias_of__isnull=False)
    assert alias.full_url not in content


def test_making_a_page_private_takes_it_out_of_lists_at_once(site_with_hidden_pages):
    client = Client()
    assert "Lantern English public" in content_of(client, "/en/groups/")
    public = GroupPage.objects.get(title=f"{VISIBLE} English public", locale__language_code="en")
    restrict(public, "login")
    assert "Lantern English public" not in content_of(client, "/en/groups/")
    PageViewRestriction.objects.filter(page=public).delete()
    assert "Lantern English public" in content_of(client, "/en/groups/")
