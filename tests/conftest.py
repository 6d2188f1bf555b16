from contextlib import contextmanager
from datetime import UTC, datetime
from io import StringIO
from unittest import mock

import pytest
from django.apps import apps
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction
from django.utils import translation
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from directory.models import Area, GroupIndexPage, GroupPage
from events.models import EventIndexPage
from guides.models import GuideIndexPage
from home.models import HomePage
from search.models import Topic
from stories.models import StoryIndexPage
from volunteering.models import VolunteeringIndexPage

# Thursday 12 November 2026, 09:30 in Wrexham (GMT): tests never depend on the day they run.
FIXED_NOW = datetime(2026, 11, 12, 9, 30, tzinfo=UTC)


@pytest.fixture
def now():
    """A fixed "now" for the code under test; set ``now.return_value`` to move it. The events
    and directory tests use it throughout (their conftest.py)."""
    with mock.patch("django.utils.timezone.now", return_value=FIXED_NOW) as patched:
        yield patched


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


def all_locales():
    return {locale.language_code: locale for locale in Locale.objects.all()}


def the_home_pages(locales):
    return {code: HomePage.objects.get(depth=2, locale=locale) for code, locale in locales.items()}


@pytest.fixture
def locales(db):
    return all_locales()


@pytest.fixture
def home_pages(locales):
    """The English and Welsh home pages that the data migration creates."""
    return the_home_pages(locales)


@contextmanager
def shared_by_the_module(django_db_blocker):
    """Database rows made once for a whole test module and rolled back after it.

    For data that takes seconds to build and that every test of a module only reads; each
    test still runs in its own savepoint (request the ``db`` fixture beside it).
    """
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            cache.clear()


def reset_sequences():
    """Each table's id sequence after its highest id. ``flush`` restarts the sequences, so rows
    put back with their old ids would otherwise collide with the next row saved (PostgreSQL)."""
    statements = connection.ops.sequence_reset_sql(no_style(), apps.get_models(include_auto_created=True))
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


@contextmanager
def committed_then_put_back(django_db_blocker):
    """Rows committed for a live server to see, then the database put back as the migrations left it.

    The live server answers from another thread (on PostgreSQL, with another connection), to
    which data inside a test's transaction is invisible. Afterwards the database is flushed and
    the migrations' rows restored, as Django's ``serialized_rollback`` does, with the sequences
    reset too.
    """
    with django_db_blocker.unblock():
        as_migrated = connection.creation.serialize_db_to_string()
        try:
            yield
        finally:
            call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
            connection.creation.deserialize_db_from_string(as_migrated)
            reset_sequences()
            cache.clear()


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker):
    """The demo content, loaded once for a whole test module and rolled back after it.

    Use it only in modules where every test reads the demo site.
    """
    with shared_by_the_module(django_db_blocker):
        call_command("load_demo_content", stdout=StringIO())
        yield


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


# Each section's listing page: the English page and the Welsh translation's title and slug.
SECTIONS = {
    "directory": (GroupIndexPage, {"title": "Community groups", "slug": "groups"},
                  {"title": "Grwpiau cymunedol", "slug": "grwpiau"}),
    "event_index": (EventIndexPage, {"title": "Events", "slug": "events"},
                    {"title": "Digwyddiadau", "slug": "digwyddiadau"}),
    "guide_index": (GuideIndexPage, {"title": "How-to guides", "slug": "guides"},
                    {"title": "Canllawiau", "slug": "canllawiau"}),
    "story_index": (StoryIndexPage,
                    {"title": "Success stories", "slug": "stories", "summary": "What people across Wrexham have done."},
                    {"title": "Straeon llwyddiant", "slug": "straeon",
                     "summary": "Beth mae pobl ar draws Wrecsam wedi'i wneud."}),
    "volunteering_index": (VolunteeringIndexPage, {"title": "Volunteer", "slug": "volunteer"},
                           {"title": "Gwirfoddoli", "slug": "gwirfoddoli"}),
}  # fmt: skip


def empty_section(name, home_pages, locales):
    """The section's English listing page and its Welsh translation, both empty."""
    model, english_fields, welsh_fields = SECTIONS[name]
    return published_in_both_languages(home_pages, locales, model(**english_fields), **welsh_fields)


@pytest.fixture
def directory(home_pages, locales):
    """The English directory and its Welsh translation, both empty."""
    return empty_section("directory", home_pages, locales)


@pytest.fixture
def event_index(home_pages, locales):
    """The English events listing and its Welsh translation, both empty."""
    return empty_section("event_index", home_pages, locales)


@pytest.fixture
def guide_index(home_pages, locales):
    """The English guide index and its Welsh translation, both empty."""
    return empty_section("guide_index", home_pages, locales)


@pytest.fixture
def story_index(home_pages, locales):
    """The English story index and its Welsh translation, both empty."""
    return empty_section("story_index", home_pages, locales)


@pytest.fixture
def volunteering_index(home_pages, locales):
    """The English volunteering listing and its Welsh translation, both empty."""
    return empty_section("volunteering_index", home_pages, locales)


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


@pytest.fixture
def make_user(django_user_model):
    """``make_user(name, groups, language="cy")``: an account in ``groups`` whose admin (and
    e-mails to it) speak ``language``; its address is ``name@wrexham.example``."""

    def make(name, groups=(), language="en", **extra):
        user = django_user_model.objects.create_user(name, f"{name}@wrexham.example", "pw", **extra)
        user.groups.add(*groups)
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
        return user

    return make
