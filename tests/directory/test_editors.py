"""Who may do what: the permission matrix for the portal's roles, checked two ways."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import AnonymousUser, Group
from django.core import mail
from django.core.management import call_command
from wagtail.models import Page

from directory.editors import ensure_group_editors, invite_editor
from events.editors import organisers_for
from events.models import EventPage
from stories.models import StoryPage

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "editor_a", "editor_b", "moderator", "council_editor"]


@pytest.fixture
def listings(make_group, locales):
    pages = {}
    for key, title in (("a", "Gresford Library"), ("b", "Rhos Café")):
        english = make_group(title)
        english.save_revision().publish()
        welsh = english.copy_for_translation(locales["cy"])
        welsh.save_revision().publish()
        pages[key] = {"en": english, "cy": welsh}
    return pages


@pytest.fixture
def others(listings, event_index, story_index):
    """An event organised by group B, made before B's editors exist, and a story."""
    event = EventPage(title="Rhos coffee morning", summary="Coffee", start_date="2026-12-05", group=listings["b"]["en"])
    event_index["en"].add_child(instance=event)
    event.save_revision().publish()
    story = StoryPage(title="The library stays open", standfirst="It does.")
    story_index["en"].add_child(instance=story)
    story.save_revision().publish()
    return {"event_index": event_index, "event_b": event, "story": story}


@pytest.fixture
def users(django_user_model, listings, others):
    def user(name, *groups):
        account = django_user_model.objects.create_user(name, f"{name}@wrexham.example", "pw")
        account.groups.add(*groups)
        return account

    return {
        "anonymous": AnonymousUser(),
        "editor_a": user("editor_a", ensure_group_editors(listings["a"]["en"]).group),
        "editor_b": user("editor_b", ensure_group_editors(listings["b"]["cy"]).group),
        "moderator": user("moderator", Group.objects.get(name="Moderators")),
        "council_editor": user("council_editor", Group.objects.get(name="Council editors")),
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
            others["event_index"]["en"].permissions_for_user(user).can_add_subpage() and may_organise(user, a["en"])
        ),
        "edit an event of B": lambda: others["event_b"].permissions_for_user(user).can_edit(),
        "edit a story": lambda: others["story"].permissions_for_user(user).can_edit(),
        "manage users": lambda: user.has_perm("auth.change_user"),
        "submit a translation": lambda: user.has_perm("wagtail_localize.submit_translation"),
        "edit settings": lambda: user.has_perm("home.change_portalsettings"),
        "edit topics": lambda: user.has_perm("search.change_topic"),
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
    "edit a story":         (False, False, False, True, True),
    "manage users":         (False, False, False, False, True),
    "submit a translation": (False, False, False, False, True),
    "edit settings":        (False, False, False, False, True),
    "edit topics":          (False, False, False, False, True),
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
        "edit a story": f"/admin/pages/{others['story'].pk}/edit/",
        "manage users": "/admin/users/",
        "submit a translation": f"/admin/localize/submit/page/{a['en'].pk}/",
        "edit settings": "/admin/settings/home/portalsettings/",
        "edit topics": "/admin/snippets/search/topic/",
    }.get(action)


def reaches(client, url):
    """Whether the signed-in user gets the screen at ``url`` (Wagtail redirects refusals)."""
    response = client.get(url, follow=True)
    landed = response.request["PATH_INFO"]
    if response.status_code != 200 or landed.startswith("/admin/login/"):
        return False
    return url == "/admin/" or landed != "/admin/"


@pytest.mark.parametrize("role", ROLES)
def submit_new_event(client, event_index, organiser):
    """Fill in the admin's "add event" form as an editor would and submit it for moderation.

    The form's own fields are read from the page, so every hidden and default value goes back;
    the body (a StreamField that the browser's script would fill) is sent empty.
    """
    url = f"/admin/pages/add/events/eventpage/{event_index.pk}/"
    response = client.get(url, follow=True)
    if response.request["PATH_INFO"] != url:
        return False
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
    data.update(
        {
            "title": "Coffee morning",
            "slug": f"coffee-morning-{organiser.pk}",
            "summary": "Coffee and cake",
            "start_date": "2026-12-12",
            "group": organiser.pk,
            "body-count": "0",
            "action-submit": "Submit for moderation",
        }
    )
    before = EventPage.objects.count()
    client.post(url, data)
    return EventPage.objects.filter(group=organiser).count() > 0 and EventPage.objects.count() == before + 1


@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix_over_http(client, users, listings, others, role):
    if role != "anonymous":
        client.force_login(users[role])
    column = ROLES.index(role)
    actions = [action for action in EXPECTED if admin_url(action, listings, others)]
    outcome = {action: reaches(client, admin_url(action, listings, others)) for action in actions}
    outcome["create an event for A"] = submit_new_event(client, others["event_index"]["en"], listings["a"]["en"])
    expected = {action: EXPECTED[action][column] for action in [*actions, "create an event for A"]}
    assert outcome == expected


def test_a_group_editor_edits_events_their_group_organises_later(users, listings, others):
    event = EventPage(title="Rhos quiz", summary="Quiz", start_date="2026-12-19", group=listings["b"]["en"])
    others["event_index"]["en"].add_child(instance=event)
    assert event.permissions_for_user(users["editor_b"]).can_edit()
    assert not event.permissions_for_user(users["editor_a"]).can_edit()


def test_a_group_editor_cannot_name_another_group_as_organiser(client, users, listings, others):
    client.force_login(users["editor_b"])
    index = others["event_index"]["en"]
    assert not submit_new_event(client, index, listings["a"]["en"])
    response = client.get(f"/admin/pages/add/events/eventpage/{index.pk}/")
    assert response.status_code == 200  # editors of B may add events, for B only
    assert submit_new_event(client, index, listings["b"]["en"])
    event = EventPage.objects.get(group=listings["b"]["en"], title="Coffee morning")
    assert not event.live and event.current_workflow_state is not None  # waits for moderation


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
    call_command("invite_group_editor", listings["b"]["en"].slug, "volunteer@example.org", stdout=open("/dev/null", "w"))
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
