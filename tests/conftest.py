import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.utils import translation
from wagtail.models import Locale

from directory.models import Area, GroupIndexPage, GroupPage
from events.models import EventIndexPage
from guides.models import GuideIndexPage
from home.models import HomePage
from search.models import Topic
from stories.models import StoryIndexPage


@pytest.fixture(autouse=True)
def empty_cache():
    """Cached settings and URLs must not outlive the database rows of the test that made them."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def english_to_start():
    """A request to a Welsh page leaves Welsh active in the thread; each test starts in English."""
    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture
def locales(db):
    return {locale.language_code: locale for locale in Locale.objects.all()}


@pytest.fixture
def home_pages(locales):
    """The English and Welsh home pages that the data migration creates."""
    return {code: HomePage.objects.get(depth=2, locale=locale) for code, locale in locales.items()}


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker):
    """The demo content, loaded once for a whole test module and rolled back after it.

    Loading it takes seconds, so modules whose every test reads the demo site share one load;
    each test still runs in its own savepoint. Use it only in modules where every test does.
    """
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            call_command("load_demo_content", stdout=open("/dev/null", "w"))
            yield
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            cache.clear()


@pytest.fixture
def demo_content(demo_site, db):
    """Use in tests: the demo site inside the test's own transaction."""


@pytest.fixture
def topics(db):
    return {
        "volunteering": Topic.objects.create(name="Volunteering", slug="volunteering", name_cy="Gwirfoddoli", slug_cy="gwirfoddoli"),
        "food": Topic.objects.create(name="Food", slug="food", name_cy="Bwyd", slug_cy="bwyd"),
    }  # fmt: skip


@pytest.fixture
def areas(db):
    return {
        "gresford": Area.objects.create(name="Gresford", slug="gresford", name_cy="Gresffordd", slug_cy="gresffordd"),
        "rhos": Area.objects.create(name="Rhos", slug="rhos", name_cy="Rhos", slug_cy="rhos"),
    }  # fmt: skip


def published_in_both_languages(home_pages, locales, english, **welsh_fields):
    """Publish ``english`` under the English home page, then its Welsh translation with
    ``welsh_fields``; returns both, reloaded so that tests can add children under them."""
    home_pages["en"].add_child(instance=english)
    english.save_revision().publish()
    welsh = english.copy_for_translation(locales["cy"])
    for name, value in welsh_fields.items():
        setattr(welsh, name, value)
    welsh.save_revision().publish()
    welsh.refresh_from_db()  # publishing saved the Welsh slug's address to the database
    return {"en": english, "cy": welsh}


@pytest.fixture
def directory(home_pages, locales):
    """The English directory and its Welsh translation, both empty."""
    english = GroupIndexPage(title="Community groups", slug="groups")
    return published_in_both_languages(home_pages, locales, english, title="Grwpiau cymunedol", slug="grwpiau")


@pytest.fixture
def event_index(home_pages, locales):
    """The English events listing and its Welsh translation, both empty."""
    english = EventIndexPage(title="Events", slug="events")
    return published_in_both_languages(home_pages, locales, english, title="Digwyddiadau", slug="digwyddiadau")


@pytest.fixture
def guide_index(home_pages, locales):
    """The English guide index and its Welsh translation, both empty."""
    english = GuideIndexPage(title="How-to guides", slug="guides")
    return published_in_both_languages(home_pages, locales, english, title="Canllawiau", slug="canllawiau")


@pytest.fixture
def story_index(home_pages, locales):
    """The English story index and its Welsh translation, both empty."""
    english = StoryIndexPage(title="Success stories", slug="stories", summary="What people across Wrexham have done.")
    return published_in_both_languages(
        home_pages,
        locales,
        english,
        title="Straeon llwyddiant",
        slug="straeon",
        summary="Beth mae pobl ar draws Wrecsam wedi'i wneud.",
    )


@pytest.fixture
def make_group(directory):
    """Add a live group to the directory of ``language``; returns the page."""

    def make(title, language="en", topics=(), **fields):
        fields.setdefault("summary", f"About {title}")
        fields.setdefault("live", True)
        group = GroupPage(title=title, **fields)
        group.topics.set(topics)
        directory[language].add_child(instance=group)
        return group

    return make
