"""The translation state: the "Translations" report, the dashboard panel and the notice after
publishing an English page whose Welsh is missing or behind."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.users.models import UserProfile
from wagtail_localize.models import TranslationSource

from directory.editors import ensure_group_editors
from home.translation_state import TranslationState, pages_with_translation_state
from tests.helpers import in_welsh, translate
from tests.home.test_editing_conflicts import messages_shown, open_edit_form, post_edit, signed_in

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/translations/"
ROLES = ["anonymous", "group_editor", "moderator", "council_editor", "superuser"]


def republish(page):
    page.refresh_from_db()
    page.save_revision().publish()


@pytest.fixture
def pages(make_group, locales):
    """One group in each state, plus a Welsh alias (which is no translation)."""
    welsh = locales["cy"]
    made = {"only_en": make_group("Only English Club")}
    made["only_en"].save_revision().publish()
    made["only_cy"] = make_group("Clwb Cymraeg yn unig", language="cy")
    made["only_cy"].save_revision().publish()
    made["alias"] = make_group("Aliased Choir")
    made["alias"].save_revision().publish()
    made["alias"].copy_for_translation(welsh, alias=True)
    made["draft"] = make_group("Draft Welsh Café")
    made["draft"].save_revision().publish()
    made["draft"].copy_for_translation(welsh).save_revision()  # saved, not published
    made["behind_by_hand"] = make_group("Hand Translated Walkers")
    made["behind_by_hand"].save_revision().publish()
    translate(made["behind_by_hand"], welsh, title="Cerddwyr")
    republish(made["behind_by_hand"])  # English changed after the Welsh
    made["behind_localize"] = make_group("Synced Book Club")
    made["behind_localize"].save_revision().publish()
    TranslationSource.update_or_create_from_instance(made["behind_localize"])
    translate(made["behind_localize"], welsh, title="Clwb Llyfrau")
    republish(made["behind_localize"])  # English changed after the last sync
    made["both"] = make_group("Both Languages Garden")
    made["both"].save_revision().publish()
    translate(made["both"], welsh, title="Gardd y Ddwy Iaith")
    made["synced"] = make_group("Synced Repair Café")
    made["synced"].save_revision().publish()
    translate(made["synced"], welsh, title="Caffi Trwsio")
    TranslationSource.update_or_create_from_instance(made["synced"])  # synced after publishing
    return made


EXPECTED = {
    "only_en": TranslationState.ONLY_ENGLISH,
    "only_cy": TranslationState.ONLY_WELSH,
    "alias": TranslationState.ONLY_ENGLISH,
    "draft": TranslationState.WELSH_DRAFT,
    "behind_by_hand": TranslationState.WELSH_BEHIND,
    "behind_localize": TranslationState.WELSH_BEHIND,
    "both": TranslationState.BOTH_LIVE,
    "synced": TranslationState.BOTH_LIVE,
}


def test_every_page_has_one_row_with_its_state(pages, directory):
    states = {row.pk: row.state for row in pages_with_translation_state()}
    assert {key: states[page.pk] for key, page in pages.items()} == EXPECTED
    # One row per translation: the Welsh directory and Welsh groups with English twins have none.
    assert directory["cy"].pk not in states
    assert pages["both"].get_translation(directory["cy"].locale).pk not in states


@pytest.fixture
def users(make_user, pages):
    return {
        "group_editor": make_user("volunteer", [ensure_group_editors(pages["both"]).group]),
        "moderator": make_user("moderator", [Group.objects.get(name="Moderators")]),
        "council_editor": make_user("council", [Group.objects.get(name="Council editors")]),
        "superuser": make_user("root", is_superuser=True, is_staff=True),
    }


@pytest.mark.parametrize("role", ROLES)
def test_only_council_editors_and_superusers_see_the_report(client, users, role):
    allowed = role in ("council_editor", "superuser")
    if role != "anonymous":
        client.force_login(users[role])
    response = client.get(REPORT)
    assert (response.status_code == 200) is allowed
    if role == "anonymous":
        assert response["Location"].startswith("/admin/login/")
        return
    reports_menu = client.get("/admin/").content.decode()
    assert (REPORT in reports_menu) is allowed
    # wagtail-localize's report of translation jobs no longer shows beside it, to anyone.
    assert reverse("wagtail_localize:translations_report") not in reports_menu


def report_rows(client, query=""):
    soup = BeautifulSoup(client.get(REPORT + query).content, "html.parser")
    return [
        [cell.get_text(" ", strip=True) for cell in row.find_all("td")] for row in soup.select("tbody tr")
    ]


@pytest.mark.parametrize("language", ["en", "cy"])
def test_report_filters_by_state_and_links_to_the_fix(client, users, pages, locales, language):
    council_editor = users["council_editor"]
    UserProfile.objects.filter(user=council_editor).update(preferred_language=language)
    client.force_login(council_editor)
    rows = report_rows(client, "?state=welsh_behind")
    assert sorted(row[0] for row in rows) == ["Hand Translated Walkers", "Synced Book Club"]
    label = str(TranslationState.WELSH_BEHIND.label)
    assert all(row[3] == (in_welsh(label) if language == "cy" else label) for row in rows)
    soup = BeautifulSoup(client.get(REPORT + "?state=welsh_behind").content, "html.parser")
    source = TranslationSource.objects.get(object_id=pages["behind_localize"].translation_key)
    links = {a["href"] for a in soup.select("tbody a.button")}
    welsh_by_hand = pages["behind_by_hand"].get_translation(locales["cy"])
    assert links == {
        reverse("wagtail_localize:update_translations", args=[source.pk]),
        reverse("wagtailadmin_pages:edit", args=[welsh_by_hand.pk]),
    }
    only_english = BeautifulSoup(client.get(REPORT + "?state=only_en").content, "html.parser")
    assert {a["href"] for a in only_english.select("tbody a.button")} == {
        reverse("wagtail_localize:submit_page_translation", args=[pages[key].pk])
        for key in ("only_en", "alias")
    }


def test_report_filters_by_section_in_the_editors_language(client, users, pages, directory, event_index):
    council_editor = users["council_editor"]
    UserProfile.objects.filter(user=council_editor).update(preferred_language="cy")
    client.force_login(council_editor)
    rows = report_rows(client, f"?section={directory['en'].translation_key}")
    assert len(rows) == len(pages) + 1  # the directory itself
    assert {row[2] for row in rows} == {"Grwpiau cymunedol"}
    assert report_rows(client, f"?section={event_index['en'].translation_key}") == [
        ["Events", "Digwyddiadau", "Digwyddiadau", in_welsh("Live in both languages"), ""]
    ]


def test_report_and_dashboard_cost_the_same_queries_at_any_size(client, make_user, make_group, locales):
    def add_groups(start, end):
        for number in range(start, end):
            group = make_group(f"Group {number}")
            group.save_revision().publish()
            if number % 2:
                translate(group, locales["cy"], title=f"Grŵp {number}")

    def count(path, rows=None):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        assert response.status_code == 200
        if rows is not None:  # and the home page and the directory
            assert len(BeautifulSoup(response.content, "html.parser").select("tbody tr")) == rows + 2
        return len(queries)

    client.force_login(make_user("council", [Group.objects.get(name="Council editors")]))
    add_groups(0, 3)
    client.get(REPORT), client.get("/admin/")  # the first visit fills caches
    at_3 = {"report": count(REPORT, rows=3), "dashboard": count("/admin/")}
    add_groups(3, 40)
    client.get(REPORT), client.get("/admin/")  # publishing retired the kept facts (the site)
    assert {"report": count(REPORT, rows=40), "dashboard": count("/admin/")} == at_3
    # The dashboard also shows Wagtail's own panels and the editors' actions (home/review.py).
    assert at_3["report"] <= 15 and at_3["dashboard"] <= 30


@pytest.mark.parametrize("language", ["en", "cy"])
def test_council_editors_dashboard_counts_pages_out_of_step(client, users, pages, language):
    UserProfile.objects.filter(user=users["council_editor"]).update(preferred_language=language)
    client.force_login(users["council_editor"])
    panel = BeautifulSoup(client.get("/admin/").content, "html.parser").select_one(
        "#translations-out-of-step-heading"
    )
    heading = "Translations out of step"
    assert panel.get_text() == f"{in_welsh(heading) if language == 'cy' else heading} (6)"
    client.force_login(users["moderator"])
    assert "translations-out-of-step-heading" not in client.get("/admin/").content.decode()


# What the editor is told after publishing, and the link that puts the Welsh right.
AFTER_PUBLISHING = {
    "synced": (
        {"en": "does not have this change yet", "cy": "Nid yw'r newid hwn yn y fersiwn Gymraeg"},
        lambda page: reverse(
            "wagtail_localize:update_translations",
            args=[TranslationSource.objects.get(object_id=page.translation_key).pk],
        ),
    ),
    "only_en": (
        {"en": "is not in Welsh yet", "cy": "yn Gymraeg eto. Fydd darllenwyr Cymraeg ddim"},
        lambda page: reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
    ),
}


def publish(client, page, summary):
    response = post_edit(
        client, page, open_edit_form(client, page), {"action-publish": "Publish"}, summary=summary
    )
    text, links = messages_shown(client, response)
    return text.replace("’", "'"), links


@pytest.mark.parametrize("key", AFTER_PUBLISHING)
@pytest.mark.parametrize("language", ["en", "cy"])
def test_publishing_english_says_the_welsh_is_missing_or_behind_in_the_editors_language(
    make_user, pages, key, language
):
    client = signed_in(make_user("council", [Group.objects.get(name="Council editors")], language))
    notice, link = AFTER_PUBLISHING[key]
    text, links = publish(client, pages[key], "New")
    assert notice[language] in text
    assert link(pages[key]) in links


def test_publishing_welsh_says_nothing_about_translation(make_user, pages, locales):
    client = signed_in(make_user("council", [Group.objects.get(name="Council editors")]))
    welsh = pages["both"].get_translation(locales["cy"])
    text, _ = publish(client, welsh, "Newydd")
    assert "Welsh" not in text
