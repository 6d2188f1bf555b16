"""Demo content for the directory: areas, topics and community groups in both languages."""

from datetime import time, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from demo.helpers import ensure_child_page, ensure_translation, load_json, locales, paragraphs
from demo.scale import generate_translated_pages
from directory.editors import ensure_group_editors
from directory.models import ACCESS_FEATURES, Area, GroupIndexPage, GroupLanguage, GroupPage
from home.models import HomePage
from search.models import Topic

INDEX = {
    "en": {"title": "Community groups", "slug": "groups",
           "summary": "Clubs, cafés, choirs and campaigns run by people across Wrexham county.",
           "introduction": "Find a group near you to join, visit or volunteer with."},
    "cy": {"title": "Grwpiau cymunedol", "slug": "grwpiau",
           "summary": "Clybiau, caffis, corau ac ymgyrchoedd sy'n cael eu rhedeg gan bobl ar draws sir Wrecsam.",
           "introduction": "Dewch o hyd i grŵp yn agos atoch chi i ymuno ag ef, ymweld ag ef neu wirfoddoli gydag ef."},
}  # fmt: skip

TRANSLATED_FIELDS = (
    "summary", "address", "meeting_times", "accessibility", "cost_note", "volunteering", "how_to_join",
)  # fmt: skip


def load_areas_and_topics(log):
    data = load_json("directory.json")
    for area in data["areas"]:
        Area.objects.get_or_create(
            slug=area["key"], defaults={"name": area["name_en"], "name_cy": area["name_cy"]}
        )
    for topic in data["topics"]:
        Topic.objects.update_or_create(
            slug=topic["slug_en"],
            defaults={"pictogram": topic["pictogram"]},
            create_defaults={
                "name": topic["name_en"],
                "name_cy": topic["name_cy"],
                "slug_cy": topic["slug_cy"],
                "pictogram": topic["pictogram"],
            },
        )
    log(f"Areas: {Area.objects.count()}; topics: {Topic.objects.count()}")


def ensure_group_index():
    language_locales = locales()
    english_home = HomePage.objects.get(depth=2, locale=language_locales["en"])
    english, _ = ensure_child_page(
        english_home,
        GroupIndexPage,
        INDEX["en"]["slug"],
        show_in_menus=True,
        **{key: value for key, value in INDEX["en"].items() if key != "slug"},
    )
    welsh, _ = ensure_translation(english, language_locales["cy"], **INDEX["cy"])
    return english, welsh


def _group_fields(group, language):
    fields = {name: group[f"{name}_{language}"] for name in TRANSLATED_FIELDS}
    fields["title"] = group[f"name_{language}"]
    fields["slug"] = group[f"slug_{language}"]
    fields["body"] = paragraphs(group[f"description_{language}"])
    fields["schedule"] = [("session", _session(session, language)) for session in group["schedule"]]
    return fields


def _session(session, language):
    """One regular session of directory.json as a MeetingBlock value, its note in ``language``."""
    return {
        "day": session["day"],
        "weeks": session["weeks"],
        "start": time.fromisoformat(session["start"]),
        "end": time.fromisoformat(session["end"]) if session["end"] else None,
        "notes": session[f"notes_{language}"],
    }


def load_groups(log):
    data = load_json("directory.json")
    welsh_locale = locales()["cy"]
    english_index, _ = ensure_group_index()
    areas = {area.slug: area for area in Area.objects.all()}
    topics = {topic["key"]: Topic.objects.get(slug=topic["slug_en"]) for topic in data["topics"]}
    today = timezone.localdate()
    total = len(data["groups"])
    for number, group in enumerate(data["groups"], start=1):
        english_fields = _group_fields(group, "en")
        slug = english_fields.pop("slug")
        english, _ = ensure_child_page(
            english_index,
            GroupPage,
            slug,
            topics=[topics[key] for key in group["topics"]],
            area=areas[group["area"]],
            postcode=group["postcode"],
            latitude=Decimal(f"{group['latitude']:.6f}"),
            longitude=Decimal(f"{group['longitude']:.6f}"),
            email=group["email"],
            # A handful of demo groups publish their address; the rest are reached through the form.
            show_email=group.get("show_email", False),
            email_language=group.get("email_language", "cy" if group["group_language"] == "cy" else "en"),
            phone=group["phone"],
            website=group["website"],
            social_links=[("link", link) for link in group["social_links"]],
            group_language=group["group_language"],
            minimum_age=group["minimum_age"],
            maximum_age=group["maximum_age"],
            cost=group["cost"],
            **{feature: feature in group["access"] for feature, _label in ACCESS_FEATURES},
            volunteers_wanted=group["volunteers_wanted"],
            last_reviewed=today - timedelta(days=group["reviewed_days_ago"]),
            # No uploaded logo: lists show the group's topic pictogram (search.pictograms).
            **english_fields,
        )
        ensure_translation(english, welsh_locale, **_group_fields(group, "cy"))
        if number % 8 == 0 or number == total:
            log(f"Community groups: {number}/{total}")


# Demo user -> the demo group (key in directory.json) they look after.
DEMO_GROUP_EDITORS = {"gresford-editor": "gresford-library", "rhos-editor": "rhos-community-cafe"}


def load_group_editors(log):
    groups_by_key = {group["key"]: group for group in load_json("directory.json")["groups"]}
    User = get_user_model()
    for username, key in DEMO_GROUP_EDITORS.items():
        listing = GroupPage.objects.get(slug=groups_by_key[key]["slug_en"], locale__language_code="en")
        editors = ensure_group_editors(listing)
        User.objects.get(username=username).groups.add(editors.group)
        log(f"{username} looks after {listing.title}")


GENERATED_KINDS = [
    ("Walking Group", "Grŵp Cerdded"), ("Book Club", "Clwb Llyfrau"), ("Repair Café", "Caffi Trwsio"),
    ("Choir", "Côr"), ("Community Garden", "Gardd Gymunedol"), ("Youth Club", "Clwb Ieuenctid"),
    ("Lunch Club", "Clwb Cinio"), ("Litter Pickers", "Codwyr Sbwriel"), ("Men's Shed", "Sied Dynion"),
    ("Parent and Toddler Group", "Grŵp Rhieni a Phlant Bach"),
]  # fmt: skip


def scale_groups(count, log):
    """Add ``count`` generated groups in each language, for benchmarks (``--scale``)."""
    areas = list(Area.objects.all())
    today = timezone.localdate()

    def describe(number, rng, topics):
        english_kind, welsh_kind = rng.choice(GENERATED_KINDS)
        area = rng.choice(areas)
        shared = {
            "area": area, "last_reviewed": today - timedelta(days=rng.randint(0, 500)),
            "volunteers_wanted": rng.random() < 0.5, "group_language": rng.choice(GroupLanguage.values),
            "last_published_at": timezone.now() - timedelta(days=rng.randint(0, 300)),
        }  # fmt: skip
        english = {
            "title": f"{area.name} {english_kind} {number}",
            "summary": f"A {english_kind.lower()} in {area.name} that welcomes new members.",
        }
        welsh = {
            "title": f"{welsh_kind} {area.name_cy} {number}",
            "summary": f"{welsh_kind} yn {area.name_cy} sy'n croesawu aelodau newydd.",
        }
        return shared, english, welsh, topics

    generate_translated_pages(*ensure_group_index(), GroupPage, count, describe, "groups", log)
