"""Reviews that actually happen (directory/reviews.py): each step of the chase on its day, the
e-mails in each recipient's language, the council's panel and digest, "not checked recently"
on the page, in the directory's order and in search, unpublishing and revival, and the signed
"still correct" link."""

from datetime import timedelta
from io import StringIO
from smtplib import SMTPServerDisconnected

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import PageViewRestriction, Revision
from wagtail_localize.models import TranslationSource

from directory.editors import ensure_group_editors
from directory.models import GroupPage, ReviewReminder
from directory.reviews import flagged_listings, steps_due, still_correct_link, take_step
from home.page_cache import forget_page_tree
from search import queries
from tests.helpers import parse

pytestmark = pytest.mark.django_db

Step = ReviewReminder.Step
WAGTAILS_OWN = {"default": {"BACKEND": "wagtail.search.backends.database"}}


def days_ago(days):
    return timezone.localdate() - timedelta(days=days)


@pytest.fixture
def user_in(make_user):
    def make(username, *groups, language="en"):
        return make_user(username, groups, language)

    return make


@pytest.fixture
def council(db):
    return Group.objects.get(name="Council editors")


@pytest.fixture
def bilingual_group(make_group, locales):
    """A published listing in English and Welsh (with revisions, as the admin makes them)."""

    def make(title, welsh_title, **fields):
        english = make_group(title, **fields)
        english.save_revision().publish()
        welsh = english.copy_for_translation(locales["cy"])
        welsh.title = welsh_title
        welsh.save_revision().publish()
        return GroupPage.objects.get(pk=english.pk), GroupPage.objects.get(pk=welsh.pk)

    return make


def take_steps(today):
    due = steps_due(today)
    for listing, step in due:
        take_step(listing, step)
    return [(listing.title, step) for listing, step in due]


def test_each_step_comes_on_its_day_and_only_once(bilingual_group, user_in, council):
    reviewed = timezone.localdate() - timedelta(days=800)
    english, welsh = bilingual_group("Old Club", "Hen Glwb", last_reviewed=reviewed)
    user_in("editor", ensure_group_editors(english).group)
    user_in("council", council)
    due = reviewed + timedelta(days=365)

    assert take_steps(due - timedelta(days=1)) == []
    assert take_steps(due) == [("Old Club", Step.FIRST_REMINDER)]
    assert take_steps(due) == []  # once
    assert take_steps(due + timedelta(days=13)) == []
    assert take_steps(due + timedelta(days=14)) == [("Old Club", Step.SECOND_REMINDER)]
    assert take_steps(due + timedelta(days=20)) == []
    assert list(flagged_listings(due + timedelta(days=27))) == []
    assert list(flagged_listings(due + timedelta(days=28))) == [english]
    assert take_steps(due + timedelta(days=365)) == []
    assert [message.to for message in mail.outbox] == [["editor@wrexham.example"]] * 2
    assert GroupPage.objects.filter(live=True).count() == 2

    assert take_steps(due + timedelta(days=366)) == [("Old Club", Step.UNPUBLISHED)]
    assert take_steps(due + timedelta(days=367)) == []
    # Off the site in both languages, never deleted; the council is told.
    assert list(GroupPage.objects.filter(pk__in=[english.pk, welsh.pk]).values_list("live", flat=True)) == [
        False,
        False,
    ]
    assert mail.outbox[-1].to == ["council@wrexham.example"]
    assert "Old Club" in mail.outbox[-1].subject


def test_intervals_are_settings(bilingual_group, user_in):
    reviewed = timezone.localdate() - timedelta(days=100)
    english, _welsh = bilingual_group("Old Club", "Hen Glwb", last_reviewed=reviewed)
    user_in("editor", ensure_group_editors(english).group)
    with override_settings(REVIEW_INTERVAL_DAYS=30, REVIEW_SECOND_REMINDER_DAYS=5):
        assert take_steps(reviewed + timedelta(days=30)) == [("Old Club", Step.FIRST_REMINDER)]
        assert take_steps(reviewed + timedelta(days=35)) == [("Old Club", Step.SECOND_REMINDER)]


def test_a_listing_without_editors_is_flagged_and_unpublished_but_not_reminded(make_group, user_in, council):
    orphan = make_group("Orphan Club", last_reviewed=days_ago(365 + 30))
    user_in("council", council)
    call_command("send_review_reminders", stdout=StringIO())
    assert mail.outbox == []
    assert list(flagged_listings()) == [orphan]
    GroupPage.objects.filter(pk=orphan.pk).update(last_reviewed=days_ago(365 + 400))
    call_command("send_review_reminders", stdout=StringIO())
    assert not GroupPage.objects.get(pk=orphan.pk).live
    assert [message.to for message in mail.outbox] == [["council@wrexham.example"]]


def test_reminders_are_in_each_editors_language_with_their_own_link(bilingual_group, user_in):
    english, _welsh = bilingual_group("Old Club", "Hen Glwb", last_reviewed=days_ago(365))
    editors = ensure_group_editors(english).group
    user_in("siân", editors, language="cy")
    user_in("sam", editors, language="en")
    call_command("send_review_reminders", stdout=StringIO())
    welsh_mail, english_mail = sorted(mail.outbox, key=lambda message: message.to[0], reverse=True)
    assert welsh_mail.subject == "Gwiriwch y rhestriad ar gyfer Hen Glwb"
    assert "mae'n bryd ei adolygu" in welsh_mail.body and "/cy/gwirio-rhestriad/" in welsh_mail.body
    assert english_mail.subject == "Please check the listing for Old Club"
    assert "/en/check-listing/" in english_mail.body
    assert (
        welsh_mail.body.split("/cy/gwirio-rhestriad/")[1][:40]
        != english_mail.body.split("/en/check-listing/")[1][:40]
    )  # each editor's link names them

    mail.outbox.clear()
    second_day = timezone.localdate() + timedelta(days=14)
    take_steps(second_day)
    subjects = sorted(message.subject for message in mail.outbox)
    assert subjects == [
        "Ail nodyn atgoffa: gwiriwch y rhestriad ar gyfer Hen Glwb",
        "Second reminder: please check the listing for Old Club",
    ]


def test_the_unpublishing_notice_and_the_digest_are_in_each_council_editors_language(
    bilingual_group, make_group, user_in, council
):
    bilingual_group("Old Club", "Hen Glwb", last_reviewed=days_ago(365 + 40))
    gone, _gone_welsh = bilingual_group("Gone Club", "Clwb Wedi Mynd", last_reviewed=days_ago(365 + 400))
    make_group("Fresh Club", last_reviewed=days_ago(10))
    user_in("cyngor", council, language="cy")
    user_in("council", council, language="en")

    call_command("send_review_reminders", stdout=StringIO())
    notices = {message.to[0]: message for message in mail.outbox}
    assert notices["cyngor@wrexham.example"].subject.startswith("Rhestriad wedi'i ddadgyhoeddi")
    assert "Clwb Wedi Mynd" in notices["cyngor@wrexham.example"].subject
    assert notices["council@wrexham.example"].subject.startswith("Listing unpublished")
    assert f"/admin/pages/{gone.pk}/edit/" in notices["council@wrexham.example"].body

    mail.outbox.clear()
    call_command("send_review_digest", stdout=StringIO())
    digests = {message.to[0]: message for message in mail.outbox}
    assert set(digests) == {"cyngor@wrexham.example", "council@wrexham.example"}
    welsh, english = digests["cyngor@wrexham.example"], digests["council@wrexham.example"]
    assert welsh.subject == "Rhestriadau sy'n hwyr i'w hadolygu yr wythnos hon"
    assert "Mae 1 rhestriad yn hwyr i'w adolygu" in welsh.body and "Hen Glwb" in welsh.body
    assert "Cafodd 1 rhestriad ei ddadgyhoeddi" in welsh.body and "Clwb Wedi Mynd" in welsh.body
    assert "1 listing is overdue" in english.body and "Old Club" in english.body
    assert "1 listing was unpublished this week" in english.body and "Gone Club" in english.body
    assert "Fresh Club" not in english.body


def test_no_digest_when_nothing_is_overdue(make_group, user_in, council):
    make_group("Fresh Club", last_reviewed=days_ago(10))
    user_in("council", council)
    call_command("send_review_digest", stdout=StringIO())
    assert mail.outbox == []


def test_the_council_dashboard_lists_flagged_listings_only(client, make_group, user_in, council):
    make_group("Flagged Club", last_reviewed=days_ago(365 + 28))
    make_group("Just Due Club", last_reviewed=days_ago(365 + 5))
    client.force_login(user_in("council", council, language="cy"))
    html = client.get("/admin/").content.decode()
    assert "Rhestriadau sy'n hwyr i'w hadolygu (1)" in html
    assert "Flagged Club" in html and "Just Due Club" not in html


def test_a_listing_not_checked_recently_says_so_in_both_languages(client, bilingual_group):
    bilingual_group("Old Club", "Hen Glwb", last_reviewed=days_ago(365 + 184))
    bilingual_group("Due Club", "Clwb Dyledus", last_reviewed=days_ago(365 + 183))
    old = parse(client.get("/en/groups/old-club/")).select_one(".notice--warning").get_text()
    assert "Not checked recently" in old
    welsh = client.get(GroupPage.objects.get(title="Hen Glwb").url)
    assert "Heb ei wirio'n ddiweddar" in parse(welsh).select_one(".notice--warning").get_text()
    due = parse(client.get("/en/groups/due-club/")).select_one(".notice--warning").get_text()
    assert "Not checked recently" not in due and "last checked on" in due


def directory_titles(client, path):
    return [link.get_text(strip=True) for link in parse(client.get(path)).select(".group-card__title a")]


def test_listings_not_checked_recently_sink_in_the_directorys_default_order(
    client, bilingual_group, make_group, directory, locales
):
    bilingual_group("Aardvark Club", "Clwb Aardvark", last_reviewed=days_ago(365 + 200))
    bilingual_group("Badger Club", "Clwb Broch", last_reviewed=days_ago(30))
    bilingual_group("Cat Club", "Clwb Cathod", last_reviewed=days_ago(365 + 100))  # due, not stale
    # A draft, a private listing and a Welsh alias must not show.
    draft = make_group("Dormouse Club (draft)")
    GroupPage.objects.filter(pk=draft.pk).update(live=False)
    private = make_group("Eel Club (private)")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    make_group("Ferret Club").copy_for_translation(locales["cy"], alias=True)

    assert directory_titles(client, "/en/groups/") == [
        "Badger Club",
        "Cat Club",
        "Ferret Club",
        "Aardvark Club",
    ]
    assert directory_titles(client, "/cy/grwpiau/") == ["Clwb Broch", "Clwb Cathod", "Clwb Aardvark"]
    assert directory_titles(client, "/en/groups/?letter=a") == ["Aardvark Club"]


@pytest.mark.parametrize("backend", [{"default": {"BACKEND": "search.backend"}}, WAGTAILS_OWN])
def test_listings_not_checked_recently_come_last_in_search(make_group, backend):
    make_group("Allotment allotment", summary="allotment allotment allotment", last_reviewed=days_ago(5))
    for number in range(3):
        make_group(f"Garden {number}", summary="An allotment", last_reviewed=days_ago(5))
    with override_settings(WAGTAILSEARCH_BACKENDS=backend), translation.override("en"):

        def order(search_type=None):
            return [page.pk for page in queries.search("allotment", search_type)["page_of_results"]]

        checked = order()
        assert len(checked) == 4
        best = checked[0]
        GroupPage.objects.filter(pk=best).update(last_reviewed=days_ago(365 + 184))
        forget_page_tree()  # as a review date changed by the site does (directory.reviews)
        found = queries.search("allotment")
        assert found["counts"]["groups"] == 4
        # The best match comes last; the others keep their order.
        assert [page.pk for page in found["page_of_results"]] == [*checked[1:], best]
        assert order("groups") == [*checked[1:], best]


def test_a_listing_comes_last_in_search_on_the_day_it_is_overdue_with_nothing_published(make_group, now):
    for title in ("Allotment allotment", "Garden"):
        make_group(title, summary="An allotment", last_reviewed=days_ago(5))
    with translation.override("en"):

        def order():
            return [page.pk for page in queries.search("allotment")["page_of_results"]]

        best, other = order()
        GroupPage.objects.filter(pk=best).update(last_reviewed=days_ago(365 + 182))  # overdue in 2 days
        forget_page_tree()
        assert order() == [best, other]  # today's demoted listings kept
        now.return_value += timedelta(days=2)
        assert order() == [other, best]


def test_search_pages_of_results_span_the_demoted_ones(make_group):
    for number in range(25):
        make_group(f"Pond {number:02d}", summary="pond", last_reviewed=days_ago(5))
    stale = [
        make_group(f"Old Pond {number}", summary="pond", last_reviewed=days_ago(600)) for number in range(3)
    ]
    with override_settings(WAGTAILSEARCH_BACKENDS=WAGTAILS_OWN), translation.override("en"):
        second = queries.search("pond", page_number=2)["page_of_results"]
        assert second.paginator.count == 28
        assert len(second) == 8 and {page.pk for page in list(second)[-3:]} == {page.pk for page in stale}


def test_publishing_an_unpublished_listing_again_gives_it_a_fresh_review_date(
    bilingual_group, council, user_in
):
    english, welsh = bilingual_group("Gone Club", "Clwb Wedi Mynd", last_reviewed=days_ago(365 + 400))
    user_in("council", council)
    call_command("send_review_reminders", stdout=StringIO())
    assert not GroupPage.objects.get(pk=english.pk).live
    GroupPage.objects.get(pk=english.pk).latest_revision.publish()
    for page in GroupPage.objects.filter(pk__in=[english.pk, welsh.pk]):
        assert page.last_reviewed == timezone.localdate()
    assert GroupPage.objects.get(pk=english.pk).live
    assert steps_due() == []  # the chase starts again from the beginning
    GroupPage.objects.get(pk=welsh.pk).latest_revision.publish()
    assert GroupPage.objects.get(pk=welsh.pk).live and GroupPage.objects.get(pk=welsh.pk).last_reviewed == (
        timezone.localdate()
    )


@pytest.fixture
def reviewed_listing(bilingual_group, user_in):
    english, welsh = bilingual_group("Old Club", "Hen Glwb", last_reviewed=days_ago(370))
    editor = user_in("editor", ensure_group_editors(english).group)
    return english, welsh, editor


def link_path(user, listing, language="en"):
    with translation.override(language):
        return "/" + still_correct_link(user, listing).split("/", 3)[3]


def confirm(client, path):
    """GET the confirm page, then POST its form with the CSRF token it carries."""
    page = parse(client.get(path))
    token = page.select_one('form[method="post"] input[name="csrfmiddlewaretoken"]')["value"]
    return client.post(path, {"csrfmiddlewaretoken": token})


def test_still_correct_in_one_click_sets_the_date_in_both_languages_without_an_edit(reviewed_listing):
    english, welsh, editor = reviewed_listing
    source, _created = TranslationSource.get_or_create_from_instance(english)
    revisions = Revision.objects.count()
    client = Client(enforce_csrf_checks=True)
    path = link_path(editor, english)
    assert path.startswith("/en/check-listing/")
    page = parse(client.get(path))
    assert "Is the listing for Old Club still correct?" in page.h1.get_text()
    assert GroupPage.objects.get(pk=english.pk).last_reviewed == days_ago(370)  # GET changes nothing

    response = confirm(client, path)
    assert "Thank you: the listing is marked as checked" in parse(response).h1.get_text()
    today = timezone.localdate()
    for pk in (english.pk, welsh.pk):
        page = GroupPage.objects.get(pk=pk)
        assert page.last_reviewed == today
        assert page.live_revision.as_object().last_reviewed == today
        assert page.latest_revision.as_object().last_reviewed == today
    assert Revision.objects.count() == revisions  # no edit made
    source.refresh_from_db()
    assert source.as_instance().last_reviewed == today  # the next translation sync keeps it
    assert steps_due(today + timedelta(days=364)) == []


def test_the_welsh_link_has_a_welsh_address_and_page(reviewed_listing):
    english, _welsh, editor = reviewed_listing
    path = link_path(editor, english, "cy")
    assert path.startswith("/cy/gwirio-rhestriad/")
    client = Client(enforce_csrf_checks=True)
    page = parse(client.get(path))
    assert page.h1.get_text() == "Ydy'r rhestriad ar gyfer Hen Glwb yn dal yn gywir?"
    token = path.rstrip("/").rsplit("/", 1)[1]  # the switch keeps the reader's own link
    with translation.override("en"):
        english_path = reverse("directory_still_correct", args=[token])
    assert english_path.startswith("/en/check-listing/")
    assert page.select_one('nav.language-switcher a[hreflang="en"]')["href"] == english_path
    assert "Diolch" in parse(confirm(client, path)).h1.get_text()


def test_posting_without_the_csrf_token_changes_nothing(reviewed_listing):
    english, _welsh, editor = reviewed_listing
    response = Client(enforce_csrf_checks=True).post(link_path(editor, english))
    assert response.status_code == 403
    assert GroupPage.objects.get(pk=english.pk).last_reviewed == days_ago(370)


def test_an_expired_link_asks_the_editor_to_sign_in_to_the_listings_edit_page(reviewed_listing):
    english, _welsh, editor = reviewed_listing
    path = link_path(editor, english)
    client = Client(enforce_csrf_checks=True)
    with override_settings(REVIEW_LINK_MAX_AGE_DAYS=-1):
        response = client.get(path)
        assert response.status_code == 410
        sign_in = parse(response, status=410).select_one("a.button")["href"]
        assert sign_in == f"/admin/login/?next=/admin/pages/{english.pk}/edit/"
        assert client.post(path).status_code in (403, 410)
    assert GroupPage.objects.get(pk=english.pk).last_reviewed == days_ago(370)


@pytest.mark.parametrize(
    "damage", [lambda token: token[:-2] + "xx", lambda token: "x" + token, lambda token: "nonsense"]
)
def test_a_tampered_link_asks_the_editor_to_sign_in(reviewed_listing, damage):
    english, _welsh, editor = reviewed_listing
    path = link_path(editor, english)
    token = path.rstrip("/").rsplit("/", 1)[1]
    bad = path.replace(token, damage(token))
    client = Client()
    response = client.get(bad)
    assert response.status_code == 400
    assert parse(response, status=400).select_one("a.button")["href"].startswith("/admin/login/")
    assert client.post(bad).status_code == 400
    assert GroupPage.objects.get(pk=english.pk).last_reviewed == days_ago(370)


@pytest.mark.parametrize(
    ("role", "allowed"),
    [("own_editor", True), ("council_editor", True), ("other_groups_editor", False), ("moderator", False),
     ("no_role", False), ("inactive_own_editor", False)],
)  # fmt: skip
def test_only_the_listings_editors_and_council_editors_can_confirm(
    reviewed_listing, make_group, user_in, council, role, allowed
):
    english, _welsh, own_editor = reviewed_listing
    other = make_group("Other Club")
    users = {
        "own_editor": lambda: own_editor,
        "council_editor": lambda: user_in("council", council),
        "other_groups_editor": lambda: user_in("other", ensure_group_editors(other).group),
        "moderator": lambda: user_in("moderator", Group.objects.get(name="Moderators")),
        "no_role": lambda: user_in("nobody"),
        "inactive_own_editor": lambda: own_editor,
    }
    user = users[role]()
    path = link_path(user, english)
    if role == "inactive_own_editor":
        user.is_active = False
        user.save()
    client = Client(enforce_csrf_checks=True)
    response = client.get(path)
    if allowed:
        assert response.status_code == 200
        confirm(client, path)
        assert GroupPage.objects.get(pk=english.pk).last_reviewed == timezone.localdate()
    else:
        assert response.status_code == 403
        assert parse(response, status=403).select_one("a.button")["href"] == (
            f"/admin/login/?next=/admin/pages/{english.pk}/edit/"
        )
        assert GroupPage.objects.get(pk=english.pk).last_reviewed == days_ago(370)


def test_sinking_costs_the_directory_no_query(client, make_group):
    def add(start, end):
        for number in range(start, end):
            make_group(f"Group {number:03d}", last_reviewed=days_ago(600 if number % 3 == 0 else 5))
        forget_page_tree()  # as publishing them would: the directory's counts are kept until then

    def count(path):
        client.get(path)  # warm the cached lists
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        return len(queries)

    add(0, 10)
    small = count("/en/groups/")  # 7 checked listings, then the 3 sunk ones
    add(10, 45)
    # Page 2 of 45 holds, as page 1 of 10 did, the end of the checked listings and the start of
    # the sunk ones (read as two parts: one query more than a page of one kind, page 1 here).
    assert count("/en/groups/?page=2") == small <= 15
    assert count("/en/groups/") == small - 1
    assert directory_titles(client, "/en/groups/?page=3")[-1] == "Group 042"  # sunk to the end


def test_every_page_of_the_directory_follows_the_one_order_across_the_sunk_listings(client, make_group):
    """The checked listings and the sunk ones are read as two ordered parts: a page that holds
    the end of one and the start of the other, and every page after, is as one sort would give."""
    stale = {number for number in range(45) if number % 4 == 1}
    for number in range(45):
        make_group(f"Group {(number * 7) % 45:03d}", last_reviewed=days_ago(600 if number in stale else 5))
    expected = [f"Group {(number * 7) % 45:03d}" for number in range(45)]
    expected = sorted(expected, key=lambda title: (expected.index(title) in stale, title))
    listed = [title for page in (1, 2, 3) for title in directory_titles(client, f"/en/groups/?page={page}")]
    assert listed == expected


def test_a_mail_server_failure_loses_no_step(bilingual_group, user_in, council, monkeypatch):
    reminded, _welsh = bilingual_group("Old Club", "Hen Glwb", last_reviewed=days_ago(370))
    gone, _gone_welsh = bilingual_group("Gone Club", "Clwb Wedi Mynd", last_reviewed=days_ago(365 + 400))
    user_in("editor", ensure_group_editors(reminded).group)
    user_in("council", council)

    def refuse(*args, **kwargs):
        raise SMTPServerDisconnected("down")

    monkeypatch.setattr("directory.reviews.send_mail", refuse)
    call_command("send_review_reminders", stdout=StringIO())
    assert not GroupPage.objects.get(pk=gone.pk).live
    assert [listing.title for listing, _step in steps_due()] == ["Old Club"]  # the reminder comes tomorrow
    monkeypatch.undo()
    call_command("send_review_digest", stdout=StringIO())
    assert "Gone Club" in mail.outbox[0].body  # the council still hears of the unpublishing
