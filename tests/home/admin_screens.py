"""The admin screens a group editor, a moderator and a council editor meet, and the English
interface strings (Wagtail's and wagtail-localize's msgids) left untranslated on them.

Shared by tests/home/test_welsh_admin.py (no English on those screens in Welsh) and
tools/admin-welsh-coverage (how many of the msgids seen on those screens have Welsh).
"""

import contextlib
import io
import json
import re
from functools import cache
from pathlib import Path

import polib
import wagtail
import wagtail_localize
from bs4 import BeautifulSoup
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.urls import reverse
from django.utils import translation
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.users.models import UserProfile
from wagtail_localize.models import Translation, TranslationSource

from directory.editors import ensure_group_editors
from directory.models import GroupPage
from events.models import EventPage
from guides.models import GuidePage
from home.models import StandardPage
from stories.models import StoryPage
from tests.conftest import SECTIONS, all_locales, empty_section, the_home_pages
from volunteering.models import OpportunityPage


def catalogues():
    """The English catalogues of the installed Wagtail and wagtail-localize apps: the source of
    every admin msgid (wagtail.contrib apps that the site does not install are left out)."""
    roots = (Path(wagtail.__file__).parent, Path(wagtail_localize.__file__).parent)
    return sorted(
        path
        for config in apps.get_app_configs()
        if Path(config.path).is_relative_to(roots[0]) or Path(config.path).is_relative_to(roots[1])
        for path in Path(config.path).glob("locale/en/LC_MESSAGES/*.po")
    )


PLACEHOLDER = re.compile(r"%\([^)]+\)[sdif]|%[sdif]|\{[a-z_]*\}")
TAG = re.compile(r"<[^>]+>")
WORD = re.compile(r"[A-Za-z]{2,}")
# Text that is not an interface sentence: identical in both languages (names, codes, symbols).
SAME_IN_WELSH = {"Wagtail", "Cymraeg", "English", "ID", "URL", "OK", "Slug", "HTML"}
# Read from the attributes people see or hear (tooltips, screen readers, placeholders).
SEEN_ATTRIBUTES = ("title", "aria-label", "placeholder", "alt", "data-w-tooltip-content-value")
JSON_ATTRIBUTES = ("data-props", "data-w-init-detail-value", "data-w-block-data-value")


def entry_keys(entry):
    """The catalogue keys of one .po entry, as Django's merged catalogue stores them."""
    msgid = entry.msgid if not entry.msgctxt else f"{entry.msgctxt}\x04{entry.msgid}"
    if entry.msgid_plural:
        return [(msgid, 0), (msgid, 1)]
    return [msgid]


@cache
def admin_msgids():
    """Every (domain, entry) of the English admin catalogues, without duplicates."""
    seen, entries = set(), []
    for path in catalogues():
        for entry in polib.pofile(str(path)):
            key = (path.stem, entry.msgctxt, entry.msgid)
            if entry.msgid and key not in seen and WORD.search(entry.msgid):
                seen.add(key)
                entries.append((path.stem, entry))
    return entries


def welsh_catalogue(domain):
    """Django's merged Welsh catalogue of ``domain`` as the admin uses it."""
    if domain == "django":
        with translation.override("cy"):
            return translation.trans_real.translation("cy")._catalog
    from django.views.i18n import JavaScriptCatalog

    catalogue = {}
    for packages in (["wagtail.admin"], ["wagtail_localize"]):
        view = JavaScriptCatalog(packages=packages, domain="djangojs")
        view.translation = translation.trans_real.DjangoTranslation(
            "cy", domain="djangojs", localedirs=view.get_paths(packages)
        )
        catalogue.update(view.get_catalog())
    return catalogue


def has_welsh(domain, entry, catalogues):
    catalogue = catalogues[domain]
    if domain == "django":
        return all(key in catalogue for key in entry_keys(entry))
    key = entry.msgid if not entry.msgctxt else f"{entry.msgctxt}\x04{entry.msgid}"
    return key in catalogue


def pattern_for(msgid):
    """A regular expression matching the msgid as rendered: tags dropped, placeholders filled."""
    text = " ".join(TAG.sub(" ", msgid).split())
    parts = PLACEHOLDER.split(text)
    return "(?:" + ".+?".join(re.escape(part) for part in parts) + ")"


def matcher(entries):
    """Finds which of ``entries`` a rendered text is (whole text) or contains (long sentences)."""
    whole, within = {}, {}
    for _domain, entry in entries:
        text = " ".join(TAG.sub(" ", entry.msgid).split())
        if not WORD.search(PLACEHOLDER.sub("", text)) or text in SAME_IN_WELSH:
            continue
        whole.setdefault(pattern_for(entry.msgid), entry.msgid)
        # Sentences of four words or more are English wherever they stand.
        if len(PLACEHOLDER.sub("", text).split()) >= 4:
            within.setdefault(pattern_for(entry.msgid), entry.msgid)
    exact = {" ".join(TAG.sub(" ", m).split()): m for p, m in whole.items() if not PLACEHOLDER.search(m)}
    filled = [(re.compile(p + r"\Z"), m) for p, m in whole.items() if PLACEHOLDER.search(m)]
    within_re = [(re.compile(r"(?<![A-Za-z])" + p + r"(?![A-Za-z])"), m) for p, m in within.items()]
    # One alternation first: most texts match nothing, and then only it runs.
    any_filled = re.compile("|".join(regex.pattern for regex, _m in filled) or "(?!)")
    any_within = re.compile("|".join(p.pattern for p, _m in within_re) or "(?!)")

    @cache
    def find(text):
        found = {exact[text]} if text in exact else set()
        if any_filled.match(text):
            found |= {msgid for regex, msgid in filled if regex.match(text)}
        if any_within.search(text):
            found |= {msgid for regex, msgid in within_re if regex.search(text)}
        return frozenset(found)

    return find


def json_strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from json_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from json_strings(item)


def visible_texts(html, user_content=()):
    """The texts a person sees or hears on the page: text, tooltips, labels and the strings of
    the JSON that Wagtail's and wagtail-localize's scripts render; without ``user_content``."""
    soup = BeautifulSoup(html, "html.parser")
    texts = set()
    for script in soup.find_all("script"):
        if script.get("type") == "application/json" and script.string:
            with contextlib.suppress(ValueError):
                texts.update(json_strings(json.loads(script.string)))
        script.decompose()
    for element in soup.find_all(True):
        for name in SEEN_ATTRIBUTES:
            if element.get(name):
                texts.add(element[name])
        if element.name == "input" and element.get("type") in ("submit", "button") and element.get("value"):
            texts.add(element["value"])
        for name in JSON_ATTRIBUTES:
            if element.get(name):
                with contextlib.suppress(ValueError):
                    texts.update(json_strings(json.loads(element[name])))
    for element in soup.find_all(("style", "template", "noscript")):
        element.decompose()
    for text in soup.find_all(string=True):
        texts.add(str(text))
    for element in soup.find_all(
        ("p", "li", "label", "button", "a", "h1", "h2", "h3", "h4", "legend", "dd", "dt")
    ):
        texts.add(element.get_text(" "))
    cleaned = {" ".join(text.split()) for text in texts}
    return {
        text for text in cleaned if text and WORD.search(text) and not any(c in text for c in user_content)
    }


def make_user(name, groups, language="cy"):
    user = get_user_model().objects.create_user(name, f"{name}@wrexham.example", "pw")
    user.groups.add(*groups)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def publish_pair(parent_pair, page, locales, **welsh_fields):
    parent_pair["en"].add_child(instance=page)
    page.save_revision().publish()
    welsh = page.copy_for_translation(locales["cy"])
    for name, value in welsh_fields.items():
        setattr(welsh, name, value)
    welsh.save_revision().publish()
    return {"en": page, "cy": welsh}


def build_site():
    """One page of each type in both languages, an image, a document, the three roles, a page
    awaiting moderation, a second revision to compare and a wagtail-localize translation."""
    locales = all_locales()
    homes = the_home_pages(locales)
    sections = {name: empty_section(name, homes, locales) for name in SECTIONS}
    picture = io.BytesIO()
    Image.new("RGB", (240, 160), "teal").save(picture, "PNG")
    image = get_image_model().objects.create(title="Gresford", file=ImageFile(picture, name="gresford.png"))
    document = get_document_model().objects.create(
        title="Gresford", file=ContentFile(b"%PDF-1.4", name="gresford.pdf")
    )
    group = publish_pair(
        sections["directory"], GroupPage(title="Gresford Library", summary="Gresford"), locales
    )
    pages = {
        "group": group,
        "event": publish_pair(
            sections["event_index"],
            EventPage(title="Gresford Fair", summary="Gresford", start_date="2026-12-05", group=group["en"]),
            locales,
        ),
        "opportunity": publish_pair(
            sections["volunteering_index"],
            OpportunityPage(title="Gresford Helper", what_you_do="Gresford", group=group["en"]),
            locales,
        ),
        "story": publish_pair(
            sections["story_index"], StoryPage(title="Gresford Story", standfirst="Gresford"), locales
        ),
        "guide": publish_pair(
            sections["guide_index"], GuidePage(title="Gresford Guide", summary="Gresford"), locales
        ),
        "standard": publish_pair(homes, StandardPage(title="Gresford Notice", summary="Gresford"), locales),
        **sections,
        "home": homes,
    }
    editors = ensure_group_editors(group["en"]).group
    users = {
        "group_editor": make_user("group_editor", [editors]),
        "moderator": make_user("moderator", [Group.objects.get(name="Moderators")]),
        "council_editor": make_user("council_editor", [Group.objects.get(name="Council editors")]),
    }
    english_users = {
        role: make_user(f"{role}_en", user.groups.all(), language="en") for role, user in users.items()
    }
    # A second revision of the story to compare, and the group's listing sent for moderation.
    story = pages["story"]["en"]
    story.standfirst = "Gresford again"
    story.save_revision(user=users["council_editor"]).publish()
    listing = group["en"].specific
    listing.summary = "Gresford changed"
    revision = listing.save_revision(user=users["group_editor"])
    listing.get_workflow().start(listing, users["group_editor"])
    # The guide's Welsh page as wagtail-localize's translation editor edits it.
    guide = pages["guide"]["en"]
    source, _created = TranslationSource.get_or_create_from_instance(guide)
    guide_translation = Translation.objects.create(source=source, target_locale=locales["cy"])
    guide_translation.save_target(publish=True)
    return {
        "pages": pages,
        "image": image,
        "document": document,
        "users": users,
        "english_users": english_users,
        "moderated_revision": revision,
        "translation": guide_translation,
    }


def screens(site, role):
    """(name, method, url, data) of each screen the role meets."""
    pages = site["pages"]
    group, story = pages["group"], pages["story"]
    urls = [
        ("dashboard", reverse("wagtailadmin_home")),
        ("explorer", reverse("wagtailadmin_explore_root")),
        ("explorer of a section", reverse("wagtailadmin_explore", args=[pages["directory"]["en"].pk])),
        ("explorer of the Welsh home", reverse("wagtailadmin_explore", args=[pages["home"]["cy"].pk])),
        ("page search", reverse("wagtailadmin_pages:search") + "?q=Gresford"),
        ("account", reverse("wagtailadmin_account")),
        ("image chooser", reverse("wagtailimages_chooser:choose")),
        ("image upload", reverse("wagtailimages:add_multiple")),
        ("images", reverse("wagtailimages:index")),
        ("document chooser", reverse("wagtaildocs_chooser:choose")),
        ("page chooser", reverse("wagtailadmin_choose_page")),
        ("history", reverse("wagtailadmin_pages:history", args=[group["en"].pk])),
        ("workflow history", reverse("wagtailadmin_pages:workflow_history", args=[group["en"].pk])),
        ("edit locked in moderation", reverse("wagtailadmin_pages:edit", args=[group["en"].pk])),
        ("edit the Welsh group", reverse("wagtailadmin_pages:edit", args=[group["cy"].pk])),
    ]
    editable = {"group_editor": ["event", "opportunity"]}.get(
        role, ["event", "opportunity", "story", "guide", "standard", "directory", "story_index"]
    )
    for name in editable:
        page = pages[name]["en"]
        urls.append((f"edit {name}", reverse("wagtailadmin_pages:edit", args=[page.pk])))
        parent = page.get_parent()
        model = page.specific_class._meta
        if name not in ("directory", "story_index"):  # one of each per language
            urls.append(
                (
                    f"create {name}",
                    reverse("wagtailadmin_pages:add", args=[model.app_label, model.model_name, parent.pk]),
                )
            )
        urls.append((f"add a page under {name}", reverse("wagtailadmin_pages:add_subpage", args=[parent.pk])))
    if role != "group_editor":
        urls += [
            ("image edit", reverse("wagtailimages:edit", args=[site["image"].pk])),
            ("document upload", reverse("wagtaildocs:add_multiple")),
            ("revisions", reverse("wagtailadmin_pages:revisions_index", args=[story["en"].pk])),
            (
                "revisions compare",
                reverse("wagtailadmin_pages:revisions_compare", args=[story["en"].pk, "earliest", "latest"]),
            ),
            (
                "moderator's edit of a page in moderation",
                reverse("wagtailadmin_pages:edit", args=[group["en"].pk]),
            ),
            ("translation editor", reverse("wagtailadmin_pages:edit", args=[pages["guide"]["cy"].pk])),
        ]
    if role == "council_editor":
        urls += [
            ("volunteering messages", reverse("volunteering_messages:index")),
            ("invite an editor", reverse("directory_invite_editor", args=[group["en"].pk])),
            ("topics", reverse("wagtailsnippets_search_topic:list")),
            ("add a topic", reverse("wagtailsnippets_search_topic:add")),
            ("areas", reverse("wagtailsnippets_directory_area:list")),
            ("translate a page", reverse("wagtail_localize:submit_page_translation", args=[story["en"].pk])),
        ]
    return [(name, url) for name, url in urls if url]
