"""Every JSON-LD block on the demo site uses schema.org properties on types that have them,
checked against the vendored vocabulary (tests/home/schemaorg/, release 12.0)."""

import json
import re
from functools import cache
from pathlib import Path

import pytest
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page

from tests.helpers import parse

pytestmark = pytest.mark.django_db

VOCABULARY = json.loads((Path(__file__).parent / "schemaorg" / "vocabulary-12.0.json").read_text())


@cache
def ancestors(type_name):
    """The type and every type it is a subtype of (Thing at the top)."""
    found = {type_name}
    for parent in VOCABULARY["types"].get(type_name, []):
        found |= ancestors(parent)
    return found


def misused_properties(node, where):
    """``type.property`` for each property of ``node`` (and the nodes inside it) that is not in
    the vocabulary, or whose domain includes none of the node's types."""
    problems = []
    if isinstance(node, list):
        for item in node:
            problems += misused_properties(item, where)
        return problems
    if not isinstance(node, dict):
        return problems
    types = node.get("@type")
    types = [types] if isinstance(types, str) else (types or [])
    for type_name in types:
        if type_name not in VOCABULARY["types"]:
            problems.append(f"{where}: unknown type {type_name}")
    lineage = set().union(*(ancestors(type_name) for type_name in types)) if types else set()
    for key, value in node.items():
        if key.startswith("@"):
            continue
        # "query-input" and the like: schema.org's Action input/output annotations
        # (https://schema.org/docs/actions.html) of the property before the suffix.
        domains = VOCABULARY["properties"].get(key.removesuffix("-input").removesuffix("-output"))
        if domains is None:
            problems.append(f"{where}: unknown property {key}")
        elif types and not lineage & set(domains):
            problems.append(f"{where}: {'/'.join(types)}.{key}")
        problems += misused_properties(value, where)
    return problems


def demo_paths():
    """One live page of each page type in each language, and the views that are not pages."""
    paths = ["/en/search/?q=club", "/cy/chwilio/?q=clwb", "/en/topics/", "/en/topics/volunteering/"]
    for content_type in ContentType.objects.filter(pk__in=Page.objects.live().values("content_type")):
        for language in ("en", "cy"):
            page = (
                Page.objects.live()
                .filter(content_type=content_type, locale__language_code=language, depth__gt=1)
                .order_by("path")
                .last()
            )
            if page is not None and page.url:
                paths.append(page.url)
    return paths


def test_the_vocabulary_catches_a_property_outside_its_type():
    assert misused_properties({"@type": "BreadcrumbList", "inLanguage": "en"}, "x") == [
        "x: BreadcrumbList.inLanguage"
    ]
    assert misused_properties({"@type": "NGO", "geo": {}}, "x") == ["x: NGO.geo"]
    assert misused_properties({"@type": "NGO", "knowsLanguage": ["cy"]}, "x") == []
    assert (
        misused_properties({"@type": "Place", "geo": {"@type": "GeoCoordinates", "latitude": 1}}, "x") == []
    )


def test_every_json_ld_block_fits_the_schema_org_vocabulary(client, demo_content):
    problems, blocks = [], 0
    for path in demo_paths():
        for script in parse(client.get(path)).select('script[type="application/ld+json"]'):
            blocks += 1
            problems += misused_properties(json.loads(script.string), path)
    assert blocks > 20
    assert problems == [], "\n".join(problems)


MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Ionawr|Chwefror|Mawrth|Ebrill|Mai|Mehefin|Gorffennaf|Awst|Medi|Hydref|Tachwedd|Rhagfyr"
)
# "14 November 2026", "Tachwedd 2026": a date a person reads, which machines should read too.
WRITTEN_DATE = re.compile(rf"\b(\d{{1,2}} )?({MONTHS}) \d{{4}}\b")


def dates_outside_time_elements(soup):
    main = soup.select_one("main") or soup
    return [
        WRITTEN_DATE.search(text).group(0)
        for text in main.find_all(string=WRITTEN_DATE)
        if text.find_parent("time") is None
        and text.find_parent(["script", "style", "textarea"]) is None
        # Editors' own prose ("prepared in November 2026") is theirs to write; the dates the
        # site prints from its data are what machines must be able to read.
        and text.find_parent(class_="rich-text") is None
    ]


def test_every_date_on_the_demo_pages_is_in_a_time_element(client, demo_content):
    paths = demo_paths()  # the index pages are among them
    problems = {}
    for path in paths:
        found = dates_outside_time_elements(parse(client.get(path)))
        if found:
            problems[path] = found
    assert problems == {}
