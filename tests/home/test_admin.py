import pytest
from bs4 import BeautifulSoup
from django.test import Client
from wagtail.users.models import UserProfile

from directory.editors import ensure_group_editors

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["en", "cy"])
def test_admin_speaks_the_editors_chosen_language(client, django_user_model, home_pages, language):
    editor = django_user_model.objects.create_superuser("editor", "editor@wrexham.example", "pw")
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = language
    profile.save()
    client.force_login(editor)

    response = client.get("/admin/")
    assert response.status_code == 200
    assert BeautifulSoup(response.content, "html.parser").html["lang"] == language


def test_admin_is_outside_the_language_prefix(client, home_pages):
    assert client.get("/admin/").status_code == 302
    assert client.get("/en/admin/").status_code == 404


def test_portal_settings_show_in_the_editors_language(client, django_user_model, home_pages):
    editor = django_user_model.objects.create_superuser("editor", "editor@wrexham.example", "pw")
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "cy"
    profile.save()
    client.force_login(editor)
    response = client.get("/admin/settings/home/portalsettings/", follow=True)
    assert response.status_code == 200
    assert "enw'r wefan (cymraeg)" in response.content.decode().replace("&#x27;", "'").lower()


def form_data(form):
    """What a browser would post back from ``form`` unchanged (checkboxes that are ticked only)."""
    data = {}
    for field in form.find_all(["input", "select", "textarea"]):
        name = field.get("name")
        if not name or field.get("type") in ("submit", "file"):
            continue
        if field.get("type") in ("checkbox", "radio"):
            if field.has_attr("checked"):
                data[name] = field.get("value", "on")
        elif field.name == "select":
            chosen = field.find("option", selected=True)
            data[name] = chosen["value"] if chosen else ""
        else:
            data[name] = field.text if field.name == "textarea" else field.get("value", "")
    return data


@pytest.mark.parametrize("language", ["en", "cy"])
def test_a_group_editor_without_names_saves_their_preferences(django_user_model, make_group, language):
    """Invited editors have no names; choosing the admin's language must not ask for them."""
    listing = make_group("Gresford Library")
    editor = django_user_model.objects.create_user("volunteer", "volunteer@wrexham.example", "pw")
    editor.groups.add(ensure_group_editors(listing).group)
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = language
    profile.save()
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    form = BeautifulSoup(client.get("/admin/account/").content, "html.parser").find(
        lambda tag: tag.name == "form" and tag.get("method", "").lower() == "post"
    )
    other = {"en": "cy", "cy": "en"}[language]

    response = client.post("/admin/account/", {**form_data(form), "locale-preferred_language": other})

    assert response.status_code == 302
    assert UserProfile.get_for_user(editor).preferred_language == other


def test_the_admin_asks_gravatar_for_no_avatar(client, django_user_model, home_pages):
    """gravatar.com would be sent a hash of each editor's e-mail address."""
    client.force_login(django_user_model.objects.create_superuser("editor", "editor@wrexham.example", "pw"))

    for url in ("/admin/", "/admin/account/", "/admin/users/"):
        assert "gravatar" not in client.get(url).content.decode(), url
