"""Start a real site, without the demo content: the database, the empty sections in both
languages, and the first superuser.

Every section is an ``IndexPage`` that names itself in both languages (``section_names``), so
this command finds them among Wagtail's page models and imports no content app. Safe to run
again: it creates what is missing and leaves the rest alone.
"""

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Locale, get_page_models

from home.models import HomePage, IndexPage


def sections():
    return [model for model in get_page_models() if issubclass(model, IndexPage) and model.section_names]


def ensure_section(model, home_pages):
    """The section's English page under the English home page and its Welsh translation."""
    english_title, english_slug = model.section_names["en"]
    english = model.objects.child_of(home_pages["en"]).first()
    created = english is None
    if created:
        english = model(title=english_title, slug=english_slug)
        home_pages["en"].add_child(instance=english)
        english.save_revision().publish()
    if english.get_translation_or_none(home_pages["cy"].locale) is None:
        welsh = english.copy_for_translation(home_pages["cy"].locale)
        welsh.title, welsh.slug = model.section_names["cy"]
        welsh.save_revision().publish()
    return created


class Command(BaseCommand):
    help = (
        "Start a real site without demo content: migrate, create the empty sections (groups, "
        "events, stories, guides, volunteering) in English and Welsh, and ask for the first "
        "superuser if there is none."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-input",
            action="store_false",
            dest="interactive",
            help="Do not ask: the superuser comes from DJANGO_SUPERUSER_USERNAME, _EMAIL and _PASSWORD.",
        )

    def handle(self, *args, interactive=True, **options):
        self.stdout.write("Migrating the database…")
        call_command("migrate", interactive=False, verbosity=0)
        home_pages = {
            language: HomePage.objects.get(depth=2, locale=Locale.objects.get(language_code=language))
            for language in ("en", "cy")
        }
        for model in sections():
            with transaction.atomic():
                created = ensure_section(model, home_pages)
            title = model.section_names["en"][0]
            self.stdout.write(f"  {title}: {'created' if created else 'already there'}, in English and Welsh")
        if not get_user_model().objects.filter(is_superuser=True).exists():
            self.stdout.write("Creating the first superuser (who also manages the other accounts)…")
            call_command("createsuperuser", interactive=interactive)
        self.stdout.write(self.style.SUCCESS("The site is ready: sign in at /admin/."))
