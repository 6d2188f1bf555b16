"""The topic and area pickers of the page editor name each item in the editor's language."""

import pytest
from django.http import QueryDict
from wagtail.admin.forms.tags import TagField
from wagtail.users.models import UserProfile

from bilingual.names import BilingualTagCheckboxes
from search.models import Topic
from tests.helpers import parse

pytestmark = pytest.mark.django_db


@pytest.fixture
def listing(make_group, topics, areas):
    group = make_group("Gresford Library", topics=[topics["food"]], area=areas["gresford"])
    group.save_revision().publish()
    return group


def edit_form_as(client, django_user_model, listing, language):
    editor = django_user_model.objects.create_superuser(f"editor_{language}", "editor@wrexham.example", "pw")
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = language
    profile.save()
    client.force_login(editor)
    return parse(client.get(f"/admin/pages/{listing.pk}/edit/"))


@pytest.mark.parametrize(
    ("language", "topic_labels", "area"),
    [("cy", ["Bwyd", "Gwirfoddoli"], "Gresffordd"), ("en", ["Food", "Volunteering"], "Gresford")],
)
def test_pickers_name_topics_and_areas_in_the_editors_language(
    client, django_user_model, listing, language, topic_labels, area
):
    form = edit_form_as(client, django_user_model, listing, language)
    boxes = form.select("input[name=topics]")
    labels = [form.find("label", attrs={"for": box["id"]}).get_text(strip=True) for box in boxes]
    assert labels == topic_labels
    assert [box["value"] for box in boxes if box.has_attr("checked")] == ["Food"]
    # Areas are snippets: Wagtail's snippet chooser shows the chosen one by its str().
    assert area in [title.get_text(strip=True) for title in form.select("[data-chooser-title]")]
    chooser = parse(client.get("/admin/snippets/choose/directory/area/"))
    assert area in chooser.get_text()


def test_the_chosen_boxes_become_the_pages_topics(topics):
    field = TagField(tag_model=Topic, widget=BilingualTagCheckboxes)
    Topic.objects.create(name="Arts and crafts", slug="arts", name_cy="Celf a chrefft", slug_cy="celf")
    data = QueryDict(mutable=True)
    data.setlist("topics", ["Food", "Arts and crafts"])
    assert sorted(field.clean(field.widget.value_from_datadict(data, {}, "topics"))) == [
        "Arts and crafts",
        "Food",
    ]
    # A name the council's list does not hold is dropped, as Wagtail's own picker does.
    data.setlist("topics", ["Food", "Invented"])
    assert field.clean(field.widget.value_from_datadict(data, {}, "topics")) == ["Food"]
