"""An editor who chooses Cymraeg sees the admin in Welsh: no English interface sentence on the
screens a group editor, a moderator and a council editor meet (issue 17).

Each screen's visible text (text, tooltips, screen-reader labels, the strings of the scripts'
JSON) is compared with the msgids of Wagtail's and wagtail-localize's English catalogues that
have no Welsh in the catalogues the admin loads (theirs, and ours in locale_admin/).
"""

import json
import os
import re
from pathlib import Path

import polib
import pytest
import wagtail
import wagtail_localize
from django.test import Client
from django.urls import reverse

from tests.conftest import shared_by_the_module

from .admin_screens import (
    admin_msgids,
    build_site,
    has_welsh,
    matcher,
    screens,
    visible_texts,
    welsh_catalogue,
)

ROLES = ["group_editor", "moderator", "council_editor"]
# Content the fixture wrote, not interface text.
USER_CONTENT = ("Gresford",)


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    with shared_by_the_module(django_db_blocker):
        yield build_site()


@pytest.fixture(scope="module")
def english_left():
    """Finds the msgids without Welsh in a text."""
    catalogues = {domain: welsh_catalogue(domain) for domain in ("django", "djangojs")}
    return matcher(
        [(domain, entry) for domain, entry in admin_msgids() if not has_welsh(domain, entry, catalogues)]
    )


def english_on(response, english_left):
    if response.status_code != 200:
        return {f"status {response.status_code}"}
    found = set()
    for text in visible_texts(response.content.decode(), USER_CONTENT):
        found |= english_left(text)
    return found


@pytest.mark.parametrize("role", ROLES)
def test_no_english_on_the_screens_of_each_role(site, db, english_left, role):
    client = Client()
    client.force_login(site["users"][role])
    english = {}
    for name, url in screens(site, role):
        response = client.get(url, follow=True)
        if response.redirect_chain and response.request["PATH_INFO"] == "/admin/" and url != "/admin/":
            english[name] = ["not allowed"]
            continue
        found = english_on(response, english_left)
        if found:
            english[name] = sorted(found)
    import os

    if os.environ.get("DUMP"):
        with open(os.environ["DUMP"], "a") as out:
            for msgids in english.values():
                out.writelines(m.replace("\n", "\\n") + "\n" for m in msgids)
    assert not english, "\n".join(f"{name}: {msgids}" for name, msgids in english.items())


SIGN_IN_SCREENS = ["/admin/login/", "/admin/password_reset/", "/admin/password_reset/done/"]


@pytest.mark.parametrize("url", SIGN_IN_SCREENS)
def test_no_english_on_sign_in_and_password_reset(site, db, english_left, url):
    """Before signing in, the admin speaks the browser's language."""
    response = Client(HTTP_ACCEPT_LANGUAGE="cy").get(url)
    assert response.headers["Content-Language"] == "cy"
    assert not english_on(response, english_left)


def test_write_the_msgids_seen_on_the_screens(site, db):
    """Every msgid seen rendered (in English, as English-speaking editors of each role see the
    same screens) has Welsh; with ADMIN_WELSH_COVERAGE set, the figures are written there for
    tools/admin-welsh-coverage."""
    catalogues = {domain: welsh_catalogue(domain) for domain in ("django", "djangojs")}
    entries = {entry.msgid: (domain, entry) for domain, entry in admin_msgids()}
    seen_in = matcher(list(entries.values()))
    seen = set()
    for role in ROLES:
        client = Client()
        client.force_login(site["english_users"][role])
        for _name, url in screens(site, role):
            for text in visible_texts(client.get(url, follow=True).content.decode(), USER_CONTENT):
                seen |= seen_in(text)
    anonymous = Client(HTTP_ACCEPT_LANGUAGE="en")
    for url in SIGN_IN_SCREENS:
        for text in visible_texts(anonymous.get(url).content.decode(), USER_CONTENT):
            seen |= seen_in(text)
    every = admin_msgids()
    result = {
        "seen": {msgid: has_welsh(*entries[msgid], catalogues) for msgid in sorted(seen)},
        "all": [sum(has_welsh(domain, entry, catalogues) for domain, entry in every), len(every)],
    }
    if os.environ.get("ADMIN_WELSH_COVERAGE"):
        Path(os.environ["ADMIN_WELSH_COVERAGE"]).write_text(json.dumps(result, indent=1))
    assert seen and not [msgid for msgid, welsh in result["seen"].items() if not welsh]


ADMIN_SCRIPTS = Path(wagtail.__file__).parent / "admin" / "locale" / "en" / "LC_MESSAGES" / "djangojs.po"
LOCALIZE_SCRIPTS = Path(wagtail_localize.__file__).parent / "locale" / "en" / "LC_MESSAGES" / "djangojs.po"


@pytest.mark.parametrize(
    ("catalogue_url", "english"),
    [
        ("wagtailadmin_javascript_catalog", ADMIN_SCRIPTS),
        ("wagtail_localize:javascript_catalog", LOCALIZE_SCRIPTS),
    ],
)
def test_every_string_of_the_admin_scripts_has_welsh(site, db, catalogue_url, english):
    """The admin's scripts (minimap, comments, "Saving…", the translation editor) take their
    strings from Django's JavaScript catalogue, which the screens' HTML does not show."""
    client = Client()
    client.force_login(site["users"]["council_editor"])
    script = client.get(reverse(catalogue_url)).content.decode()
    served = json.loads(re.search(r"const newcatalog = (\{.*?\});\n", script, re.DOTALL).group(1))
    msgids = [entry.msgid for entry in polib.pofile(str(english)) if entry.msgid]
    assert len(msgids) > 40
    assert not [msgid for msgid in msgids if msgid not in served]
