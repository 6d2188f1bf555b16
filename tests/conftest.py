import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from wagtail.models import Locale

from home.models import HomePage


@pytest.fixture(autouse=True)
def empty_cache():
    """Cached settings and URLs must not outlive the database rows of the test that made them."""
    cache.clear()
    yield
    cache.clear()


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
