"""``manage.py start_site``: a real site without the demo content, bilingual from the start."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client

from home.management.commands.start_site import sections

pytestmark = pytest.mark.django_db

SECTION_PATHS = ["/en/groups/", "/cy/grwpiau/", "/en/events/", "/cy/digwyddiadau/", "/en/stories/", "/cy/straeon/",
                 "/en/guides/", "/cy/canllawiau/", "/en/volunteer/", "/cy/gwirfoddoli/"]  # fmt: skip


@pytest.fixture
def first_superuser(monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_USERNAME", "council-it")
    monkeypatch.setenv("DJANGO_SUPERUSER_EMAIL", "it@wrexham.example")
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "a-long-first-password")


def test_start_site_makes_every_section_in_both_languages_and_the_first_superuser(
    first_superuser, home_pages
):
    output = StringIO()
    call_command("start_site", "--no-input", stdout=output)
    assert {model.__name__ for model in sections()} == {
        "GroupIndexPage", "EventIndexPage", "StoryIndexPage", "GuideIndexPage", "VolunteeringIndexPage",
    }  # fmt: skip
    client = Client()
    for path in SECTION_PATHS:
        assert client.get(path).status_code == 200, path
    for model in sections():
        english = model.objects.get(locale__language_code="en")
        welsh = model.objects.get(locale__language_code="cy")
        assert english.live and welsh.live and welsh.translation_key == english.translation_key
        assert (welsh.title, welsh.slug) == model.section_names["cy"]
    admin = get_user_model().objects.get(username="council-it")
    assert admin.is_superuser and admin.check_password("a-long-first-password")
    assert "The site is ready" in output.getvalue()


def test_start_site_again_changes_nothing(first_superuser, home_pages):
    call_command("start_site", "--no-input", stdout=StringIO())
    pages = {model: model.objects.count() for model in sections()}
    output = StringIO()
    call_command("start_site", "--no-input", stdout=output)
    assert {model: model.objects.count() for model in sections()} == pages
    assert get_user_model().objects.filter(is_superuser=True).count() == 1
    assert "already there" in output.getvalue()
