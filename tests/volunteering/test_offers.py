""" "Offers of help": a resident offers something without a group in mind; council editors
approve it; the list shows it without the resident's name or address; a group's editors
answer it through the site's relay, and the resident decides whether to reply."""

from datetime import timedelta
from io import StringIO
from smtplib import SMTPException
from unittest import mock

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.test import Client, override_settings
from django.utils import timezone

from directory.editors import ensure_group_editors
from volunteering.models import Offer, OfferReply, OfferStatus

from .test_messages import parse, post_like_a_browser

pytestmark = pytest.mark.django_db

OFFER = {"what": "I can drive a minibus on Saturdays.", "when": "Saturday mornings", "name": "Gareth Price",
         "email": "gareth@example.org", "language": "cy", "consent": "on"}  # fmt: skip
FORM = {"en": "/en/volunteer/offers/new/", "cy": "/cy/gwirfoddoli/cynigion/newydd/"}
LIST = {"en": "/en/volunteer/offers/", "cy": "/cy/gwirfoddoli/cynigion/"}


def make_offer(
    what="We have a room free on Tuesday evenings.", status=OfferStatus.APPROVED, days_ago=0, **fields
):
    fields = {"name": "Resident", "email": "resident@example.org", "language": "en", **fields}
    offer = Offer.objects.create(what=what, status=status, **fields)
    if days_ago:
        Offer.objects.filter(pk=offer.pk).update(created_at=timezone.now() - timedelta(days=days_ago))
    return offer


def listed(client, language="en"):
    return [
        card.select_one(".offer-card__what").get_text()
        for card in parse(client.get(LIST[language])).select(".offer-card")
    ]


@override_settings(PAGE_CACHE_SECONDS=600)
@pytest.mark.parametrize("language", ["en", "cy"])
def test_an_offer_waits_for_moderation_then_is_listed_without_who_made_it(
    volunteering_index, areas, language, django_capture_on_commit_callbacks
):
    client = Client(enforce_csrf_checks=True)
    assert listed(client, language) == []
    with django_capture_on_commit_callbacks(execute=True):
        response = post_like_a_browser(client, FORM[language], {**OFFER, "area": areas["rhos"].pk})
    thanks = FORM[language] + ("thanks/" if language == "en" else "diolch/")
    assert response.status_code == 302 and response["Location"] == thanks
    assert client.get(thanks).status_code == 200
    offer = Offer.objects.get()
    assert offer.status == OfferStatus.NEW and offer.confirmation_sent_at
    confirmation = mail.outbox[0]
    assert confirmation.to == ["gareth@example.org"] and confirmation.body.startswith("Helo Gareth Price")
    assert listed(client, language) == []  # not before a council editor approves it

    offer.status = OfferStatus.APPROVED
    offer.save()  # retires the cached list
    for reader in (client, Client(enforce_csrf_checks=True)):
        page = parse(reader.get(LIST[language]))
        assert [card.get_text() for card in page.select(".offer-card__what")] == [OFFER["what"]]
        assert areas["rhos"].localized_name in page.select_one(".offer-card__meta").get_text()
        assert "Gareth" not in str(page) and "gareth@example.org" not in str(page)


def test_the_list_shows_approved_offers_that_have_not_expired_newest_first(
    client, volunteering_index, settings
):
    settings.OFFER_EXPIRY_DAYS = 90
    make_offer("Older offer", days_ago=10)
    make_offer("Newer offer")
    make_offer("Not yet checked", status=OfferStatus.NEW)
    make_offer("Declined offer", status=OfferStatus.DECLINED)
    make_offer("Expired by its status", status=OfferStatus.EXPIRED)
    make_offer("Past 90 days but not yet marked", days_ago=91)
    assert listed(client) == ["Newer offer", "Older offer"]
    assert listed(client, "cy") == ["Newer offer", "Older offer"]


def test_errors_in_welsh_with_a_summary_and_the_privacy_notice(client, volunteering_index):
    response = client.post(FORM["cy"], {"language": "cy"})
    assert response.status_code == 200
    soup = parse(response)
    assert soup.title.get_text().startswith("Gwall")
    errors = [item.get_text() for item in soup.select(".error-summary__message")]
    assert errors == ["Rhowch eich enw", "Rhowch eich cyfeiriad e-bost",
                      "Ticiwch y blwch i gytuno â sut rydyn ni'n defnyddio eich cynnig",
                      "Dywedwch beth allwch chi ei gynnig"]  # fmt: skip
    privacy = soup.select_one("#privacy").get_text()
    assert "90 diwrnod" in privacy and "180 diwrnod" in privacy
    assert not Offer.objects.exists()


def test_bots_floods_and_links_are_refused_as_on_the_message_form(client, volunteering_index):
    url = FORM["en"]
    assert client.post(url, {**OFFER, "homepage": "http://spam.example"}).status_code == 400
    links = client.post(url, {**OFFER, "what": "http://a.example http://b.example www.c.example"})
    assert "Leave out web links" in links.content.decode()
    assert client.post(url, {**OFFER, "what": "x" * 1001}).status_code == 200
    for _number in range(5):
        assert client.post(url, OFFER).status_code == 302
    refused = client.post(FORM["cy"], OFFER)
    assert refused.status_code == 429
    assert "Rydych chi wedi anfon sawl neges" in refused.content.decode()
    assert Offer.objects.count() == 5


def test_the_form_in_the_other_languages_words_moves_to_its_own(client, volunteering_index):
    assert client.get("/cy/gwirfoddoli/offers/new/")["Location"] == FORM["cy"]
    assert client.get("/en/volunteer/cynigion/")["Location"] == LIST["en"]


def test_offers_expire_and_are_deleted_after_the_retention_period(volunteering_index, settings):
    settings.OFFER_EXPIRY_DAYS, settings.MESSAGE_RETENTION_DAYS = 90, 180
    for what, status, days_ago in (
        ("Fresh", "approved", 0),
        ("Expiring", "approved", 91),
        ("Declined", "declined", 0),
    ):
        make_offer(what, status=status, days_ago=days_ago)
    old = make_offer("Old")
    Offer.objects.filter(pk=old.pk).update(updated_at=timezone.now() - timedelta(days=181))
    call_command("delete_old_messages", stdout=StringIO())
    statuses = dict(Offer.objects.values_list("what", "status"))
    assert statuses == {"Fresh": "approved", "Expiring": "expired", "Declined": "declined"}


@pytest.fixture
def editors(groups, django_user_model):
    def account(name, *django_groups):
        user = django_user_model.objects.create_user(name, f"{name}@example.org", "pw")
        user.groups.add(*django_groups)
        return user

    return {
        "library": account("lib", ensure_group_editors(groups["library"]["en"]).group),
        "council": account("council", Group.objects.get(name="Council editors")),
        "moderator": account("moderator", Group.objects.get(name="Moderators")),
    }


@pytest.mark.parametrize(("language", "greeting"), [("cy", "Mae Llyfrgell Gresffordd wedi ateb"),
                                                    ("en", "Gresford Library has answered")])  # fmt: skip
def test_a_group_editor_answers_an_offer_without_seeing_who_made_it(
    client, groups, editors, volunteering_index, language, greeting, django_capture_on_commit_callbacks
):
    for page in groups["library"].values():
        page.email = "hello@library.example"
        page.save_revision().publish()
    offer = make_offer(language=language, name="Gareth Price", email="gareth@example.org")
    answer_url = parse(client.get(LIST["en"])).select_one(".offer-card__answer a")["href"]
    assert answer_url == f"/admin/volunteering/answer-offer/{offer.pk}/"
    client.force_login(editors["library"])
    screen = client.get(answer_url).content.decode()
    assert offer.what in screen and "Gareth" not in screen and "gareth@example.org" not in screen
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(answer_url, {"group": groups["library"]["en"].pk, "text": "Come and see us."})
    assert response.status_code == 302
    reply = OfferReply.objects.get()
    assert reply.offer == offer and reply.sent_at
    email = mail.outbox[0]
    assert email.to == ["gareth@example.org"]
    assert email.reply_to == ["hello@library.example", "lib@example.org"]  # the group answers them
    assert email.body.startswith(greeting) and "Come and see us." in email.body


def test_only_group_editors_answer_and_only_approved_offers(client, editors, volunteering_index):
    offer, waiting = make_offer(), make_offer(status=OfferStatus.NEW)
    url = f"/admin/volunteering/answer-offer/{offer.pk}/"
    assert client.get(url)["Location"].startswith("/admin/login/")
    for role in ("council", "moderator"):  # no group of their own to answer for
        client.force_login(editors[role])
        assert client.get(url, follow=True).request["PATH_INFO"] == "/admin/"
    client.force_login(editors["library"])
    assert client.get(url).status_code == 200
    assert client.get(f"/admin/volunteering/answer-offer/{waiting.pk}/", follow=True).status_code == 404
    assert client.post(url, {"group": 999999, "text": "Hi"}).status_code == 200  # not their group
    assert not OfferReply.objects.exists()


def test_council_editors_moderate_offers_and_nobody_else_sees_who_made_them(
    client, editors, volunteering_index
):
    offer = make_offer(name="Gareth Price", status=OfferStatus.NEW)
    edit = f"/admin/volunteering/offers/edit/{offer.pk}/"
    client.force_login(editors["council"])
    assert "Gareth Price" in client.get(edit).content.decode()
    assert client.get("/admin/volunteering/offers/").status_code == 200
    for role in ("library", "moderator"):
        client.force_login(editors[role])
        for url in (edit, "/admin/volunteering/offers/"):
            response = client.get(url, follow=True)
            assert "Gareth Price" not in response.content.decode()
            assert response.request["PATH_INFO"] == "/admin/"


def test_a_mail_server_that_is_down_loses_no_answer(client, groups, editors, volunteering_index,
                                                    django_capture_on_commit_callbacks):  # fmt: skip
    offer = make_offer()
    client.force_login(editors["library"])
    with (
        mock.patch("django.core.mail.EmailMessage.send", side_effect=SMTPException("down")),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = client.post(f"/admin/volunteering/answer-offer/{offer.pk}/",
                               {"group": groups["library"]["en"].pk, "text": "Hello"})  # fmt: skip
    assert response.status_code == 302
    assert OfferReply.objects.get().sent_at is None and Offer.objects.get().confirmation_sent_at is None
    call_command("send_pending_messages", stdout=StringIO())
    assert OfferReply.objects.get().sent_at and Offer.objects.get().confirmation_sent_at
    assert len(mail.outbox) == 2  # the answer, and the offer's confirmation that was never sent
    call_command("send_pending_messages", stdout=StringIO())
    assert len(mail.outbox) == 2


@pytest.mark.parametrize("number", [30, 300])
def test_the_list_costs_the_same_queries_at_any_size(client, volunteering_index, areas, number,
                                                      django_assert_max_num_queries):  # fmt: skip
    area_list = list(areas.values())
    Offer.objects.bulk_create(
        Offer(what=f"Offer {n}", area=area_list[n % len(area_list)], name="R", email="r@example.org",
              language="en", status=OfferStatus.APPROVED)
        for n in range(number)
    )  # fmt: skip
    client.get(LIST["en"])  # the site's own lookups (menus, settings) once, as a warm server has them
    with django_assert_max_num_queries(15) as captured:
        response = client.get(LIST["cy"] + "?page=2")
    assert len(parse(response).select(".offer-card")) == min(20, number - 20)
    QUERIES[number] = len(captured)
    print(f"offers list, page 2 of {number} offers: {len(captured)} queries")
    if len(QUERIES) == 2:
        assert QUERIES[30] == QUERIES[300]


QUERIES = {}
