"""Council editors create directory pages in the Wagtail admin, in either language."""

import pytest
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from directory.models import Area, GroupIndexPage, GroupPage
from search.models import Topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, django_user_model, home_pages):
    client.force_login(django_user_model.objects.create_superuser("council", "c@wrexham.example", "pw"))
    return client


def group_form(title, slug, area, **extra):
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "summary": "Volunteers keep the library open.",
            "body": streamfield([("paragraph", rich_text("<p>Books, computers and a warm welcome.</p>"))]),
            "area": area.pk,
            "email": "hello@library.example",
            "email_language": "en",
            "group_language": "en-speakers",
            "last_reviewed": "2026-11-01",
            "social_links": streamfield([]),
            "schedule": streamfield([]),
            "topics": "Volunteering",
            "action-publish": "publish",
            **extra,
        }
    )


def test_editor_creates_the_directory_and_a_group_in_both_languages(admin_client, home_pages, topics, client):
    response = admin_client.post(
        f"/admin/pages/add/directory/groupindexpage/{home_pages['en'].pk}/",
        nested_form_data(
            {
                "title": "Community groups",
                "slug": "groups",
                "introduction": "Find a group.",
                "action-publish": "publish",
            }
        ),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    index = GroupIndexPage.objects.get(slug="groups")
    area = Area.objects.create(name="Gresford", slug="gresford", name_cy="Gresffordd")

    response = admin_client.post(
        f"/admin/pages/add/directory/grouppage/{index.pk}/",
        group_form("Gresford Library", "gresford-library", area),
    )
    assert response.status_code == 302
    group = GroupPage.objects.get(slug="gresford-library")
    assert group.live and group.area == area and group.welsh_speakers_welcome
    assert [topic.name for topic in group.topics.all()] == ["Volunteering"]

    welsh_index = index.copy_for_translation(home_pages["cy"].locale)
    welsh_index.slug = "grwpiau"
    welsh_index.save_revision().publish()
    response = admin_client.post(
        f"/admin/pages/add/directory/grouppage/{welsh_index.pk}/",
        group_form(
            "Llyfrgell Gresffordd",
            "llyfrgell-gresffordd",
            area,
            summary="Gwirfoddolwyr sy'n cadw'r llyfrgell ar agor.",
        ),
    )
    assert response.status_code == 302
    assert client.get("/en/groups/gresford-library/").status_code == 200
    assert "Gwirfoddolwyr" in client.get("/cy/grwpiau/llyfrgell-gresffordd/").content.decode()


def test_topics_are_chosen_from_the_list_not_invented(admin_client, directory, topics, areas):
    form = group_form("New Club", "new-club", areas["rhos"])
    form["topics"] = ["Volunteering", "Knitting"]  # one value per box ticked; Knitting is not on the list
    response = admin_client.post(f"/admin/pages/add/directory/grouppage/{directory['en'].pk}/", form)
    assert response.status_code == 302
    assert [topic.name for topic in GroupPage.objects.get(slug="new-club").topics.all()] == ["Volunteering"]
    assert not Topic.objects.filter(name="Knitting").exists()
