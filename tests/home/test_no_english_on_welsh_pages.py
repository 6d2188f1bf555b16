"""No English left on Welsh pages: each Welsh demo page against its English twin.

A sentence of more than a few words that reads the same on both pages was not translated.
Names, postcodes, addresses' street names, e-mail and web addresses are the same in both
languages and are taken out first (the stop-list below), and so are documents' titles: a
document is one file for both languages (``guides.GuideDocument``), its title the name of that
file.
"""

import re

import pytest
from wagtail.documents import get_document_model
from wagtail.models import Page

from tests.helpers import parse

pytestmark = pytest.mark.django_db

# Longer than a few words: five or more.
MOST_WORDS_A_SENTENCE_MAY_SHARE = 4
# Text that is the same in both languages and is no sign of a missed translation.
STOP_LIST = [
    re.compile(r"\b[A-Z]{1,2}[0-9][0-9A-Z]? ?[0-9][A-Z]{2}\b"),  # postcodes
    re.compile(r"\S+@\S+|https?://\S+|\b[\w.-]+\.example\b\S*"),  # e-mail and web addresses
    re.compile(r"[+0-9][0-9 ]{8,}[0-9]"),  # phone numbers
    # Street names stay as on the signs: "Chester Road", "Second Avenue", "Old Mold Road".
    re.compile(r"\b(?:[A-Z][a-z]+ ){1,2}(?:Road|Street|Avenue|Lane|Way|Square)\b"),
]
BLOCKS = "h1, h2, h3, p, li, dt, dd, td, th, figcaption, blockquote"


def sentences(soup, names=()):
    """The page's own text (its <main>), block by block, cut into sentences, without ``names``."""
    main = soup.find("main")
    for block in main.select(BLOCKS):
        if block.find(BLOCKS.split(", ")):
            continue  # its inner blocks are read on their own
        text = block.get_text(" ", strip=True)
        for name in names:
            text = text.replace(name, " ")
        for pattern in STOP_LIST:
            text = pattern.sub(" ", text)
        for sentence in re.split(r"(?<=[.!?;:])\s+|\s+[–—|]\s+", text):
            sentence = " ".join(sentence.split())
            if len(re.findall(r"\w+", sentence)) > MOST_WORDS_A_SENTENCE_MAY_SHARE:
                yield sentence


def english_left_on(client, welsh, english, names):
    english_sentences = set(sentences(parse(client.get(english.url)), names))
    return sorted(english_sentences & set(sentences(parse(client.get(welsh.url)), names)))


def test_no_welsh_demo_page_repeats_an_english_sentence(client, demo_content):
    welsh_pages = Page.objects.live().filter(locale__language_code="cy", alias_of__isnull=True, depth__gt=1)
    english_by_key = {
        page.translation_key: page
        for page in Page.objects.live().filter(locale__language_code="en", alias_of__isnull=True)
    }
    assert welsh_pages.count() > 35
    document_titles = list(get_document_model().objects.values_list("title", flat=True))
    found = {}
    for welsh in welsh_pages:
        english = english_by_key.get(welsh.translation_key)
        if english is not None and (left := english_left_on(client, welsh, english, document_titles)):
            found[welsh.url] = left
    assert not found, "English sentences on Welsh pages:\n" + "\n".join(
        f"{url}: {sentence}" for url, left in found.items() for sentence in left
    )
