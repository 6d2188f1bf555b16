"""Demo content for success stories: the story index and six stories, in English and Welsh.

Run after the directory's groups (``load_groups``): the stories are told by demo groups.
"""

from datetime import date, timedelta

from demo.helpers import ensure_child_page, ensure_translation, load_json, locales, paragraphs
from demo.scale import generate_translated_pages
from directory.models import Area, GroupPage
from home.models import HomePage
from search.models import Topic
from stories.models import StoryIndexPage, StoryPage, StoryRelatedGroup


def ensure_story_index(index, language_locales):
    english_home = HomePage.objects.get(depth=2, locale=language_locales["en"])
    english_fields = {key: value for key, value in index["en"].items() if key != "slug"}
    english, _ = ensure_child_page(
        english_home, StoryIndexPage, index["en"]["slug"], show_in_menus=True, **english_fields
    )
    ensure_translation(english, language_locales["cy"], **index["cy"])
    return english


def _body(story, language):
    text = paragraphs(story[f"body_{language}"])
    facts = story[f"key_facts_{language}"]
    key_facts = {
        "heading": facts["heading"],
        "facts": [{"figure": figure, "label": label} for figure, label in facts["facts"]],
    }
    return [text[0], ("quote", story[f"quote_{language}"]), *text[1:], ("key_facts", key_facts)]


def _story_fields(story, language, groups):
    """The fields that differ by language; ``groups`` are the group pages in that language."""
    help_block = {**story[f"help_{language}"], "link_page": groups[story["help_group"]], "link_url": ""}
    return {
        "title": story[f"title_{language}"],
        "summary": story[f"summary_{language}"],
        "standfirst": story[f"standfirst_{language}"],
        "author_name": story[f"author_name_{language}"],
        "body": _body(story, language),
        "how_you_can_help": [("call_to_action", help_block)],
        "author_group": groups[story["author_group"]],
    }


def load_stories(log):
    data = load_json("stories.json")
    directory = load_json("directory.json")
    language_locales = locales()
    english_index = ensure_story_index(data["index"], language_locales)
    group_slugs = {group["key"]: group["slug_en"] for group in directory["groups"]}
    topics = {topic["key"]: Topic.objects.get(slug=topic["slug_en"]) for topic in directory["topics"]}
    areas = {area.slug: area for area in Area.objects.all()}
    for story in data["stories"]:
        keys = {story["author_group"], story["help_group"], *story["related_groups"]}
        english_groups = {
            key: GroupPage.objects.get(locale=language_locales["en"], slug=group_slugs[key]) for key in keys
        }
        welsh_groups = {
            key: group.get_translation(language_locales["cy"]) for key, group in english_groups.items()
        }
        english, _ = ensure_child_page(
            english_index,
            StoryPage,
            story["slug_en"],
            topics=[topics[key] for key in story["topics"]],
            date=date.fromisoformat(story["date"]),
            area=areas[story["area"]],
            featured=story["featured"],
            related_groups=[StoryRelatedGroup(group=english_groups[key]) for key in story["related_groups"]],
            **_story_fields(story, "en", english_groups),
        )
        # The translation keeps each link's translation key, so later translations line up.
        welsh_links = [
            StoryRelatedGroup(group=welsh_groups[key], translation_key=link.translation_key)
            for key, link in zip(story["related_groups"], english.related_groups.all(), strict=False)
        ]
        ensure_translation(
            english,
            language_locales["cy"],
            slug=story["slug_cy"],
            related_groups=welsh_links,
            **_story_fields(story, "cy", welsh_groups),
        )
    log(f"Success stories: {len(data['stories'])} in English and Welsh")


def scale_stories(scale, log):
    """One generated story for every six generated groups."""
    language_locales = locales()
    english_index = ensure_story_index(load_json("stories.json")["index"], language_locales)
    welsh_index = english_index.get_translation(language_locales["cy"])
    areas = list(Area.objects.all())

    def describe(number, rng, topics):
        area = rng.choice(areas)
        shared = {"area": area, "date": date(2025, 1, 1) + timedelta(days=rng.randint(0, 600))}
        english = {
            "title": f"Volunteers in {area.name} open a community space {number}",
            "standfirst": f"Residents of {area.name} worked together to open a space for everyone.",
            "body": paragraphs([f"Residents of {area.name} met, planned and opened a community space."]),
        }
        welsh = {
            "title": f"Gwirfoddolwyr yn {area.name_cy} yn agor gofod cymunedol {number}",
            "standfirst": f"Gweithiodd trigolion {area.name_cy} gyda'i gilydd i agor gofod i bawb.",
            "body": paragraphs(
                [f"Cyfarfu trigolion {area.name_cy}, gwneud cynlluniau ac agor gofod cymunedol."]
            ),
        }
        return shared, english, welsh, topics

    generate_translated_pages(english_index, welsh_index, StoryPage, scale // 6, describe, "stories", log)
