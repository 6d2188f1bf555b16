"""Demo content for the home pages, the accessibility statement, the privacy notice and the demo users."""

import os

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Site

from demo.helpers import ensure_child_page, ensure_translation, load_json, locales, paragraphs
from home.models import HomePage, PortalSettings, StandardPage

DEFAULT_DEMO_PASSWORD = "together-demo-2026"

# username -> (role, is superuser). The group editors' own groups are made with their
# listings (demo.directory.load_group_editors).
DEMO_USERS = {
    "admin": (None, True),
    "council-editor": ("Council editors", False),
    "moderator": ("Moderators", False),
    "gresford-editor": (None, False),
    "rhos-editor": (None, False),
}
# Their names, so the admin (moderation, history, comments) says who did what.
DEMO_USER_NAMES = {
    "admin": ("Siân", "Roberts"),
    "council-editor": ("Gareth", "Hughes"),
    "moderator": ("Nia", "Williams"),
    "gresford-editor": ("Mair", "Jones"),
    "rhos-editor": ("Dafydd", "Evans"),
}


def demo_password():
    return os.environ.get("DEMO_PASSWORD") or DEFAULT_DEMO_PASSWORD


def load_home_pages(log):
    data = load_json("site.json")
    language_locales = locales()
    english_home = HomePage.objects.get(depth=2, locale=language_locales["en"])
    welsh_home = HomePage.objects.get(depth=2, locale=language_locales["cy"])
    for home, language in ((english_home, "en"), (welsh_home, "cy")):
        if not home.introduction:
            home.introduction = data["home"][f"introduction_{language}"]
            home.body = paragraphs(data["home"][f"body_{language}"])
            home.save_revision().publish()
    log(f"Home pages: {english_home.url_path} and {welsh_home.url_path}")

    statement = ensure_standard_page(english_home, data["accessibility_statement"], language_locales["cy"])
    notice = ensure_standard_page(english_home, data["privacy_notice"], language_locales["cy"])
    portal_settings = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    if portal_settings.accessibility_statement_id is None:
        portal_settings.accessibility_statement = statement
    if portal_settings.privacy_notice_id is None:
        portal_settings.privacy_notice = notice
    if not portal_settings.council_team_en:  # the team the guides send readers to
        for field, value in data["council_contact"].items():
            setattr(portal_settings, field, value)
    portal_settings.save()
    log("Accessibility statement and privacy notice: in English and Welsh")


def ensure_standard_page(english_home, page_data, welsh_locale):
    """A page below the home page in English and in Welsh, from its data in site.json."""
    page, _ = ensure_child_page(
        english_home,
        StandardPage,
        page_data["slug_en"],
        title=page_data["title_en"],
        summary=page_data["summary_en"],
        body=paragraphs(page_data["body_en"]),
    )
    ensure_translation(
        page,
        welsh_locale,
        title=page_data["title_cy"],
        slug=page_data["slug_cy"],
        summary=page_data["summary_cy"],
        body=paragraphs(page_data["body_cy"]),
    )
    return page


def load_demo_users(log):
    User = get_user_model()
    password = demo_password()
    for username, (group_name, is_superuser) in DEMO_USERS.items():
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "email": f"{username}@wrexham.example",
                "is_staff": is_superuser,
                "is_superuser": is_superuser,
            },
        )
        if created:
            user.set_password(password)
        if not (user.first_name or user.last_name):
            user.first_name, user.last_name = DEMO_USER_NAMES[username]
        user.save()
        if group_name:
            user.groups.add(Group.objects.get(name=group_name))
    log(f"Demo users: {', '.join(DEMO_USERS)}")
