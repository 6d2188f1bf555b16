"""Demo content for how-to guides: the guide index, six guides (one in three parts) and the
documents they offer, in English and Welsh.

Run after the directory's groups (``load_groups``): guides name demo groups that can help.
"""

from django.core.files.base import ContentFile
from django.utils.html import escape
from wagtail.documents import get_document_model
from wagtail.rich_text import RichText

from demo.helpers import ensure_child_page, ensure_translation, load_json, locales
from demo.scale import generate_translated_pages
from directory.models import GroupPage
from guides.models import GuideDocument, GuideGroup, GuideIndexPage, GuidePage, GuideRelatedGuide, TimeUnit
from home.models import HomePage
from search.models import Topic


def demo_document(key, title, lines):
    """A small text document in both languages, created once per key."""
    Document = get_document_model()
    existing = Document.objects.filter(file__startswith=f"documents/demo-{key}").first()
    if existing is not None:
        return existing
    text = "\n".join(lines) + "\n"
    return Document.objects.create(title=title, file=ContentFile(text.encode(), name=f"demo-{key}.txt"))


def ensure_guide_index(index, language_locales):
    english_home = HomePage.objects.get(depth=2, locale=language_locales["en"])
    english_fields = {key: value for key, value in index["en"].items() if key != "slug"}
    english, _ = ensure_child_page(
        english_home, GuideIndexPage, index["en"]["slug"], show_in_menus=True, **english_fields
    )
    ensure_translation(english, language_locales["cy"], **index["cy"])
    return english


def _steps(steps, language, documents):
    return [
        (
            "step",
            {
                "title": step[f"title_{language}"],
                "body": "".join(f"<p>{escape(text)}</p>" for text in step[f"body_{language}"]),
                "image": None,  # stored as an empty picture, as the admin does, for wagtail-localize
                "checklist": step.get(f"checklist_{language}", {"heading": "", "entries": []}),
                "council_contact": step.get("council_contact", False),
                "document": documents.get(step.get("document")),
            },
        )
        for step in steps
    ]


def _guide_fields(guide, language, documents):
    """The fields that differ by language, for a guide or a chapter."""
    return {
        "title": guide[f"title_{language}"],
        "summary": guide[f"summary_{language}"],
        "audience": guide.get(f"audience_{language}", ""),
        "steps": _steps(guide["steps"], language, documents),
    }


def _link_related(page, links):
    """Give a guide its related guides once; a later run leaves an editor's choice alone."""
    if links and not page.related_guides.exists():
        page.refresh_from_db()  # chapters added since it was loaded changed its place in the tree
        page.related_guides = links
        page.save_revision().publish()


def load_guides(log):
    data = load_json("guides.json")
    directory = load_json("directory.json")
    language_locales = locales()
    english_locale, welsh_locale = language_locales["en"], language_locales["cy"]
    english_index = ensure_guide_index(data["index"], language_locales)
    documents = {document["key"]: demo_document(**document) for document in data["documents"]}
    topics = {topic["key"]: Topic.objects.get(slug=topic["slug_en"]) for topic in directory["topics"]}
    group_slugs = {group["key"]: group["slug_en"] for group in directory["groups"]}

    english_guides, welsh_guides = {}, {}
    for guide in data["guides"]:
        english_groups = [
            GroupPage.objects.get(locale=english_locale, slug=group_slugs[key]) for key in guide["groups"]
        ]
        english, _ = ensure_child_page(
            english_index,
            GuidePage,
            guide["slug_en"],
            topics=[topics[key] for key in guide["topics"]],
            time_needed=guide["time_needed"],
            time_unit=guide["time_unit"],
            groups_that_can_help=[GuideGroup(group=group) for group in english_groups],
            documents=[GuideDocument(document=documents[key]) for key in guide["documents"]],
            **_guide_fields(guide, "en", documents),
        )
        # Each link keeps its translation key, so later translations line up.
        welsh_links = [
            GuideGroup(group=link.group.get_translation(welsh_locale), translation_key=link.translation_key)
            for link in english.groups_that_can_help.select_related("group")
        ]
        welsh, _ = ensure_translation(
            english, welsh_locale, slug=guide["slug_cy"], groups_that_can_help=welsh_links,
            **_guide_fields(guide, "cy", documents),
        )  # fmt: skip
        for chapter in guide.get("chapters", []):
            english_chapter, _ = ensure_child_page(
                english, GuidePage, chapter["slug_en"], time_needed=chapter["time_needed"],
                time_unit=chapter["time_unit"], **_guide_fields(chapter, "en", documents),
            )  # fmt: skip
            ensure_translation(
                english_chapter,
                welsh_locale,
                slug=chapter["slug_cy"],
                **_guide_fields(chapter, "cy", documents),
            )
        english_guides[guide["key"]], welsh_guides[guide["key"]] = english, welsh

    # Related guides can link to guides made later in the list, so they come last.
    for guide in data["guides"]:
        english = english_guides[guide["key"]]
        _link_related(english, [GuideRelatedGuide(page=english_guides[key]) for key in guide["related"]])
        _link_related(
            welsh_guides[guide["key"]],
            [
                GuideRelatedGuide(page=welsh_guides[key], translation_key=link.translation_key)
                for key, link in zip(guide["related"], english.related_guides.all(), strict=False)
            ],
        )
    chapters = sum(len(guide.get("chapters", [])) for guide in data["guides"])
    log(f"How-to guides: {len(data['guides'])} (with {chapters} chapters) in English and Welsh")


def scale_guides(scale, log):
    """One generated how-to guide for every six generated groups, each with three steps."""
    language_locales = locales()
    english_index = ensure_guide_index(load_json("guides.json")["index"], language_locales)
    welsh_index = english_index.get_translation(language_locales["cy"])

    def steps(titles):
        return [("step", {"title": title, "body": RichText(f"<p>{title}.</p>")}) for title in titles]

    def describe(number, rng, topics):
        shared = {"time_needed": rng.randint(1, 12), "time_unit": TimeUnit.WEEKS}
        english = {
            "title": f"How to run a community event {number}",
            "summary": "Plan, publicise and hold an event that welcomes everyone.",
            "steps": steps(
                ["Choose a date and a venue", "Tell people about it", "Welcome everyone on the day"]
            ),
        }
        welsh = {
            "title": f"Sut i gynnal digwyddiad cymunedol {number}",
            "summary": "Cynllunio, hysbysebu a chynnal digwyddiad sy'n croesawu pawb.",
            "steps": steps(
                ["Dewis dyddiad a lleoliad", "Dweud wrth bobl amdano", "Croesawu pawb ar y diwrnod"]
            ),
        }
        return shared, english, welsh, topics

    generate_translated_pages(english_index, welsh_index, GuidePage, scale // 6, describe, "guides", log)
