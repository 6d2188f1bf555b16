"""A listing's facts in the Open Referral answer: schedules, languages, accessibility, ages and
cost, in the language asked for, valid against the HSDS schemas."""

from datetime import time

import pytest

from openreferral.ids import part_id

from .conftest import API, validate

pytestmark = pytest.mark.django_db


def session(day, start, end=None, weeks="", notes=""):
    return ("session", {"day": day, "weeks": weeks, "start": start, "end": end, "notes": notes})


FACTS = {
    "schedule": [
        session("tue", time(10, 30), time(12), notes="Drop-in"),
        session("mon", time(19), weeks="1"),
        session("fri", time(14), time(16), weeks="-1"),
    ],
    "group_language": "en-speakers",
    "step_free": True,
    "hearing_loop": True,
    "minimum_age": 8,
    "maximum_age": 12,
    "cost": "free",
    "cost_note": "Donations welcome.",
}


@pytest.fixture
def group(make_service):
    english = make_service("Rhos Café", welsh_title="Caffi Rhos", **FACTS)
    welsh = english.welsh
    welsh.schedule[0].value["notes"] = "Galw heibio"  # Tuesday's note, in Welsh
    welsh.cost_note = "Croeso i roddion."
    welsh.save_revision().publish()
    return english


def service(api, group, lang="en"):
    data = api(f"/services/{group.translation_key}?lang={lang}")
    validate("service.json", data)
    return data


def test_each_session_is_a_schedule_with_byday_and_times(api, group):
    data = service(api, group)
    key = str(group.translation_key)
    assert data["schedules"] == [
        {
            "id": part_id(key, "schedule/1"), "service_id": key, "freq": "MONTHLY", "wkst": "MO",
            "byday": "1MO", "opens_at": "19:00", "description": "First Monday of every month, from 19:00",
        },
        {
            "id": part_id(key, "schedule/2"), "service_id": key, "freq": "WEEKLY", "wkst": "MO", "byday": "TU",
            "opens_at": "10:30", "closes_at": "12:00", "description": "Every Tuesday, 10:30–12:00", "notes": "Drop-in",
        },
        {
            "id": part_id(key, "schedule/3"), "service_id": key, "freq": "MONTHLY", "wkst": "MO",
            "byday": "-1FR", "opens_at": "14:00", "closes_at": "16:00",
            "description": "Last Friday of every month, 14:00–16:00",
        },
        # The free-text notes on times stay, as a schedule of their own.
        {"id": part_id(key, "schedule"), "service_id": key, "description": "Tuesdays 10am to 4pm"},
    ]  # fmt: skip


def test_schedules_speak_welsh_with_the_same_ids(api, group):
    english, welsh = service(api, group), service(api, group, "cy")
    assert [entry["id"] for entry in welsh["schedules"]] == [entry["id"] for entry in english["schedules"]]
    assert welsh["schedules"][1]["description"] == "Bob dydd Mawrth, 10:30–12:00"
    assert welsh["schedules"][1]["notes"] == "Galw heibio"
    assert welsh["schedules"][1]["byday"] == "TU"


def test_languages_follow_the_five_answers(api, group):
    english, welsh = service(api, group), service(api, group, "cy")
    assert [(entry["code"], entry["name"], entry["note"]) for entry in english["languages"]] == [
        ("en", "English", "English, Welsh speakers welcome"),
        ("cy", "Welsh", "English, Welsh speakers welcome"),
    ]
    assert [(entry["name"], entry["note"]) for entry in welsh["languages"]] == [
        ("Saesneg", "Saesneg, croeso i siaradwyr Cymraeg"),
        ("Cymraeg", "Saesneg, croeso i siaradwyr Cymraeg"),
    ]


@pytest.mark.parametrize("answer, codes", [("cy", ["cy"]), ("en-learners", ["en"]), ("en", ["en"])])
def test_a_group_is_spoken_to_in_the_languages_its_answer_gives(api, make_service, answer, codes):
    group = make_service("Club", group_language=answer)
    assert [entry["code"] for entry in service(api, group)["languages"]] == codes


def test_ages_and_cost(api, group):
    english, welsh = service(api, group), service(api, group, "cy")
    assert (english["minimum_age"], english["maximum_age"]) == (8, 12)
    key = str(group.translation_key)
    assert english["cost_options"] == [
        {
            "id": part_id(key, "cost_option"),
            "service_id": key,
            "option": "Free",
            "currency": "GBP",
            "amount": 0,
            "amount_description": "Donations welcome.",
        }
    ]
    assert welsh["cost_options"][0]["option"] == "Am ddim"
    assert welsh["cost_options"][0]["amount_description"] == "Croeso i roddion."


def test_accessibility_lists_each_feature_then_the_note(api, group):
    key = str(group.translation_key)
    for lang, words in (
        ("en", ["Step-free access", "Hearing loop", "Step-free access and a hearing loop."]),
        ("cy", ["Mynediad heb risiau", "Dolen sain", "Mynediad heb risiau a dolen sain."]),
    ):
        data = service(api, group, lang)
        [place] = data["service_at_locations"]
        entries = place["location"]["accessibility"]
        assert [entry["description"] for entry in entries] == words
        assert [entry["id"] for entry in entries] == [
            part_id(key, "accessibility/step_free"),
            part_id(key, "accessibility/hearing_loop"),
            part_id(key, "accessibility"),
        ]


def test_a_group_without_facts_has_none_in_the_answer(api, make_service):
    group = make_service("Plain", meeting_times="", accessibility="")
    data = service(api, group)
    for name in ("schedules", "cost_options", "minimum_age", "maximum_age"):
        assert name not in data
    assert "accessibility" not in data["service_at_locations"][0]["location"]


def test_the_full_lists_validate_with_facts(api, group, client):
    validate("service_list.json", api("/services?full=true"))
    validate("service_at_location_list.json", api("/service_at_locations?full=true&lang=cy"))
    assert client.get(f"{API}/services/{group.translation_key}").status_code == 200
