""" "I'd like to help" and "Contact this group": stored, relayed by e-mail, shown to the group's editors."""

from datetime import timedelta
from io import StringIO
from smtplib import SMTPException
from unittest import mock

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.test import Client, override_settings
from django.utils import timezone

from directory.editors import ensure_group_editors
from volunteering.admin_views import message_counts_by_group_and_month
from volunteering.messages import send_message
from volunteering.models import Message

pytestmark = pytest.mark.django_db

VALID = {"name": "Siân O'Brien", "email": "sian@example.org", "phone": "01978 000000",
         "text": "I can help on Tuesdays.", "language": "cy", "consent": "on"}  # fmt: skip


def parse(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def post_like_a_browser(client, url, data):
    """GET the form, then POST it back with the CSRF token the page and cookie gave."""
    page = client.get(url)
    assert page.status_code == 200, url
    token = parse(page).select_one('input[name="csrfmiddlewaretoken"]')["value"]
    return client.post(url, {**data, "csrfmiddlewaretoken": token})


@pytest.fixture
def coach(make_opportunity, groups, locales, translate):
    """The café (whose e-mails are in Welsh, with an address it keeps private) wants a coach."""
    cafe = groups["cafe"]
    for page in cafe.values():
        page.email_language, page.email = "cy", "cafe@example.org"
        page.save_revision().publish()
    english = make_opportunity("Junior coach", group=cafe["en"])
    translate(english, locales, "Hyfforddwr iau", "hyfforddwr-iau")
    return english


@override_settings(PAGE_CACHE_SECONDS=600)
@pytest.mark.parametrize(
    ("page_url", "form_url", "heading"),
    [
        ("/en/volunteer/junior-coach/", "/en/volunteer/junior-coach/help/", "I'd like to help"),
        ("/cy/gwirfoddoli/hyfforddwr-iau/", "/cy/gwirfoddoli/hyfforddwr-iau/helpu/", "Hoffwn i helpu"),
    ],
)
def test_id_like_to_help_reaches_the_group_in_its_language_and_the_person_in_theirs(
    coach, page_url, form_url, heading, django_capture_on_commit_callbacks
):
    for _reader in range(2):  # the second reader must not get the first one's cached form
        client = Client(enforce_csrf_checks=True)
        page = parse(client.get(page_url))
        assert page.find("a", class_="button", string=heading)["href"] == form_url
        assert "cafe@example.org" not in str(page)
        with django_capture_on_commit_callbacks(execute=True):
            response = post_like_a_browser(client, form_url, VALID)
        assert response.status_code == 302 and response["Location"] == form_url + (
            "diolch/" if "/cy/" in form_url else "thanks/"
        )
        assert client.get(response["Location"]).status_code == 200
    assert Message.objects.count() == 2
    message = Message.objects.first()
    assert message.opportunity.translation_key == coach.translation_key
    assert message.group.translation_key == coach.group.translation_key
    assert message.sent_to_group_at and message.confirmation_sent_at
    to_group, confirmation = mail.outbox[0], mail.outbox[1]
    assert to_group.to == ["cafe@example.org"] and to_group.reply_to == ["sian@example.org"]
    assert (
        "Hoffai Siân O'Brien helpu Caffi Rhos" in to_group.body and "Siân O'Brien" in to_group.body
    )  # Welsh, as the group works
    assert "Hyfforddwr iau" in to_group.subject
    assert confirmation.to == ["sian@example.org"] and confirmation.body.startswith("Helo Siân O'Brien")


def test_contact_this_group_from_its_page_goes_to_its_editors(client, groups, volunteering_index, django_user_model,
                                                             django_capture_on_commit_callbacks):  # fmt: skip
    editor = django_user_model.objects.create_user("lib", "librarian@example.org", "pw")
    editor.groups.add(ensure_group_editors(groups["library"]["en"]).group)
    section = parse(client.get("/en/groups/gresford-library/")).select_one(".contact-section")
    url = section.find("a", string="Contact this group")["href"]
    assert url == "/en/volunteer/contact/gresford-library/"
    with django_capture_on_commit_callbacks(execute=True):
        response = post_like_a_browser(client, url, {**VALID, "language": "en"})
    assert response["Location"] == "/en/volunteer/contact/gresford-library/thanks/"
    assert mail.outbox[0].to == ["librarian@example.org"]
    assert mail.outbox[0].body.startswith("Siân O'Brien has sent a message to Gresford Library.")
    assert mail.outbox[1].body.startswith("Hello Siân")
    welsh = parse(client.get(groups["library"]["cy"].url)).select_one(".contact-section a.button")
    assert welsh.get_text() == "Cysylltu â'r grŵp hwn"
    assert welsh["href"] == f"/cy/gwirfoddoli/cysylltu/{groups['library']['cy'].slug}/"


def test_errors_in_welsh_with_a_summary_and_the_privacy_notice(client, coach):
    response = client.post("/cy/gwirfoddoli/hyfforddwr-iau/helpu/", {"language": "cy"})
    assert response.status_code == 200
    soup = parse(response)
    errors = [item.get_text() for item in soup.select(".error-summary__message")]
    assert (
        "Rhowch eich enw" in errors
        and "Ticiwch y blwch i gytuno ein bod yn rhoi eich manylion i'r grŵp" in errors
    )
    assert soup.select_one("#privacy h2").get_text() == "Sut rydyn ni'n defnyddio eich manylion"
    assert "180 diwrnod" in soup.select_one("#privacy").get_text()
    assert not Message.objects.exists()


def test_bots_floods_and_links_are_refused_in_the_readers_language(client, coach):
    url = "/en/volunteer/junior-coach/help/"
    assert client.post(url, {**VALID, "homepage": "http://spam.example"}).status_code == 400
    links = client.post(url, {**VALID, "text": "http://a.example http://b.example www.c.example"})
    assert "Leave out web links" in links.content.decode()
    assert client.post(url, {**VALID, "text": "x" * 2001}).status_code == 200
    for _number in range(5):
        assert client.post(url, VALID).status_code == 302
    refused = client.post("/cy/gwirfoddoli/hyfforddwr-iau/helpu/", VALID)
    assert refused.status_code == 429
    assert "Rydych chi wedi anfon sawl neges" in refused.content.decode()
    assert Message.objects.count() == 5


def test_a_closed_opportunity_has_no_form(client, make_opportunity):
    make_opportunity("Done", is_closed=True)
    assert client.get("/en/volunteer/done/help/").status_code == 404
    assert client.get("/en/volunteer/contact/no-such-group/").status_code == 404


def test_a_mail_server_that_is_down_loses_nothing(client, coach, django_capture_on_commit_callbacks):
    with (
        mock.patch("django.core.mail.EmailMessage.send", side_effect=SMTPException("down")),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = client.post("/en/volunteer/junior-coach/help/", VALID)
    assert response.status_code == 302  # the thanks page, never an error
    message = Message.objects.get()
    assert message.sent_to_group_at is None and message.confirmation_sent_at is None
    call_command("send_pending_messages", stdout=StringIO())
    message.refresh_from_db()
    assert message.sent_to_group_at and message.confirmation_sent_at and len(mail.outbox) == 2
    call_command("send_pending_messages", stdout=StringIO())
    assert len(mail.outbox) == 2  # sent once only


def test_old_messages_are_deleted_after_the_retention_period(coach, settings):
    settings.MESSAGE_RETENTION_DAYS = 30
    old, recent = (Message.objects.create(group=coach.group, name=n, email="a@example.org", text="Hi", language="en")
                   for n in ("Old", "Recent"))  # fmt: skip
    Message.objects.filter(pk=old.pk).update(updated_at=timezone.now() - timedelta(days=31))
    Message.objects.filter(pk=recent.pk).update(updated_at=timezone.now() - timedelta(days=29))
    call_command("delete_old_messages", stdout=StringIO())
    assert list(Message.objects.values_list("name", flat=True)) == ["Recent"]


def test_each_group_sees_its_own_messages_and_the_council_sees_all(client, groups, django_user_model):
    def account(name, group):
        user = django_user_model.objects.create_user(name, f"{name}@example.org", "pw")
        user.groups.add(group)
        return user

    library_editor = account("lib", ensure_group_editors(groups["library"]["cy"]).group)
    cafe_editor = account("cafe", ensure_group_editors(groups["cafe"]["en"]).group)
    council = account("council", Group.objects.get(name="Council editors"))
    to_library = Message.objects.create(
        group=groups["library"]["cy"], name="Aled", email="a@example.org", text="Helo", language="cy"
    )
    Message.objects.create(
        group=groups["cafe"]["en"], name="Bethan", email="b@example.org", text="Hi", language="en"
    )
    url = "/admin/volunteering/messages/"

    client.force_login(library_editor)
    listing = client.get(url).content.decode()
    assert "Aled" in listing and "Bethan" not in listing
    edit = f"/admin/volunteering/messages/edit/{to_library.pk}/"
    assert client.get(edit).status_code == 200
    client.force_login(cafe_editor)
    assert client.get(edit, follow=True).status_code == 404  # another group's message
    assert "Aled" not in client.get(url).content.decode()
    client.force_login(council)
    listing = client.get(url).content.decode()
    assert "Aled" in listing and "Bethan" in listing
    assert "People who wrote to each group, by month" in listing


def test_council_counts_people_per_group_and_month_with_both_languages_as_one_group(groups):
    for page, name in ((groups["library"]["en"], "Aled"), (groups["library"]["cy"], "Bethan"),
                       (groups["cafe"]["en"], "Carys")):  # fmt: skip
        Message.objects.create(group=page, name=name, email="a@example.org", text="Hi", language="en")
    last_year = Message.objects.create(group=groups["cafe"]["cy"], name="Dai", email="d@example.org", text="Hi",
                                       language="cy")  # fmt: skip
    Message.objects.filter(pk=last_year.pk).update(created_at=timezone.now() - timedelta(days=400))
    counts = [(row["group"], row["people"]) for row in message_counts_by_group_and_month("en")]
    assert counts == [("Gresford Library", 2), ("Rhos Café", 1), ("Rhos Café", 1)]
    welsh = [(row["group"], row["people"]) for row in message_counts_by_group_and_month("cy")]
    assert welsh == [
        ("Caffi Rhos", 1),
        ("Llyfrgell Gresffordd", 2),
        ("Caffi Rhos", 1),
    ]  # by name, newest month first


@pytest.mark.parametrize(
    ("works_in", "emails_in", "opening"),
    [("cy", "en", "Siân O'Brien has sent a message to Gresford Library."),
     ("en", "cy", "Mae Siân O'Brien wedi anfon neges at Llyfrgell Gresffordd.")],
)  # fmt: skip
def test_the_group_chooses_the_language_of_its_emails(groups, works_in, emails_in, opening):
    library = groups["library"]["en"]
    library.group_language, library.email_language, library.email = (
        works_in,
        emails_in,
        "hello@library.example",
    )
    library.save_revision().publish()
    message = Message.objects.create(group=library, name="Siân O'Brien", email="sian@example.org", text="Helo",
                                     language="cy")  # fmt: skip
    send_message(message)
    to_group = mail.outbox[0]
    assert to_group.to == ["hello@library.example"] and to_group.body.startswith(opening)
    assert mail.outbox[1].body.startswith("Helo Siân")  # the resident's own choice, whatever the group's
