"""Helpers for ``manage.py load_demo_content``: create pages and their Welsh translations once.

Every helper creates what is missing and leaves what exists alone, so the command can run
again at any time without duplicating content or overwriting an editor's changes.
"""

import json
from pathlib import Path

from django.utils.html import escape
from wagtail.models import Locale

DATA_DIR = Path(__file__).resolve().parent / "data"


def load_json(name):
    with open(DATA_DIR / name, encoding="utf-8") as data_file:
        return json.load(data_file)


def locales():
    return {locale.language_code: locale for locale in Locale.objects.filter(language_code__in=["en", "cy"])}


def ensure_child_page(parent, page_class, slug, topics=(), **fields):
    """The live child of ``parent`` with this slug, created and published if missing."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific, False
    page = page_class(slug=slug, locale=parent.locale, **fields)
    page.topics.set(topics)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def ensure_translation(page, locale, **fields):
    """The page's live translation into ``locale``, created and published if missing."""
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific, False
    translation = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    return translation, True


def paragraphs(texts):
    """StreamField data for a list of plain-text paragraphs; a text starting "## " is a
    section heading (level 2), so a statement or notice keeps its structure."""
    return [
        ("heading", {"text": text[3:], "level": "h2"})
        if text.startswith("## ")
        else ("paragraph", f"<p>{escape(text)}</p>")
        for text in texts
    ]
