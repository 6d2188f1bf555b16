"""Security headers, sign-in throttling, document downloads and the anonymous page cache."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.files.base import ContentFile
from django.db import connection
from django.http import HttpResponse
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils.cache import patch_vary_headers
from wagtail.documents import get_document_model

from home.models import StandardPage
from home.page_cache import AnonymousPageCacheMiddleware

pytestmark = pytest.mark.django_db


def test_public_pages_send_security_headers(client, home_pages):
    response = client.get("/en/")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'self'" in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "SAMEORIGIN"


def run_with_production_settings(*args, **environment):
    env = {
        **os.environ,
        "SECRET_KEY": "production-like-" + "k" * 50,
        "ALLOWED_HOSTS": "together.example",
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        **environment,
    }
    return subprocess.run(
        [sys.executable, *args], env=env, capture_output=True, text=True, cwd=settings.BASE_DIR
    )


def test_production_settings_flag_cookies_and_pass_the_deploy_check():
    result = run_with_production_settings("manage.py", "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    printed = run_with_production_settings(
        "-c",
        "import django, json; django.setup(); from django.conf import settings as s; print(json.dumps("
        "[s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SESSION_COOKIE_NAME, s.CSRF_COOKIE_NAME, s.SECURE_HSTS_SECONDS]))",
    )
    secure_session, secure_csrf, session_name, csrf_name, hsts = json.loads(printed.stdout)
    assert secure_session and secure_csrf and hsts >= 31536000
    assert session_name.startswith("__Host-") and csrf_name.startswith("__Host-")


def test_uploads_go_to_object_storage_when_a_bucket_is_configured():
    show_storage = (
        "import django; django.setup(); from django.core.files.storage import storages; s = storages['default']; "
        "print(type(s).__name__, getattr(s, 'bucket_name', '-'), getattr(s, 'endpoint_url', '-'))"
    )
    assert run_with_production_settings("-c", show_storage).stdout.split()[0] == "FileSystemStorage"
    bucket = {"AWS_STORAGE_BUCKET_NAME": "wrexham-media", "AWS_S3_ENDPOINT_URL": "https://objects.example"}
    printed = run_with_production_settings("-c", show_storage, **bucket)
    assert printed.stdout.split() == ["S3Storage", "wrexham-media", "https://objects.example"], printed.stderr
    check = run_with_production_settings(
        "manage.py", "check", "--deploy", "--fail-level", "WARNING", **bucket
    )
    assert check.returncode == 0, check.stdout + check.stderr


def test_production_refuses_to_start_without_a_secret_key():
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        env={
            **{k: v for k, v in os.environ.items() if k != "SECRET_KEY"},
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        },
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
    )
    assert result.returncode != 0 and "SECRET_KEY" in result.stderr


@override_settings(AXES_ENABLED=True)
def test_admin_sign_in_is_throttled_after_five_failures(client, django_user_model, home_pages):
    django_user_model.objects.create_superuser("council", "c@wrexham.example", "right-password")
    for _attempt in range(4):
        response = client.post("/admin/login/", {"username": "council", "password": "wrong"})
        assert response.status_code == 200  # the form again, with an error
    assert client.post("/admin/login/", {"username": "council", "password": "wrong"}).status_code == 429
    response = client.post("/admin/login/", {"username": "council", "password": "right-password"})
    assert response.status_code == 429  # locked for the cool-off, even with the right password


def test_documents_download_as_attachments(client, home_pages, django_user_model, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    document = get_document_model().objects.create(
        title="Grant form", file=ContentFile(b"%PDF-1.4 test", name="grant.pdf")
    )
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 600


def queries_for(client, path, **kwargs):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, **kwargs)
    return response, len(queries)


def test_anonymous_pages_come_from_the_cache_until_something_is_published(client, home_pages, page_cache):
    client.get("/cy/")  # the site's settings are made on the first visit
    first, _ = queries_for(client, "/en/")
    assert first["X-Page-Cache"] == "miss"
    second, count = queries_for(client, "/en/")
    assert second["X-Page-Cache"] == "hit" and count == 0
    assert second.content == first.content

    welsh_page = StandardPage(title="Newyddion", slug="newyddion", show_in_menus=True)
    home_pages["cy"].add_child(instance=welsh_page)
    welsh_page.save_revision().publish()  # a Welsh publish refreshes English pages too
    third, _ = queries_for(client, "/en/")
    assert third["X-Page-Cache"] == "miss"
    assert "Newyddion" in client.get("/cy/").content.decode()


def test_editors_and_previews_are_never_cached(client, home_pages, page_cache, django_user_model):
    client.get("/en/")
    client.force_login(django_user_model.objects.create_superuser("editor", "e@wrexham.example", "pw"))
    response = client.get("/en/")
    assert "X-Page-Cache" not in response
    preview = client.get(f"/admin/pages/{home_pages['en'].pk}/edit/preview/")
    assert "X-Page-Cache" not in preview


def test_pages_that_vary_with_the_readers_cookies_are_never_cached(rf, page_cache):
    def page_for_this_reader(request):
        response = HttpResponse("Hello again")
        patch_vary_headers(response, ["Cookie"])
        return response

    middleware = AnonymousPageCacheMiddleware(page_for_this_reader)
    for _visit in range(2):
        request = rf.get("/en/welcome-back/")
        request.user = AnonymousUser()
        assert "X-Page-Cache" not in middleware(request)


SHOW_MAIL_SERVER = (
    "import django, json; django.setup(); from django.conf import settings as s; print(json.dumps([s.EMAIL_BACKEND, "
    "s.EMAIL_HOST, s.EMAIL_PORT, s.EMAIL_HOST_USER, s.EMAIL_HOST_PASSWORD, s.EMAIL_USE_TLS, s.EMAIL_USE_SSL]))"
)


@pytest.mark.parametrize(
    "environment, expected",
    [
        (
            {"EMAIL_URL": "smtp+tls://together%40wrexham.example:p%40ss%3Aw%2Frd@mail.example:2587"},
            ["mail.example", 2587, "together@wrexham.example", "p@ss:w/rd", True, False],
        ),
        ({"EMAIL_URL": "smtps://together:secret@mail.example"}, ["mail.example", 465, "together", "secret", False, True]),
        ({"EMAIL_URL": "smtp://relay.internal"}, ["relay.internal", 25, "", "", False, False]),
        (
            {"EMAIL_HOST": "mail.example", "EMAIL_PORT": "587", "EMAIL_HOST_USER": "together",
             "EMAIL_HOST_PASSWORD": "secret", "EMAIL_USE_TLS": "true"},
            ["mail.example", 587, "together", "secret", True, False],
        ),
    ],
)  # fmt: skip
def test_production_reads_the_mail_server_from_the_environment(environment, expected):
    printed = run_with_production_settings("-c", SHOW_MAIL_SERVER, **{"EMAIL_URL": "", **environment})
    assert printed.returncode == 0, printed.stderr
    assert json.loads(printed.stdout) == ["django.core.mail.backends.smtp.EmailBackend", *expected]


def test_production_refuses_a_mail_password_sent_in_the_clear():
    printed = run_with_production_settings(
        "-c", SHOW_MAIL_SERVER, EMAIL_URL="smtp://together:secret@mail.example:587"
    )
    assert printed.returncode != 0 and "smtp+tls://" in printed.stderr
