import pytest
from bs4 import BeautifulSoup
from wagtail.users.models import UserProfile

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
