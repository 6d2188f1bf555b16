from django.core.management.base import BaseCommand
from django.db import transaction

from directory.demo import load_areas_and_topics, load_group_editors, load_groups
from home.demo.site import DEMO_USERS, demo_password, load_demo_users, load_home_pages


class Command(BaseCommand):
    help = (
        "Load the bilingual demo content and demo users. Safe to run again: it adds what is "
        "missing and leaves existing content, including editors' changes, alone."
    )

    # Each step reports its progress through ``log``; the content apps add their own steps.
    steps = [load_home_pages, load_areas_and_topics, load_groups, load_demo_users, load_group_editors]

    def handle(self, *args, **options):
        def log(message):
            self.stdout.write(f"  {message}")

        self.stdout.write("Loading demo content…")
        with transaction.atomic():
            for step in self.steps:
                step(log)
        self.stdout.write(self.style.SUCCESS("Demo content ready."))
        self.stdout.write(
            f"Demo sign-ins at /admin/ (password: {demo_password()}): " + ", ".join(DEMO_USERS)
        )
