import pytest
from django.core.management import call_command
from wagtail.models import Locale

from home.models import HomePage


@pytest.fixture
def locales(db):
    return {locale.language_code: locale for locale in Locale.objects.all()}


@pytest.fixture
def home_pages(locales):
    """The English and Welsh home pages that the data migration creates."""
    return {code: HomePage.objects.get(depth=2, locale=locale) for code, locale in locales.items()}


@pytest.fixture
def demo_content(db):
    call_command("load_demo_content", stdout=open("/dev/null", "w"))
