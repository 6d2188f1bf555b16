"""A mail server that is down costs the reader nothing: thanks page, one draft, an e-mail later."""

import logging
import smtplib
from io import StringIO

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.test import Client

from directory.models import GroupPage, GroupSuggestion

from .test_suggest_group import VALID, post_like_a_browser

pytestmark = pytest.mark.django_db


class UnreachableMailServer(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


def test_a_confirmation_that_cannot_be_sent_is_sent_later_in_the_readers_language(
    directory, settings, caplog, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = f"{__name__}.UnreachableMailServer"
    browser = Client(enforce_csrf_checks=True)
    url = "/cy/grwpiau/awgrymu/"
    with (
        caplog.at_level(logging.WARNING, logger="home.mail"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = post_like_a_browser(browser, url, VALID)
    assert response.status_code == 302 and response["Location"] == "/cy/grwpiau/awgrymu/diolch/"
    assert GroupPage.objects.filter(title=VALID["name"], locale__language_code="cy").count() == 1
    suggestion = GroupSuggestion.objects.get()
    assert suggestion.confirmation_sent_at is None
    (warning,) = [record for record in caplog.records if record.name == "home.mail"]
    assert warning.levelno == logging.WARNING and isinstance(warning.exc_info[1], smtplib.SMTPException)

    # It counted towards the reader's five an hour.
    statuses = [
        post_like_a_browser(browser, url, {**VALID, "name": f"Group {n}"}).status_code for n in range(5)
    ]
    assert statuses == [302] * 4 + [429]

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"  # the server is back
    call_command("send_pending_confirmations", stdout=StringIO())
    call_command("send_pending_confirmations", stdout=StringIO())  # nothing is sent twice
    confirmations = [message for message in mail.outbox if VALID["name"] in message.body]
    assert len(confirmations) == 1 and confirmations[0].to == [VALID["submitter_email"]]
    assert "Diolch" in confirmations[0].body  # in Welsh, though the command runs in English
    suggestion.refresh_from_db()
    assert suggestion.confirmation_sent_at is not None
