"""Facts as data on a group's listing: its weekly sessions, its language, its access and who it
is for, shown in the page's language, filtered in the directory and given to search engines."""

import importlib
import json
from datetime import time

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Revision
from wagtail.test.utils.form_data import nested_form_data, streamfield
from wagtail_localize.segments.extract import extract_segments

from directory.editors import ensure_group_editors
from directory.models import GroupPage
from tests.directory.test_directory_admin import group_form
from tests.helpers import parse, translate
from tests.home.test_editing_conflicts import open_edit_form
from tests.home.test_public_visibility import ALIAS, HIDDEN, add_everywhere

pytestmark = pytest.mark.django_db

migration = importlib.import_module("directory.migrations.0015_facts_as_data")


def session(day, start, end=None, weeks="", notes=""):
    return ("session", {"day": day, "weeks": weeks, "start": start, "end": end, "notes": notes})


TUESDAY_MORNING = session("tue", time(10, 30), time(12))
FIRST_MONDAY = session("mon", time(10), time(12), weeks="1", notes="Term time only")
SECOND_SATURDAY = session("sat", time(14), weeks="2")
LAST_FRIDAY_EVENING = session("fri", time(19), time(21), weeks="-1")


def summary(soup, css):
    return " ".join(soup.select_one(f".summary-list {css} dd").get_text(" ").split())


# --- the group page ------------------------------------------------------------------------


def test_sessions_read_in_the_pages_language(client, make_group, locales):
    english = make_group(
        "Rhos Café",
        schedule=[FIRST_MONDAY, TUESDAY_MORNING, SECOND_SATURDAY, LAST_FRIDAY_EVENING],
        meeting_times="Closed in August.",
    )
    welsh = translate(english, locales["cy"], title="Caffi Rhos", slug="caffi-rhos")
    welsh.schedule[0].value["notes"] = "Yn ystod y tymor yn unig"  # the translator's note
    welsh.save_revision().publish()

    times = summary(parse(client.get("/en/groups/rhos-cafe/")), ".group__times")
    assert [
        item.get_text() for item in parse(client.get("/en/groups/rhos-cafe/")).select(".group__times li")
    ] == [
        "First Monday of every month, 10:00–12:00 (Term time only)",
        "Every Tuesday, 10:30–12:00",
        "Last Friday of every month, 19:00–21:00",
        "Second Saturday of every month, from 14:00",
    ]
    assert "Closed in August." in times
    welsh_items = [
        item.get_text() for item in parse(client.get("/cy/grwpiau/caffi-rhos/")).select(".group__times li")
    ]
    assert welsh_items == [
        "Y dydd Llun cyntaf bob mis, 10:00–12:00 (Yn ystod y tymor yn unig)",
        "Bob dydd Mawrth, 10:30–12:00",
        "Y dydd Gwener olaf bob mis, 19:00–21:00",
        "Yr ail ddydd Sadwrn bob mis, o 14:00 ymlaen",
    ]


def test_only_the_notes_of_a_schedule_are_for_translators(make_group):
    group = make_group("Rhos Café", schedule=[FIRST_MONDAY, TUESDAY_MORNING])
    strings = [
        segment.render_text() for segment in extract_segments(group) if hasattr(segment, "render_text")
    ]
    assert "Term time only" in strings
    assert not {"mon", "tue", "1", "10:00:00"} & set(strings)


@pytest.mark.parametrize(
    "answer, english, welsh",
    [
        ("cy", "Welsh only", "Cymraeg yn unig"),
        ("bilingual", "Welsh and English", "Cymraeg a Saesneg"),
        ("en-speakers", "English, Welsh speakers welcome", "Saesneg, croeso i siaradwyr Cymraeg"),
        ("en-learners", "English, Welsh learners welcome", "Saesneg, croeso i ddysgwyr Cymraeg"),
        ("en", "English only", "Saesneg yn unig"),
    ],
)
def test_the_language_answer_shows_in_both_languages(client, make_group, answer, english, welsh):
    make_group("Rhos Café", group_language=answer)
    make_group("Caffi Rhos", language="cy", group_language=answer)
    assert summary(parse(client.get("/en/groups/rhos-cafe/")), ".group__language") == english
    assert summary(parse(client.get("/cy/grwpiau/caffi-rhos/")), ".group__language") == welsh


def test_access_ages_and_cost_show_in_both_languages(client, make_group):
    facts = {
        "step_free": True, "hearing_loop": True, "public_transport": True,
        "accessibility": "Ramp at the side door.", "minimum_age": 8, "maximum_age": 12, "cost": "low",
    }  # fmt: skip
    make_group("Youth Theatre", cost_note="£3 a week.", **facts)
    make_group("Theatr Ieuenctid", language="cy", cost_note="£3 yr wythnos.", **facts)
    english = parse(client.get("/en/groups/youth-theatre/"))
    welsh = parse(client.get("/cy/grwpiau/theatr-ieuenctid/"))
    assert [li.get_text() for li in english.select(".group__access li")] == [
        "Step-free access",
        "Hearing loop",
        "Public transport nearby",
    ]
    assert [li.get_text() for li in welsh.select(".group__access li")] == [
        "Mynediad heb risiau",
        "Dolen sain",
        "Trafnidiaeth gyhoeddus gerllaw",
    ]
    assert "Ramp at the side door." in summary(english, ".group__access")
    assert summary(english, ".group__ages") == "Ages 8 to 12"
    assert summary(welsh, ".group__ages") == "8 i 12 oed"
    assert summary(english, ".group__cost") == "Low cost: £3 a week."
    assert summary(welsh, ".group__cost") == "Cost isel: £3 yr wythnos."


@pytest.mark.parametrize(
    "low, high, english, welsh",
    [(18, None, "Ages 18 and over", "18 oed a hŷn"), (None, 11, "Up to age 11", "Hyd at 11 oed")],
)
def test_an_open_ended_age_range(client, make_group, low, high, english, welsh):
    make_group("Club", minimum_age=low, maximum_age=high, cost="paid")
    make_group("Clwb", language="cy", minimum_age=low, maximum_age=high, cost="paid")
    assert summary(parse(client.get("/en/groups/club/")), ".group__ages") == english
    assert summary(parse(client.get("/cy/grwpiau/clwb/")), ".group__ages") == welsh
    assert summary(parse(client.get("/cy/grwpiau/clwb/")), ".group__cost") == "Codir tâl"


def test_a_group_without_facts_shows_no_empty_rows(client, make_group):
    soup = parse(client.get(make_group("Plain Club").url))
    assert not soup.select(".group__times, .group__access, .group__ages, .group__cost")


def test_json_ld_has_the_languages_and_the_weekly_opening_hours(client, make_group):
    make_group(
        "Rhos Café",
        group_language="en-speakers",
        postcode="LL14 1AA",
        schedule=[TUESDAY_MORNING, FIRST_MONDAY, session("sat", time(9))],
    )
    data = json.loads(
        parse(client.get("/en/groups/rhos-cafe/")).select_one('script[type="application/ld+json"]').string
    )
    assert data["knowsLanguage"] == ["en", "cy"]
    # Hours are a Place's; the first Monday of the month cannot be said in schema.org, so it is left out.
    assert data["location"]["@type"] == "Place"
    assert data["location"]["openingHoursSpecification"] == [
        {"@type": "OpeningHoursSpecification", "dayOfWeek": "https://schema.org/Tuesday", "opens": "10:30", "closes": "12:00"},
        {"@type": "OpeningHoursSpecification", "dayOfWeek": "https://schema.org/Saturday", "opens": "09:00"},
    ]  # fmt: skip


@pytest.mark.parametrize(
    "answer, codes", [("cy", ["cy"]), ("bilingual", ["cy", "en"]), ("en-learners", ["en"])]
)
def test_json_ld_languages_follow_the_answer(client, make_group, answer, codes):
    page = make_group("Club", group_language=answer)
    data = json.loads(parse(client.get(page.url)).select_one('script[type="application/ld+json"]').string)
    assert data["knowsLanguage"] == codes
    assert "location" not in data  # no place and no weekly hours: nothing to say


# --- the admin -----------------------------------------------------------------------------


def test_an_editor_adds_sessions_and_facts_in_the_admin(admin_client, directory, areas):
    form = group_form(
        "Rhos Café",
        "rhos-cafe",
        areas["rhos"],
        schedule=streamfield(
            [("session", {"day": "wed", "weeks": "", "start": "18:30", "end": "20:00", "notes": ""})]
        ),
        step_free="on",
        minimum_age="11",
        maximum_age="18",
        cost="free",
    )
    response = admin_client.post(f"/admin/pages/add/directory/grouppage/{directory['en'].pk}/", form)
    assert response.status_code == 302, response.content.decode()[:3000]
    group = GroupPage.objects.get(slug="rhos-cafe")
    assert (group.meeting_days, group.meets_in_evening, group.step_free) == ("wed", True, True)
    assert (group.minimum_age, group.maximum_age, group.cost) == (11, 18, "free")


def test_the_oldest_age_cannot_be_below_the_youngest(admin_client, directory, areas):
    form = group_form("Club", "club", areas["rhos"], minimum_age="18", maximum_age="11")
    response = admin_client.post(f"/admin/pages/add/directory/grouppage/{directory['en'].pk}/", form)
    assert response.status_code == 200
    assert "The oldest age must not be below the youngest." in response.content.decode()
    assert not GroupPage.objects.filter(slug="club").exists()


def test_the_stored_days_follow_every_save(make_group):
    group = make_group("Club", schedule=[TUESDAY_MORNING])
    assert (group.meeting_days, group.meets_in_evening) == ("tue", False)
    group.schedule = [LAST_FRIDAY_EVENING, FIRST_MONDAY]
    group.save(update_fields=["schedule"])
    group.refresh_from_db()
    assert (group.meeting_days, group.meets_in_evening) == ("mon fri", True)


def test_a_translation_keeps_the_sessions_and_facts(make_group, locales):
    english = make_group("Club", schedule=[TUESDAY_MORNING], step_free=True, minimum_age=5, cost="free")
    welsh = translate(english, locales["cy"], title="Clwb", slug="clwb")
    welsh.refresh_from_db()
    assert (welsh.meeting_days, welsh.step_free, welsh.minimum_age, welsh.cost) == ("tue", True, 5, "free")


def post_facts(user, page, action):
    """Open the listing's edit form as ``user`` and send it back with facts filled in."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    facts = {
        "step_free": "on", "cost": "low",
        **nested_form_data({"schedule": streamfield([("session", {"day": "thu", "weeks": "2", "start": "19:00", "end": "", "notes": ""})])}),
    }  # fmt: skip
    return client.post(
        f"/admin/pages/{page.pk}/edit/", {**open_edit_form(client, page), **facts, action: action}
    )


def test_who_may_change_a_listings_facts(make_group, areas, django_user_model):
    """A group's editors submit its facts for moderation, never another group's; council editors publish."""
    own, other = make_group("Own Club", area=areas["rhos"]), make_group("Other Club", area=areas["rhos"])
    for page in (own, other):
        page.save_revision().publish()
    editor = django_user_model.objects.create_user("own_editor", "own@wrexham.example", "pw")
    editor.groups.add(ensure_group_editors(own).group)
    council = django_user_model.objects.create_user("council", "council@wrexham.example", "pw")
    council.groups.add(Group.objects.get(name="Council editors"))

    response = post_facts(editor, own, "action-submit")
    assert response.status_code == 302
    own.refresh_from_db()
    assert not own.step_free  # not live until a moderator approves it
    draft = own.get_latest_revision_as_object()
    assert (draft.step_free, draft.cost, draft.sessions) == (
        True,
        "low",
        ["Second Thursday of every month, from 19:00"],
    )

    refused = Client()
    refused.force_login(editor)
    assert refused.get(f"/admin/pages/{other.pk}/edit/").status_code in (302, 403)

    response = post_facts(council, other, "action-publish")
    assert response.status_code == 302
    other.refresh_from_db()
    assert (other.step_free, other.meeting_days) == (True, "thu")


# --- the directory's filters ---------------------------------------------------------------


@pytest.fixture
def facts_directory(directory, locales):
    """In each language: a public group meeting on Tuesday evenings with every fact a filter
    looks for, with the private, draft and aliased groups beside it that no list may show, and
    a plain public group that matches no filter."""

    def make(parent, title):
        page = GroupPage(
            title=title, summary=title, live=True, schedule=[session("tue", time(19), time(21))],
            group_language="en-speakers", step_free=True, minimum_age=8, maximum_age=12, cost="free",
        )  # fmt: skip
        parent.add_child(instance=page)
        return page

    add_everywhere(directory, make, locales)
    for language, parent in directory.items():
        parent.add_child(
            instance=GroupPage(
                title=f"Plain {language}", summary="Plain", live=True, group_language="en", minimum_age=60
            )
        )
    return directory


FILTERS = ["day=tue", "evening=on", "welsh=on", "step_free=on", "age=10", "cost=free", "cost=low"]


def test_each_filter_finds_the_public_group_only(client, facts_directory):
    for path in ("/en/groups/", "/cy/grwpiau/"):
        for query in [*FILTERS, "&".join(FILTERS)]:
            titles = [
                link.get_text()
                for link in parse(client.get(f"{path}?{query}")).select(".group-card__title a")
            ]
            assert not [title for title in titles if HIDDEN in title], query
            assert not any(title.startswith("Plain") for title in titles), query
            if path.startswith("/cy/"):
                assert titles == ["Lantern Welsh public"], query  # never the alias of an English group
            else:
                assert sorted(titles) == ["Lantern English public", f"Lantern {ALIAS} English public"], query


def test_a_filter_that_does_not_match_leaves_the_list_empty(client, facts_directory):
    for query in ["day=wed", "age=13", "age=7", "learners=on"]:
        assert not parse(client.get(f"/en/groups/?{query}")).select(".group-card"), query


def test_the_language_filters_follow_the_five_answers(client, make_group):
    for answer in ("cy", "bilingual", "en-speakers", "en-learners", "en"):
        make_group(f"Group {answer}", group_language=answer)

    def listed(query):
        return sorted(
            link.get_text()
            for link in parse(client.get(f"/en/groups/?{query}")).select(".group-card__title a")
        )

    assert listed("welsh=on") == ["Group bilingual", "Group cy", "Group en-speakers"]
    assert listed("learners=on") == ["Group bilingual", "Group en-learners"]


def test_the_filters_stay_in_the_url_and_the_form(client, facts_directory):
    soup = parse(client.get("/cy/grwpiau/?day=tue&evening=on&age=10&cost=low&step_free=on"))
    form = soup.select_one("details.filter-disclosure form.filters")
    assert form["method"] == "get"
    assert form.select_one('select[name="day"] option[selected]')["value"] == "tue"
    assert form.select_one('select[name="day"] option[value="tue"]').get_text() == "Dydd Mawrth"
    assert form.select_one('input[name="age"]')["value"] == "10"
    assert form.select_one('input[name="evening"]').has_attr("checked")
    assert form.select_one('label[for="id_step_free"]').get_text() == "Mynediad heb risiau"
    assert soup.select_one(".filter-disclosure__count").get_text().startswith("(5")


@pytest.mark.parametrize(
    "query", ["day=someday", "age=-1", "age=old", "age=999", "cost=cheap", "evening=perhaps"]
)
def test_bad_fact_filters_give_a_normal_page(client, facts_directory, query):
    assert client.get(f"/en/groups/?{query}").status_code == 200


def count_queries(client, path, cold=False):
    client.get(path)  # renditions and per-process caches made once, as in test_directory_pages
    client.get(path)
    if cold:
        cache.clear()  # the choice lists come from the database again
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def test_the_fact_filters_and_the_group_page_cost_no_more_queries_with_more_groups(client, directory):
    def add(start, end):
        for number in range(start, end):
            directory["en"].add_child(
                instance=GroupPage(
                    title=f"Group {number:03d}",
                    summary="A group",
                    live=True,
                    step_free=True,
                    cost="free",
                    schedule=[TUESDAY_MORNING, FIRST_MONDAY, LAST_FRIDAY_EVENING],
                    minimum_age=5,
                )  # fmt: skip
            )

    filtered = "/en/groups/?day=tue&evening=on&age=10&cost=low&step_free=on&welsh=on&page=1"
    add(0, 5)
    small = [count_queries(client, filtered, cold=True), count_queries(client, "/en/groups/group-000/")]
    add(5, 45)
    assert [
        count_queries(client, filtered, cold=True),
        count_queries(client, "/en/groups/group-000/"),
    ] == small
    assert count_queries(client, filtered) < 15
    assert small[1] < 15


def test_the_directory_form_is_a_get_form_without_csrf(make_group):
    make_group("Club", step_free=True)
    client = Client(enforce_csrf_checks=True)
    assert [
        link.get_text()
        for link in parse(client.get("/en/groups/?step_free=on")).select(".group-card__title a")
    ] == ["Club"]


# --- the data migration --------------------------------------------------------------------


@pytest.mark.parametrize(
    "old, welcome, answer",
    [
        ("cy", False, "cy"),
        ("cy", True, "cy"),
        ("bilingual", False, "bilingual"),
        ("bilingual", True, "bilingual"),
        ("en", True, "en-speakers"),
        ("en", False, "en"),
    ],
)
def test_the_old_answers_map_to_the_five(old, welcome, answer):
    content = {"title": "Club", "group_language": old, "welsh_speakers_welcome": welcome}
    assert migration.five_answers(content) == {"title": "Club", "group_language": answer}
    assert migration.FIVE_ANSWERS[(old, welcome)] == answer


@pytest.mark.parametrize(
    "answer, old",
    [
        ("cy", ("cy", True)),
        ("bilingual", ("bilingual", True)),
        ("en-speakers", ("en", True)),
        ("en-learners", ("en", False)),
        ("en", ("en", False)),
    ],
)
def test_the_migration_runs_backwards_too(answer, old):
    content = migration.three_answers({"group_language": answer})
    assert (content["group_language"], content["welsh_speakers_welcome"]) == old


def test_backwards_turns_english_rows_back_once():
    """The reverse runs "en" first, so rows it turns into "en" are not caught again."""
    assert list(migration.THREE_ANSWERS)[0] == "en"


def test_a_draft_revision_keeps_what_it_said(make_group):
    """A listing's saved revisions are rewritten too, so publishing an old draft keeps its answer."""
    from django.apps import apps

    group = make_group("Club")
    revision = group.save_revision()
    content = {**revision.content, "group_language": "en", "welsh_speakers_welcome": True}
    Revision.objects.filter(pk=revision.pk).update(content=content)
    migration.rewrite_revisions(apps, migration.five_answers)
    revision.refresh_from_db()
    assert revision.content["group_language"] == "en-speakers"
    assert "welsh_speakers_welcome" not in revision.content


def test_the_migrated_database_has_no_old_field():
    assert "welsh_speakers_welcome" not in {field.name for field in GroupPage._meta.get_fields()}


# --- the demo content ----------------------------------------------------------------------


def test_the_demo_listings_have_their_facts(client, demo_content):
    english = parse(client.get("/en/groups/gresford-community-library/"))
    assert [item.get_text() for item in english.select(".group__times li")][:2] == [
        "Every Tuesday, 10:00–16:00",
        "Every Wednesday, 10:00–16:00",
    ]
    assert "Step-free access" in summary(english, ".group__access")
    welsh_times = parse(client.get("/cy/grwpiau/llyfrgell-gymunedol-gresffordd/")).select(".group__times li")
    assert welsh_times[0].get_text() == "Bob dydd Mawrth, 10:00–16:00"
    learners = [
        link.get_text()
        for link in parse(client.get("/en/groups/?learners=on")).select(".group-card__title a")
    ]
    assert "Cuppa and a Chat Wrexham" in learners
    evening = [
        link.get_text() for link in parse(client.get("/en/groups/?evening=on")).select(".group-card__title a")
    ]
    assert "Gresford Community Library" not in evening
    assert (
        evening
        and len(evening)
        == GroupPage.objects.filter(locale__language_code="en", meets_in_evening=True).count()
    )
