import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page, Revision

pytestmark = pytest.mark.django_db


def content_counts():
    return {
        "pages": Page.objects.count(),
        "live pages": Page.objects.live().count(),
        "revisions": Revision.objects.count(),
        "users": get_user_model().objects.count(),
    }


def test_demo_content_is_idempotent():
    call_command("load_demo_content", stdout=open("/dev/null", "w"))
    first = content_counts()
    call_command("load_demo_content", stdout=open("/dev/null", "w"))
    assert content_counts() == first
    assert first["pages"] > 3


def test_every_demo_page_has_a_live_welsh_translation(demo_content):
    for page in Page.objects.filter(depth__gt=1, locale__language_code="en"):
        welsh = page.get_translations().filter(locale__language_code="cy").first()
        assert welsh is not None and welsh.live, page.url_path


def test_demo_users_sign_in_with_the_demo_password(client, demo_content, monkeypatch):
    from home.demo.site import DEMO_USERS, demo_password

    for username in DEMO_USERS:
        assert client.login(username=username, password=demo_password()), username


def test_demo_password_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", "a-different-secret-42")
    call_command("load_demo_content", stdout=open("/dev/null", "w"))
    user = get_user_model().objects.get(username="council-editor")
    assert user.check_password("a-different-secret-42")
