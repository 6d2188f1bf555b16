"""The council's queue of problem reports, replies in the reporter's language, the group
editors' dashboard panel, and the retry and retention commands."""

from datetime import timedelta
from io import StringIO
from smtplib import SMTPException
from unittest import mock

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from directory.editors import ensure_group_editors
from reports.models import ListingReport
from tests.helpers import parse

pytestmark = pytest.mark.django_db


@pytest.fixture
def accounts(groups, django_user_model):
    def account(name, group):
        user = django_user_model.objects.create_user(name, f"{name}@example.org", "pw")
        user.groups.add(group)
        return user

    return {
        "library_editor": account("lib", ensure_group_editors(groups["library"]["cy"]).group),
        "cafe_editor": account("cafe", ensure_group_editors(groups["cafe"]["en"]).group),
        "council": account("council", Group.objects.get(name="Council editors")),
    }


@pytest.fixture
def reports(groups):
    library, cafe = groups["library"]["cy"], groups["cafe"]["en"]
    return {
        "library": ListingReport.objects.create(
            page=library, group=library, kind="closed", details="Ar gau ers mis Medi.",
            email="aled@example.org", language="cy",
        ),
        "cafe": ListingReport.objects.create(
            page=cafe, group=cafe, kind="contact", details="The phone number is wrong.", email="bethan@example.org"
        ),
    }  # fmt: skip


def signed_in(user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def save_report(client, report, **fields):
    """Fill in the admin's edit form of ``report`` as a council editor would, and save it."""
    url = f"/admin/listing-reports/edit/{report.pk}/"
    form = parse(client.get(url)).find("form", action=url)
    token = form.find("input", attrs={"name": "csrfmiddlewaretoken"})["value"]
    data = {"csrfmiddlewaretoken": token, "state": report.state, "council_note": "", "reply": "", **fields}
    return client.post(url, data)


def test_the_council_sees_every_report_and_filters_by_state(accounts, reports):
    client = signed_in(accounts["council"])
    listing = client.get("/admin/listing-reports/").content.decode()
    assert "Llyfrgell Gresffordd" in listing and "Rhos Café" in listing
    ListingReport.objects.filter(pk=reports["cafe"].pk).update(state="fixed")
    new_only = client.get("/admin/listing-reports/?state=new").content.decode()
    assert "Llyfrgell Gresffordd" in new_only and "Rhos Café" not in new_only


def test_a_reply_goes_once_in_the_reporters_language(accounts, reports, django_capture_on_commit_callbacks):
    client = signed_in(accounts["council"])
    report = reports["library"]
    with django_capture_on_commit_callbacks(execute=True):
        response = save_report(
            client,
            report,
            state="fixed",
            council_note="Checked by phone.",
            reply="Diolch, rydyn ni wedi ei gywiro.",
        )
    assert response.status_code == 302
    report.refresh_from_db()
    assert (report.state, report.council_note) == ("fixed", "Checked by phone.") and report.reply_sent_at
    (reply,) = mail.outbox
    assert reply.to == ["aled@example.org"]
    assert reply.subject == "Eich adroddiad am “Llyfrgell Gresffordd”"
    assert reply.body.startswith("Helo,\n\nDiolch am roi gwybod i ni am broblem gyda “Llyfrgell Gresffordd”.")
    assert "Diolch, rydyn ni wedi ei gywiro." in reply.body
    with django_capture_on_commit_callbacks(execute=True):
        save_report(client, report, state="fixed", reply="Diolch, rydyn ni wedi ei gywiro.")
    assert len(mail.outbox) == 1  # sent once only


def test_a_reply_to_a_report_without_an_address_sends_nothing(
    accounts, reports, django_capture_on_commit_callbacks
):
    ListingReport.objects.filter(pk=reports["cafe"].pk).update(email="")
    reports["cafe"].refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        assert save_report(signed_in(accounts["council"]), reports["cafe"], reply="Thanks").status_code == 302
    assert not mail.outbox


def test_a_mail_server_that_is_down_loses_no_reply(accounts, reports, django_capture_on_commit_callbacks):
    client = signed_in(accounts["council"])
    with (
        mock.patch("django.core.mail.EmailMessage.send", side_effect=SMTPException("down")),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = save_report(client, reports["cafe"], state="in-hand", reply="We are checking it.")
    assert response.status_code == 302  # saved, never an error
    report = ListingReport.objects.get(pk=reports["cafe"].pk)
    assert report.reply == "We are checking it." and report.reply_sent_at is None
    call_command("send_pending_report_replies", stdout=StringIO())
    report.refresh_from_db()
    assert report.reply_sent_at and len(mail.outbox) == 1
    assert mail.outbox[0].subject == "Your report about “Rhos Café”"
    call_command("send_pending_report_replies", stdout=StringIO())
    assert len(mail.outbox) == 1


def test_group_editors_see_their_own_groups_open_reports_on_the_dashboard_only(accounts, reports):
    library = signed_in(accounts["library_editor"])
    dashboard = parse(library.get("/admin/")).select_one('[aria-labelledby="group-reports-heading"]')
    text = dashboard.get_text()
    assert "Ar gau ers mis Medi." in text and "The phone number is wrong." not in text
    assert "aled@example.org" not in str(dashboard)  # the resident's address is the council's only
    queue = library.get("/admin/listing-reports/", follow=True)
    assert queue.request["PATH_INFO"] != "/admin/listing-reports/" or queue.status_code == 403
    assert library.get(f"/admin/listing-reports/edit/{reports['cafe'].pk}/").status_code in (302, 403)
    cafe = parse(signed_in(accounts["cafe_editor"]).get("/admin/"))
    assert "The phone number is wrong." in cafe.get_text() and "Ar gau ers mis Medi." not in cafe.get_text()
    ListingReport.objects.filter(pk=reports["library"].pk).update(state="fixed")
    assert parse(library.get("/admin/")).select_one('[aria-labelledby="group-reports-heading"]') is None


def test_anonymous_readers_reach_no_report(client, reports):
    for url in ("/admin/listing-reports/", f"/admin/listing-reports/edit/{reports['cafe'].pk}/"):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/admin/login/")


def test_old_reports_are_deleted_after_the_retention_period(reports, settings):
    settings.REPORT_RETENTION_DAYS = 30
    ListingReport.objects.filter(pk=reports["library"].pk).update(
        updated_at=timezone.now() - timedelta(days=31)
    )
    ListingReport.objects.filter(pk=reports["cafe"].pk).update(updated_at=timezone.now() - timedelta(days=29))
    call_command("delete_old_reports", stdout=StringIO())
    assert list(ListingReport.objects.values_list("pk", flat=True)) == [reports["cafe"].pk]
