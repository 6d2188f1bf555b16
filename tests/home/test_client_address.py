"""The reader's own address behind the TLS proxy, for sign-in throttling and the suggestion limit."""

import pytest
from django.test import Client, override_settings

from home.client_address import client_address

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.1"  # every request reaches the site from the proxy


@pytest.mark.parametrize(
    "proxies, forwarded_for, expected",
    [
        (0, "203.0.113.7", PROXY),  # no trusted proxy: the header is the reader's to forge
        (1, "203.0.113.7", "203.0.113.7"),
        (1, "198.51.100.1, 203.0.113.7", "203.0.113.7"),  # what the reader wrote is left of it
        (2, "198.51.100.1, 203.0.113.7, 192.0.2.10", "203.0.113.7"),
        (1, " 2001:DB8::1 ", "2001:db8::1"),
        (2, "203.0.113.7", PROXY),  # shorter than the proxies that should have added to it
        (1, "", PROXY),
        (1, "198.51.100.1, not-an-address", PROXY),
        (1, None, PROXY),
    ],
)
def test_the_address_the_outermost_trusted_proxy_saw(rf, proxies, forwarded_for, expected):
    headers = {"REMOTE_ADDR": PROXY}
    if forwarded_for is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded_for
    with override_settings(TRUSTED_PROXY_COUNT=proxies):
        assert client_address(rf.get("/", **headers)) == expected


def sign_in(username, password, address):
    """One attempt at the admin's sign-in form from ``address``, through the proxy."""
    browser = Client(enforce_csrf_checks=True, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=address)
    browser.get("/admin/login/")
    token = browser.cookies["csrftoken"].value
    return browser.post(
        "/admin/login/", {"username": username, "password": password, "csrfmiddlewaretoken": token}
    )


@pytest.fixture
def editor(django_user_model, home_pages):
    return django_user_model.objects.create_superuser("council", "c@wrexham.example", "right-password")


@override_settings(AXES_ENABLED=True, TRUSTED_PROXY_COUNT=1)
def test_failures_from_one_address_do_not_lock_the_editor_out_elsewhere(editor):
    for _attempt in range(5):
        sign_in("council", "wrong", "203.0.113.66")
    assert sign_in("council", "right-password", "203.0.113.66").status_code == 429
    assert sign_in("council", "right-password", "198.51.100.20").status_code == 302  # signed in


@override_settings(AXES_ENABLED=True, TRUSTED_PROXY_COUNT=1)
def test_one_address_trying_many_user_names_is_refused_after_twenty(editor):
    for number in range(19):
        assert sign_in(f"guess{number}", "wrong", "203.0.113.66").status_code == 200  # the form again
    assert sign_in("guess19", "wrong", "203.0.113.66").status_code == 429
    assert sign_in("council", "right-password", "203.0.113.66").status_code == 429
    assert sign_in("council", "right-password", "198.51.100.20").status_code == 302


@override_settings(AXES_ENABLED=True, TRUSTED_PROXY_COUNT=1)
def test_signing_in_does_not_clear_the_addresss_failures(editor, django_user_model):
    django_user_model.objects.create_user("intruder", "i@example.org", "own-password")
    for number in range(19):
        sign_in(f"guess{number}", "wrong", "203.0.113.66")
    assert sign_in("intruder", "own-password", "203.0.113.66").status_code == 302
    assert sign_in("guess19", "wrong", "203.0.113.66").status_code == 429
