import json
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.utils.text import slugify
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

import openreferral

SCHEMA_DIR = Path(openreferral.__file__).parent / "schemas"
API = "/api/openreferral"

FORMATS = FormatChecker()  # checks uuid, email and date out of the box


@FORMATS.checks("uri")
def is_absolute_uri(value):
    if not isinstance(value, str):
        return True
    parts = urlsplit(value)
    return bool(parts.scheme in ("http", "https") and parts.netloc)


def _load_schemas():
    return {path.name: json.loads(path.read_text()) for path in sorted(SCHEMA_DIR.glob("*.json"))}


SCHEMAS = _load_schemas()
REGISTRY = Registry().with_resources(
    (name, Resource(contents=schema, specification=DRAFT202012)) for name, schema in SCHEMAS.items()
)


def validate(schema_name, data):
    """Fail with every error the schema finds, not just the first."""
    validator = Draft202012Validator(SCHEMAS[schema_name], registry=REGISTRY, format_checker=FORMATS)
    errors = sorted(validator.iter_errors(data), key=lambda error: list(error.absolute_path))
    assert not errors, "\n".join(f"{list(error.absolute_path)}: {error.message}" for error in errors)


@pytest.fixture
def api(client):
    """GET an API path; checks that every answer is JSON with the CORS header."""

    def get(path, expect=200, **headers):
        response = client.get(API + path, **headers)
        assert response.status_code == expect, response.content[:500]
        assert response["Content-Type"] == "application/json"
        assert response["Access-Control-Allow-Origin"] == "*"
        data = response.json()
        if expect >= 400:
            validate("error.json", data)
        return data

    return get


@pytest.fixture
def make_service(make_group, locales):
    """A published English listing with every field filled, and optionally its Welsh translation.

    Returns the English page (``.welsh`` holds the Welsh one, if made).
    """

    def make(title, topics=(), welsh_title=None, publish=True, **fields):
        defaults = {
            "summary": f"About {title}",
            "email": "hello@group.example",
            "show_email": True,  # the group chose to publish it
            "phone": "01978 123456",
            "website": "https://group.example/",
            "address": "Gresford Library\nHigh Street\nLL12 8NU",
            "postcode": "LL12 8NU",
            "latitude": "53.087000",
            "longitude": "-2.966000",
            "meeting_times": "Tuesdays 10am to 4pm",
            "accessibility": "Step-free access and a hearing loop.",
            "how_to_join": "Just come along.",
            "group_language": "bilingual",
        }
        defaults.update(fields)
        english = make_group(title, topics=topics, **defaults)
        english.welsh = None
        if publish:
            english.save_revision().publish()
        if welsh_title:
            welsh = english.copy_for_translation(locales["cy"])
            welsh.title = welsh_title
            welsh.slug = slugify(welsh_title)
            welsh.summary = f"Am {welsh_title}"
            welsh.meeting_times = "Dydd Mawrth 10yb i 4yp"
            welsh.accessibility = "Mynediad heb risiau a dolen sain."
            welsh.how_to_join = "Dewch draw."
            welsh.address = "Llyfrgell Gresffordd\nStryd Fawr\nLL12 8NU"
            welsh.save_revision().publish()
            english.welsh = welsh
        return english

    return make
