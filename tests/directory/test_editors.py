"""Who may do what: the permission matrix for the portal's roles, checked two ways."""

from io import StringIO
from smtplib import SMTPException
from unittest import mock

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser, Group
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from wagtail.models import Page
from wagtail.users.models import UserProfile

from directory.admin_views import may_invite
from directory.editors import ensure_group_editors, invite_editor
from directory.models import GroupPage
from events.forms import organisers_for
from events.models import EventPage
from reports.admin_views import reports_for_group_editor
from reports.models import ListingReport
from stories.models import StoryPage
from tests.conftest import FIXED_NOW, all_locales, empty_section, shared_by_the_module, the_home_pages
from volunteering.admin_views import may_answer_offers
from volunteering.models import Offer, OfferStatus, OpportunityPage

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "editor_a", "editor_b", "moderator", "council_editor"]


SECTIONS_USED = ("directory", "event_index", "story_index", "volunteering_index")


def build_listings_others_and_users():
    """Two groups in both languages; an event and an opportunity of group B, made before B's
    editors exist, and a story; an offer of help; an account for each role. Returns the ids."""
    locales = all_locales()
    homes = the_home_pages(locales)
    sections = {name: empty_section(name, homes, locales) for name in SECTIONS_USED}
    listings = {}
    for key, title in (("a", "Gresford Library"), ("b", "Rhos Café")):
        english = GroupPage(title=title, summary=f"About {title}", live=True)
        sections["directory"]["en"].add_child(instance=english)
        english.save_revision().publish()
        welsh = english.copy_for_translation(locales["cy"])
        welsh.save_revision().publish()
        listings[key] = {"en": english.pk, "cy": welsh.pk}
    b = GroupPage.objects.get(pk=listings["b"]["en"])
    event = EventPage(title="Rhos coffee morning", summary="Coffee", start_date="2026-12-05", group=b)
    sections["event_index"]["en"].add_child(instance=event)
    event.save_revision().publish()
    story = StoryPage(title="The library stays open", standfirst="It does.")
    sections["story_index"]["en"].add_child(instance=story)
    story.save_revision().publish()
    opportunity = OpportunityPage(title="Rhos café kitchen helper", what_you_do="Wash up", group=b)
    sections["volunteering_index"]["en"].add_child(instance=opportunity)
    opportunity.save_revision().publish()
    a = GroupPage.objects.get(pk=listings["a"]["en"])
    report = ListingReport.objects.create(page=a, group=a, kind="times", details="It meets on Thursdays now.")
    offer = Offer.objects.create(what="A minibus on Saturdays", name="Gareth", email="gareth@example.org",
                                 language="cy", status=OfferStatus.APPROVED)  # fmt: skip

    def user(name, *groups):
        account = get_user_model().objects.create_user(name, f"{name}@wrexham.example", "pw")
        account.groups.add(*groups)
        return account.pk

    users = {
        "editor_a": user(
            "editor_a", ensure_group_editors(GroupPage.objects.get(pk=listings["a"]["en"])).group
        ),
        "editor_b": user(
            "editor_b", ensure_group_editors(GroupPage.objects.get(pk=listings["b"]["cy"])).group
        ),
        "moderator": user("moderator", Group.objects.get(name="Moderators")),
        "council_editor": user("council_editor", Group.objects.get(name="Council editors")),
    }
    return {
        "sections": {name: {code: page.pk for code, page in pair.items()} for name, pair in sections.items()},
        "listings": listings,
        "others": {
            "event_b": event.pk,
            "story": story.pk,
            "opportunity_b": opportunity.pk,
            "offer": offer.pk,
            "report_a": report.pk,
        },
        "users": users,
    }


@pytest.fixture(scope="module")
def shared_ids(django_db_setup, django_db_blocker):
    """The module's pages and accounts, built once (at the fixed "now") and rolled back after
    the module; each test still runs in its own savepoint and gets fresh objects below."""
    with shared_by_the_module(django_db_blocker):
        with mock.patch("django.utils.timezone.now", return_value=FIXED_NOW):
            ids = build_listings_others_and_users()
        yield ids


def section(shared_ids, name):
    return {code: Page.objects.get(pk=pk).specific for code, pk in shared_ids["sections"][name].items()}


# The root conftest's empty sections, replaced by the module's (make_group adds to this directory).
@pytest.fixture
def directory(shared_ids, db):
    return section(shared_ids, "directory")


@pytest.fixture
def event_index(shared_ids, db):
    return section(shared_ids, "event_index")


@pytest.fixture
def story_index(shared_ids, db):
    return section(shared_ids, "story_index")


@pytest.fixture
def volunteering_index(shared_ids, db):
    return section(shared_ids, "volunteering_index")


@pytest.fixture
def listings(shared_ids, db):
    return {
        key: {code: GroupPage.objects.get(pk=pk) for code, pk in pair.items()}
        for key, pair in shared_ids["listings"].items()
    }


@pytest.fixture
def others(shared_ids, event_index, volunteering_index):
    ids = shared_ids["others"]
    return {
        "offer": Offer.objects.get(pk=ids["offer"]),
        "report_a": ListingReport.objects.get(pk=ids["report_a"]),
        "event_index": event_index,
        "event_b": EventPage.objects.get(pk=ids["event_b"]),
        "story": StoryPage.objects.get(pk=ids["story"]),
        "volunteering_index": volunteering_index,
        "opportunity_b": OpportunityPage.objects.get(pk=ids["opportunity_b"]),
    }


@pytest.fixture
def users(shared_ids, db, django_user_model):
    return {
        "anonymous": AnonymousUser(),
        **{role: django_user_model.objects.get(pk=pk) for role, pk in shared_ids["users"].items()},
    }


def may_organise(user, listing):
    own_groups = organisers_for(user)
    return own_groups is None or own_groups.filter(pk=listing.pk).exists()


def allowed_by_wagtail(user, action, listings, others):
    a, b = listings["a"], listings["b"]
    checks = {
        "view admin": lambda: user.has_perm("wagtailadmin.access_admin"),
        "edit A (en)": lambda: a["en"].permissions_for_user(user).can_edit(),
        "edit A (cy)": lambda: a["cy"].permissions_for_user(user).can_edit(),
        "edit B": lambda: b["en"].permissions_for_user(user).can_edit(),
        "publish A": lambda: a["en"].permissions_for_user(user).can_publish(),
        "create an event for A": lambda: (
            others["event_index"]["en"].permissions_for_user(user).can_add_subpage()
            and may_organise(user, a["en"])
        ),
        "edit an event of B": lambda: others["event_b"].permissions_for_user(user).can_edit(),
        "create an opportunity for A": lambda: (
            others["volunteering_index"]["en"].permissions_for_user(user).can_add_subpage()
            and may_organise(user, a["en"])
        ),
        "edit an opportunity of B": lambda: others["opportunity_b"].permissions_for_user(user).can_edit(),
        "edit a story": lambda: others["story"].permissions_for_user(user).can_edit(),
        "manage users": lambda: user.has_perm("auth.change_user") or user.has_perm("auth.add_user"),
        "manage groups": lambda: user.has_perm("auth.change_group") or user.has_perm("auth.add_group"),
        "invite an editor for A": lambda: may_invite(user, a["en"]),
        "submit a translation": lambda: user.has_perm("wagtail_localize.submit_translation"),
        "edit settings": lambda: user.has_perm("home.change_portalsettings"),
        "edit topics": lambda: user.has_perm("search.change_topic"),
        "publish a site alert": lambda: user.has_perm("home.add_sitealert"),
        "answer an offer of help": lambda: may_answer_offers(user),
        "moderate offers of help": lambda: user.has_perm("volunteering.change_offer"),
        "handle problem reports": lambda: user.has_perm("reports.change_listingreport"),
        "decide requests to look after a listing": lambda: user.has_perm("directory.change_listingclaim"),
        "see problem reports about A": lambda: user.has_perm("reports.view_listingreport")
        or reports_for_group_editor(user).filter(pk=others["report_a"].pk).exists(),
        "see group suggestions": lambda: user.has_perm("directory.view_groupsuggestion"),
    }
    return checks[action]()


EXPECTED = {
    #                       anonymous editor_a editor_b moderator council_editor
    "view admin":           (False, True, True, True, True),
    "edit A (en)":          (False, True, False, True, True),
    "edit A (cy)":          (False, True, False, True, True),
    "edit B":               (False, False, True, True, True),
    "publish A":            (False, False, False, True, True),
    "create an event for A": (False, True, False, True, True),
    "edit an event of B":   (False, False, True, True, True),
    "create an opportunity for A": (False, True, False, True, True),
    "edit an opportunity of B": (False, False, True, True, True),
    "edit a story":         (False, False, False, True, True),
    "manage users":         (False, False, False, False, False),
    "manage groups":        (False, False, False, False, False),
    "invite an editor for A": (False, False, False, False, True),
    "submit a translation": (False, False, False, False, True),
    "edit settings":        (False, False, False, False, True),
    "edit topics":          (False, False, False, False, True),
    "publish a site alert": (False, False, False, False, True),
    "answer an offer of help": (False, True, True, False, False),
    "moderate offers of help": (False, False, False, False, True),
    "handle problem reports": (False, False, False, False, True),
    "decide requests to look after a listing": (False, False, False, False, True),
    "see problem reports about A": (False, True, False, True, True),
    "see group suggestions": (False, False, False, False, True),
}  # fmt: skip


@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix_through_wagtail(users, listings, others, role):
    column = ROLES.index(role)
    outcome = {action: allowed_by_wagtail(users[role], action, listings, others) for action in EXPECTED}
    assert outcome == {action: row[column] for action, row in EXPECTED.items()}


def admin_url(action, listings, others):
    a, b = listings["a"], listings["b"]
    return {
        "view admin": "/admin/",
        "edit A (en)": f"/admin/pages/{a['en'].pk}/edit/",
        "edit A (cy)": f"/admin/pages/{a['cy'].pk}/edit/",
        "edit B": f"/admin/pages/{b['en'].pk}/edit/",
        "edit an event of B": f"/admin/pages/{others['event_b'].pk}/edit/",
        "edit an opportunity of B": f"/admin/pages/{others['opportunity_b'].pk}/edit/",
        "edit a story": f"/admin/pages/{others['story'].pk}/edit/",
        "manage users": "/admin/users/",
        "manage groups": "/admin/groups/",
        "invite an editor for A": f"/admin/directory/invite-editor/{a['en'].pk}/",
        "submit a translation": f"/admin/localize/submit/page/{a['en'].pk}/",
        "edit settings": "/admin/settings/home/portalsettings/",
        "edit topics": "/admin/snippets/search/topic/",
        "publish a site alert": "/admin/snippets/home/sitealert/add/",
        "answer an offer of help": f"/admin/volunteering/answer-offer/{others['offer'].pk}/",
        "moderate offers of help": f"/admin/volunteering/offers/edit/{others['offer'].pk}/",
        "handle problem reports": f"/admin/listing-reports/edit/{others['report_a'].pk}/",
        "decide requests to look after a listing": "/admin/directory/claims/",
        "see group suggestions": "/admin/directory/suggestions/",
    }.get(action)


def reaches(client, url):
    """Whether the signed-in user gets the screen at ``url`` (Wagtail redirects refusals)."""
    response = client.get(url, follow=True)
    landed = response.request["PATH_INFO"]
    if response.status_code != 200 or landed.startswith("/admin/login/"):
        return False
    return url == "/admin/" or landed != "/admin/"


def submit_new_page(client, model, index, organiser, fields):
    """Fill in the admin's "add page" form for ``model`` below ``index`` as an editor would,
    with ``organiser`` as its group, and submit it for moderation; return the response, or
    None if the editor cannot reach the form.

    The form's own fields are read from the page, so every hidden and default value goes back;
    a StreamField body (which the browser's script would fill) is sent empty.
    """
    url = f"/admin/pages/add/{model._meta.app_label}/{model._meta.model_name}/{index.pk}/"
    response = client.get(url, follow=True)
    if response.request["PATH_INFO"] != url:
        return None
    form = BeautifulSoup(response.content, "html.parser").find("form", id="page-edit-form")
    data = {}
    for field in form.find_all(["input", "select", "textarea"]):
        name = field.get("name")
        if not name or field.get("type") in ("checkbox", "radio", "submit", "file"):
            continue
        if field.name == "select":
            chosen = field.find("option", selected=True)
            data[name] = chosen["value"] if chosen else ""
        else:
            data[name] = field.text if field.name == "textarea" else field.get("value", "")
    data.update({"group": organiser.pk, "action-submit": "Submit for moderation", **fields})
    return client.post(url, data)


def submit_new_event(client, event_index, organiser):
    """Whether an editor's new event organised by ``organiser`` is made (see submit_new_page)."""
    before = EventPage.objects.count()
    fields = {"title": "Coffee morning", "slug": f"coffee-morning-{organiser.pk}", "summary": "Coffee and cake",
              "start_date": "2026-12-12", "body-count": "0"}  # fmt: skip
    submit_new_page(client, EventPage, event_index, organiser, fields)
    return EventPage.objects.filter(group=organiser).count() > 0 and EventPage.objects.count() == before + 1


def submit_new_opportunity(client, volunteering_index, organiser):
    """The response to an editor's new opportunity with ``organiser`` (None if refused the form),
    and whether the opportunity was made."""
    before = OpportunityPage.objects.count()
    fields = {"title": "Kitchen helper", "slug": f"kitchen-helper-{organiser.pk}", "summary": "Help in the kitchen",
              "what_you_do": "Wash up and serve", "commitment": "flexible"}  # fmt: skip
    response = submit_new_page(client, OpportunityPage, volunteering_index, organiser, fields)
    made = (
        OpportunityPage.objects.filter(group=organiser).exists()
        and OpportunityPage.objects.count() == before + 1
    )
    return response, made


@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix_over_http(client, users, listings, others, role):
    if role != "anonymous":
        client.force_login(users[role])
    column = ROLES.index(role)
    actions = [action for action in EXPECTED if admin_url(action, listings, others)]
    outcome = {action: reaches(client, admin_url(action, listings, others)) for action in actions}
    outcome["create an event for A"] = submit_new_event(
        client, others["event_index"]["en"], listings["a"]["en"]
    )
    _response, outcome["create an opportunity for A"] = submit_new_opportunity(
        client, others["volunteering_index"]["en"], listings["a"]["en"]
    )
    created = ["create an event for A", "create an opportunity for A"]
    expected = {action: EXPECTED[action][column] for action in [*actions, *created]}
    assert outcome == expected


def test_a_group_editor_edits_events_their_group_organises_later(users, listings, others):
    event = EventPage(title="Rhos quiz", summary="Quiz", start_date="2026-12-19", group=listings["b"]["en"])
    others["event_index"]["en"].add_child(instance=event)
    assert event.permissions_for_user(users["editor_b"]).can_edit()
    assert not event.permissions_for_user(users["editor_a"]).can_edit()


@pytest.fixture
def editor_b_of_two_groups(users, make_group):
    """Editor B, who looks after a second group as well, so is asked which group organises."""
    shed = make_group("Brymbo Men's Shed")
    shed.save_revision().publish()
    users["editor_b"].groups.add(ensure_group_editors(shed).group)
    return users["editor_b"]


def test_a_group_editor_cannot_name_another_group_as_organiser(
    client, editor_b_of_two_groups, listings, others
):
    client.force_login(editor_b_of_two_groups)
    index = others["event_index"]["en"]
    assert not submit_new_event(client, index, listings["a"]["en"])
    response = client.get(f"/admin/pages/add/events/eventpage/{index.pk}/")
    assert response.status_code == 200  # editors of B may add events, for B only
    assert submit_new_event(client, index, listings["b"]["en"])
    event = EventPage.objects.get(group=listings["b"]["en"], title="Coffee morning")
    assert not event.live and event.current_workflow_state is not None  # waits for moderation


@pytest.mark.parametrize(
    ("language", "refusal"),
    [
        ("en", "you can add volunteering opportunities for the group you look after only"),
        (
            "cy",
            "dim ond ar gyfer y grŵp rydych chi'n gofalu amdano y gallwch chi ychwanegu cyfleoedd gwirfoddoli",
        ),
    ],
)
def test_a_group_editor_adds_opportunities_for_their_own_group_only(
    client, users, editor_b_of_two_groups, listings, others, language, refusal
):
    profile = UserProfile.get_for_user(users["editor_b"])
    profile.preferred_language = language
    profile.save()
    client.force_login(users["editor_b"])
    index = others["volunteering_index"]["en"]
    response, made = submit_new_opportunity(client, index, listings["a"]["en"])
    assert not made
    assert refusal in response.content.decode().replace("&#x27;", "'")
    response, made = submit_new_opportunity(client, index, listings["b"]["en"])
    assert made
    opportunity = OpportunityPage.objects.get(group=listings["b"]["en"], title="Kitchen helper")
    assert not opportunity.live and opportunity.current_workflow_state is not None  # waits for moderation
    assert opportunity.permissions_for_user(users["editor_b"]).can_edit()
    assert not opportunity.permissions_for_user(users["editor_a"]).can_edit()


def test_group_editor_submits_to_moderation_instead_of_publishing(client, users, listings):
    listing = listings["a"]["en"]
    client.force_login(users["editor_a"])
    html = client.get(f"/admin/pages/{listing.pk}/edit/").content.decode()
    assert 'name="action-publish"' not in html
    assert 'name="action-submit"' in html


def test_group_editor_sees_your_group_panel_with_both_languages(client, users, listings):
    client.force_login(users["editor_a"])
    response = client.get("/admin/")
    html = response.content.decode()
    assert "Your group" in html
    assert f"/admin/pages/{listings['a']['en'].pk}/edit/" in html
    assert f"/admin/pages/{listings['a']['cy'].pk}/edit/" in html
    assert f"/admin/pages/{listings['b']['en'].pk}/edit/" not in html


def test_new_translations_are_editable_by_the_groups_editors(users, make_group, locales):
    english = make_group("Chirk Choir")
    editors = ensure_group_editors(english)
    editor = users["council_editor"].__class__.objects.create_user("choir", "c@x.example", "pw")
    editor.groups.add(editors.group)
    english.save_revision().publish()
    welsh = english.copy_for_translation(locales["cy"])
    assert welsh.permissions_for_user(editor).can_edit()


def test_invite_creates_the_editor_and_e_mails_a_welsh_sign_in_link(listings):
    user, created = invite_editor(listings["a"]["en"], "newhelper@example.org", language="cy")
    assert created and user.groups.filter(community_group__isnull=False).exists()
    assert listings["a"]["cy"].permissions_for_user(user).can_edit()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["newhelper@example.org"]
    assert "/admin/password_reset/" in message.body
    assert message.body.startswith("Helo")  # written in Welsh


def test_invite_command(listings):
    call_command("invite_group_editor", listings["b"]["en"].slug, "volunteer@example.org", stdout=StringIO())
    assert mail.outbox[0].to == ["volunteer@example.org"]


def test_editors_cannot_see_other_groups_drafts(client, users, listings):
    listing_b = listings["b"]["en"]
    listing_b.title = "Rhos Café (draft change)"
    listing_b.save_revision()
    client.force_login(users["editor_a"])
    explorer = client.get(f"/admin/pages/{listing_b.get_parent().pk}/").content.decode()
    assert "draft change" not in explorer
    assert client.get(f"/admin/pages/{listing_b.pk}/edit/", follow=True).request["PATH_INFO"] == "/admin/"
    assert Page.objects.filter(pk=listing_b.pk).exists()


def csrf_client(user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def post_form(client, url, data):
    """GET the form, then POST it with the CSRF token the page gave, as a browser does."""
    page = client.get(url)
    assert page.status_code == 200, url
    token = BeautifulSoup(page.content, "html.parser").find("input", {"name": "csrfmiddlewaretoken"})["value"]
    return client.post(url, {"csrfmiddlewaretoken": token, **data})


def test_a_council_editor_cannot_make_anyone_a_superuser_or_set_their_password(users, django_user_model):
    admin = django_user_model.objects.create_superuser("admin", "admin@wrexham.example", "secret")
    council = csrf_client(users["council_editor"])
    own, admins = (
        reverse("wagtailusers_users:edit", args=[user.pk]) for user in (users["council_editor"], admin)
    )
    for url in (own, admins, reverse("wagtailusers_users:add"), reverse("wagtailusers_groups:index")):
        response = council.get(url, follow=True)
        assert response.request["PATH_INFO"] == "/admin/", url  # refused: sent back to the dashboard
    token = council.get("/admin/").cookies["csrftoken"].value
    council.post(
        own,
        {
            "csrfmiddlewaretoken": token,
            "is_superuser": "on",
            "username": "council_editor",
            "email": "c@x.example",
        },
    )
    council.post(
        admins,
        {
            "csrfmiddlewaretoken": token,
            "password1": "taken-over-1",
            "password2": "taken-over-1",
            "username": "admin",
        },
    )
    users["council_editor"].refresh_from_db()
    admin.refresh_from_db()
    assert not users["council_editor"].is_superuser
    assert admin.check_password("secret")


@pytest.mark.parametrize("language, greeting", [("en", "Hello"), ("cy", "Helo")])
def test_a_council_editor_invites_an_editor_from_the_admin(users, listings, language, greeting):
    url = f"/admin/directory/invite-editor/{listings['a']['en'].pk}/"
    council = csrf_client(users["council_editor"])
    assert (
        "Invite an editor for this group"
        in council.get(f"/admin/pages/{listings['a']['en'].pk}/edit/").content.decode()
    )
    response = post_form(council, url, {"email": "Helper@Example.org", "language": language})
    assert response.status_code == 302
    invited = users["council_editor"].__class__.objects.get(email__iexact="helper@example.org")
    assert not invited.has_usable_password() and not invited.is_staff and not invited.is_superuser
    assert list(invited.groups.all()) == [ensure_group_editors(listings["a"]["en"]).group]
    assert invited.wagtail_userprofile.preferred_language == language
    assert listings["a"]["cy"].permissions_for_user(invited).can_edit()
    assert not listings["b"]["en"].permissions_for_user(invited).can_edit()
    assert mail.outbox[0].body.startswith(greeting) and "/admin/password_reset/" in mail.outbox[0].body
    # The screen lists who looks after the group now.
    assert "helper@example.org" in council.get(url).content.decode().lower()


def test_inviting_an_existing_account_keeps_its_password_language_and_roles(users, listings):
    moderator = users["moderator"]
    moderator.set_password("their-own")
    moderator.save()
    council = csrf_client(users["council_editor"])
    post_form(
        council,
        f"/admin/directory/invite-editor/{listings['b']['en'].pk}/",
        {"email": moderator.email, "language": "cy"},
    )
    moderator.refresh_from_db()
    assert moderator.check_password("their-own")
    assert set(moderator.groups.values_list("name", flat=True)) == {
        "Moderators",
        ensure_group_editors(listings["b"]["en"]).group.name,
    }
    assert "/admin/password_reset/" not in mail.outbox[0].body  # no link that would reset their password


def test_the_invitation_screen_speaks_welsh(users, listings):
    profile = UserProfile.get_for_user(users["council_editor"])
    profile.preferred_language = "cy"
    profile.save()
    council = csrf_client(users["council_editor"])
    page = council.get(f"/admin/directory/invite-editor/{listings['a']['en'].pk}/").content.decode()
    assert "Gwahodd golygydd ar gyfer y grŵp hwn" in page
    refused = post_form(
        council, f"/admin/directory/invite-editor/{listings['a']['en'].pk}/", {"email": "not-an-address"}
    )
    assert "Rhowch gyfeiriad e-bost yn y fformat cywir" in refused.content.decode()


@pytest.mark.parametrize("role", ["editor_a", "moderator"])
def test_only_council_editors_may_invite(users, listings, role):
    client = csrf_client(users[role])
    url = f"/admin/directory/invite-editor/{listings['a']['en'].pk}/"
    assert client.get(url, follow=True).request["PATH_INFO"] == "/admin/"
    token = client.get("/admin/").cookies.get("csrftoken")
    client.post(
        url, {"csrfmiddlewaretoken": token.value if token else "", "email": "x@example.org", "language": "en"}
    )
    assert not users[role].__class__.objects.filter(email="x@example.org").exists()
    assert not mail.outbox


def test_a_failed_invitation_e_mail_keeps_the_editor_and_says_so(users, listings, settings):
    settings.EMAIL_BACKEND = "tests.directory.test_editors.BrokenMailBackend"
    council = csrf_client(users["council_editor"])
    url = f"/admin/directory/invite-editor/{listings['a']['en'].pk}/"
    response = post_form(council, url, {"email": "helper@example.org", "language": "en"})
    assert response.status_code == 302
    invited = users["council_editor"].__class__.objects.get(email="helper@example.org")
    assert invited.groups.filter(community_group__isnull=False).exists()
    assert "could not be e-mailed" in council.get(response["Location"]).content.decode()


class BrokenMailBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise SMTPException("no mail server")


def test_two_groups_with_the_same_name_get_their_own_editors(make_group):
    first, second = (
        make_group("Friends of the Library"),
        make_group("Friends of the Library", slug="friends-2"),
    )
    first_editors, second_editors = ensure_group_editors(first), ensure_group_editors(second)
    assert first_editors.group != second_editors.group
    assert first_editors.collection != second_editors.collection
    assert ensure_group_editors(first) == first_editors  # found again by the translation key


def speaks(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


def add_form(client, model, index):
    response = client.get(f"/admin/pages/add/{model._meta.app_label}/{model._meta.model_name}/{index.pk}/")
    return BeautifulSoup(response.content, "html.parser").find("form", id="page-edit-form")


@pytest.mark.parametrize("language", ["en", "cy"])
def test_an_editor_of_one_group_is_not_asked_who_organises(client, users, listings, others, language):
    """The event and the opportunity are their group's, in the language of the section."""
    speaks(users["editor_a"], language)
    client.force_login(users["editor_a"])
    event_index = others["event_index"][language]
    volunteering_index = others["volunteering_index"][language]

    for model, index in ((EventPage, event_index), (OpportunityPage, volunteering_index)):
        assert add_form(client, model, index).find(attrs={"name": "group"}) is None, model
    assert submit_new_event(client, event_index, listings["a"][language])
    _response, made = submit_new_opportunity(client, volunteering_index, listings["a"][language])

    assert made
    assert EventPage.objects.get(title="Coffee morning").group_id == listings["a"][language].pk


@pytest.mark.parametrize("language", ["en", "cy"])
def test_an_editor_of_two_groups_finds_their_group_chosen(
    client, editor_b_of_two_groups, listings, others, language
):
    speaks(editor_b_of_two_groups, language)
    client.force_login(editor_b_of_two_groups)

    for model, index in (
        (EventPage, others["event_index"]["cy"]),
        (OpportunityPage, others["volunteering_index"]["cy"]),
    ):
        chosen = add_form(client, model, index).find("input", attrs={"name": "group"})
        # Of their two groups, the one listed in the section's language (the shed is in English only).
        assert chosen["value"] == str(listings["b"]["cy"].pk), model


def test_the_organiser_chooser_opens_at_the_directory_not_the_root(
    client, users, listings, others, directory
):
    client.force_login(users["council_editor"])

    html = str(add_form(client, EventPage, others["event_index"]["cy"]))

    assert f'"parentId": {directory["cy"].pk}' in html.replace("&quot;", '"')


@pytest.mark.parametrize(
    ("language", "why"),
    [
        ("en", "This listing is looked after by another group; ask the council if you need to change it."),
        (
            "cy",
            "Mae grŵp arall yn gofalu am y rhestriad hwn; gofynnwch i'r cyngor os oes angen i chi ei newid.",
        ),
    ],
)
def test_an_editor_refused_another_groups_listing_is_told_why(client, users, listings, language, why):
    speaks(users["editor_a"], language)
    client.force_login(users["editor_a"])

    response = client.get(f"/admin/pages/{listings['b']['en'].pk}/edit/", follow=True)

    html = response.content.decode().replace("&#x27;", "'")
    assert response.request["PATH_INFO"] == "/admin/"
    assert why in html
    assert "Sorry, you do not have permission" not in html


def primary_action(html):
    """The button the page editor's footer shows first (the others are under "More actions")."""
    return BeautifulSoup(html, "html.parser").select_one(
        ".w-dropdown-button > button, .w-dropdown-button > a"
    )


@pytest.mark.parametrize(
    ("language", "label"), [("en", "Submit for review"), ("cy", "Cyflwyno i'w hadolygu")]
)
def test_a_group_editors_primary_action_is_submit_for_review(
    client, users, listings, others, language, label
):
    speaks(users["editor_a"], language)
    client.force_login(users["editor_a"])
    urls = [
        f"/admin/pages/{listings['a']['en'].pk}/edit/",
        f"/admin/pages/add/events/eventpage/{others['event_index'][language].pk}/",
    ]

    for url in urls:
        button = primary_action(client.get(url).content.decode())
        assert (button.get("name"), button.get_text(" ", strip=True)) == ("action-submit", label), url


def test_council_editors_keep_wagtails_actions(client, users, listings):
    client.force_login(users["council_editor"])

    button = primary_action(client.get(f"/admin/pages/{listings['a']['en'].pk}/edit/").content.decode())

    assert button.get("name") != "action-submit"


@pytest.mark.parametrize(
    ("language", "next_step"),
    [
        ("en", "your changes have gone to the council's moderators"),
        ("cy", "mae eich newidiadau wedi mynd at gymedrolwyr y cyngor"),
    ],
)
def test_after_submitting_a_group_editor_is_told_who_reviews_it(
    client, users, listings, others, language, next_step
):
    speaks(users["editor_a"], language)
    client.force_login(users["editor_a"])

    assert submit_new_event(client, others["event_index"][language], listings["a"][language])

    html = client.get("/admin/").content.decode().replace("&#x27;", "'")
    assert next_step in html


def dashboard_actions(client):
    panel = BeautifulSoup(client.get("/admin/").content, "html.parser").find(
        "section", attrs={"aria-labelledby": "editor-actions-heading"}
    )
    return {link.get_text(" ", strip=True): link["href"] for link in panel.find_all("a")} if panel else {}


@pytest.mark.parametrize(
    ("language", "labels"),
    [
        ("en", ["Update your group's details", "Add an event", "Add a volunteering opportunity", "Messages"]),
        (
            "cy",
            [
                "Diweddaru manylion eich grŵp",
                "Ychwanegu digwyddiad",
                "Ychwanegu cyfle gwirfoddoli",
                "Negeseuon",
            ],
        ),
    ],
)
def test_a_group_editors_dashboard_has_their_big_actions(client, users, listings, others, language, labels):
    speaks(users["editor_a"], language)
    client.force_login(users["editor_a"])

    actions = dashboard_actions(client)

    assert list(actions) == labels
    assert list(actions.values())[:3] == [
        f"/admin/pages/{listings['a'][language].pk}/edit/",
        f"/admin/pages/add/events/eventpage/{others['event_index'][language].pk}/",
        f"/admin/pages/add/volunteering/opportunitypage/{others['volunteering_index'][language].pk}/",
    ]
    for url in actions.values():
        assert client.get(url).status_code == 200, url


def test_the_dashboard_lists_a_group_editors_submissions_with_their_state(client, users, listings, others):
    client.force_login(users["editor_a"])
    assert submit_new_event(client, others["event_index"]["en"], listings["a"]["en"])

    html = client.get("/admin/").content.decode()

    assert "Coffee morning" in BeautifulSoup(html, "html.parser").select_one("#main").get_text()
    assert "In Moderation" in html or "Moderators approval" in html


def test_council_editors_get_no_group_actions(client, users, listings, others):
    client.force_login(users["council_editor"])

    assert dashboard_actions(client) == {}
