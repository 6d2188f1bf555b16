"""The pages the browser tests visit, in both languages, on the demo content.

Shared by the tests and by ``screenshots.py``; the addresses are the demo site's
(``manage.py load_demo_content``), which ``conftest.browser_site`` loads once.
"""

from axe_playwright_python.sync_playwright import Axe

LANGUAGES = ("en", "cy")
DESKTOP, MOBILE = 1280, 320  # viewport widths in CSS pixels
OTHER_LANGUAGE = {"en": "cy", "cy": "en"}

# name -> {language: path}
PAGES = {
    "home": {"en": "/en/", "cy": "/cy/"},
    "directory": {"en": "/en/groups/", "cy": "/cy/grwpiau/"},
    "directory-filtered": {
        "en": "/en/groups/?topic=volunteering&volunteers=on&sort=az",
        "cy": "/cy/grwpiau/?topic=gwirfoddoli&volunteers=on&sort=az",
    },
    "group": {
        "en": "/en/groups/gresford-community-library/",
        "cy": "/cy/grwpiau/llyfrgell-gymunedol-gresffordd/",
    },
    "event-index": {"en": "/en/events/", "cy": "/cy/digwyddiadau/"},
    "event": {
        "en": "/en/events/cuppa-and-a-chat-welsh-conversation/",
        "cy": "/cy/digwyddiadau/paned-a-sgwrs/",
    },
    "story-index": {"en": "/en/stories/", "cy": "/cy/straeon/"},
    "story": {
        "en": "/en/stories/gresford-residents-keep-their-library-open/",
        "cy": "/cy/straeon/trigolion-gresffordd-yn-cadw-eu-llyfrgell-ar-agor/",
    },
    "guide-index": {"en": "/en/guides/", "cy": "/cy/canllawiau/"},
    "guide": {
        "en": "/en/guides/take-over-a-community-building/",
        "cy": "/cy/canllawiau/cymryd-adeilad-cymunedol-drosodd/",
    },
    "volunteer-index": {"en": "/en/volunteer/", "cy": "/cy/gwirfoddoli/"},
    "volunteer-filtered": {"en": "/en/volunteer/?from_home=on", "cy": "/cy/gwirfoddoli/?from_home=on"},
    "opportunity": {
        "en": "/en/volunteer/library-desk-volunteer/",
        "cy": "/cy/gwirfoddoli/gwirfoddolwr-desg-y-llyfrgell/",
    },
    "help-form": {
        "en": "/en/volunteer/library-desk-volunteer/help/",
        "cy": "/cy/gwirfoddoli/gwirfoddolwr-desg-y-llyfrgell/helpu/",
    },
    "offers": {"en": "/en/volunteer/offers/", "cy": "/cy/gwirfoddoli/cynigion/"},
    "offer-form": {"en": "/en/volunteer/offers/new/", "cy": "/cy/gwirfoddoli/cynigion/newydd/"},
    "accessibility-statement": {"en": "/en/accessibility-statement/", "cy": "/cy/datganiad-hygyrchedd/"},
    "search-results": {"en": "/en/search/?q=library", "cy": "/cy/chwilio/?q=llyfrgell"},
    "search-no-results": {"en": "/en/search/?q=xylophonists", "cy": "/cy/chwilio/?q=seiloffonwyr"},
    "topic-index": {"en": "/en/topics/", "cy": "/cy/pynciau/"},
    "topic": {"en": "/en/topics/volunteering/", "cy": "/cy/pynciau/gwirfoddoli/"},
    # Opened, then sent empty so that the error summary and the field errors show.
    "suggest-errors": {"en": "/en/groups/suggest/", "cy": "/cy/grwpiau/awgrymu/"},
    "offer-errors": {"en": "/en/volunteer/offers/new/", "cy": "/cy/gwirfoddoli/cynigion/newydd/"},
    # Their addresses carry the listing's id, so they are reached from a group page (FOLLOWED).
    "report-errors": {"en": "/en/groups/ruabon-folk-dancers/", "cy": "/cy/grwpiau/dawnswyr-gwerin-rhiwabon/"},
    "claim-errors": {"en": "/en/groups/ruabon-folk-dancers/", "cy": "/cy/grwpiau/dawnswyr-gwerin-rhiwabon/"},
    "not-found": {"en": "/en/no-such-page/", "cy": "/cy/dim-tudalen-fel-hon/"},
}
STATUS = {"not-found": 404}
# The pages sent empty once opened, and their form.
SENT_EMPTY = {
    "suggest-errors": "form.suggest-form",
    "offer-errors": "form.message-form",
    "report-errors": "form.report-form",
    "claim-errors": "form.claim-form",
}
# The pages reached by following a link on the page opened first (a listing with no editors).
FOLLOWED = {"report-errors": ".report-link a", "claim-errors": ".claim-link a"}

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def visit(page, base_url, name, language):
    """Open a named page in a Playwright page; return the final document's response."""
    response = page.goto(base_url + PAGES[name][language])
    assert response.status == STATUS.get(name, 200), f"{name} ({language}): HTTP {response.status}"
    if name in FOLLOWED:
        with page.expect_navigation() as navigation:
            page.locator(FOLLOWED[name]).click()
        response = navigation.value
        assert response.status == 200, f"{name} ({language}): HTTP {response.status}"
    if name in SENT_EMPTY:
        with page.expect_navigation() as navigation:
            page.locator(f"{SENT_EMPTY[name]} button[type=submit]").click()
        response = navigation.value
        assert response.status == 200, f"{name} ({language}): HTTP {response.status}"
        assert page.locator(".error-summary").count() == 1, "the empty form should show its errors"
    return response


def axe_violations(page):
    """axe-core's WCAG 2.0/2.1/2.2 A and AA violations on the page as it is now."""
    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    return Axe().run(page, options=options).response["violations"]


def describe(violations):
    """One readable block per violation: rule, impact, help, and every failing node."""
    lines = []
    for violation in violations:
        rule = f"{violation['id']} ({violation['impact']})"
        lines.append(f"- {rule}: {violation['help']} [{violation['helpUrl']}]")
        for node in violation["nodes"]:
            target = " ".join(str(part) for part in node["target"])
            lines.append(f"    {target}\n      {node['html'][:240]}")
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            if summary:
                lines.append(f"      {summary[:400]}")
    return "\n".join(lines)
