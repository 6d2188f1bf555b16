from django.core.management.base import BaseCommand
from django.db import transaction

from demo.directory import load_areas_and_topics, load_group_editors, load_groups, scale_groups
from demo.events import load_events, scale_events
from demo.guides import load_guides, scale_guides
from demo.postcodes import load_postcodes
from demo.site import DEMO_USERS, demo_password, load_demo_users, load_home_pages
from demo.stories import load_stories, scale_stories
from demo.volunteering import load_offers, load_opportunities
from home.page_cache import forget_page_tree


class Command(BaseCommand):
    help = (
        "Load the bilingual demo content and demo users. Safe to run again: it adds what is "
        "missing and leaves existing content, including editors' changes, alone."
    )

    # Each step reports its progress through ``log``; each family's module in demo/ gives its own.
    steps = [
        load_home_pages,
        load_postcodes,
        load_areas_and_topics,
        load_groups,
        load_events,
        load_opportunities,
        load_offers,
        load_stories,
        load_guides,
        load_demo_users,
        load_group_editors,
    ]

    # --scale N adds N generated groups in each language, and events (N/3), stories (N/6) and
    # how-to guides (N/6) in proportion, for benchmarks.
    scale_steps = [scale_groups, scale_events, scale_stories, scale_guides]

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale",
            type=int,
            default=0,
            metavar="N",
            help="Also generate N groups, N/3 events, N/6 stories and N/6 guides in each language (for benchmarks).",
        )

    def handle(self, *args, scale=0, **options):
        def log(message):
            self.stdout.write(f"  {message}")

        self.stdout.write("Loading demo content…")
        with transaction.atomic():
            for step in self.steps:
                step(log)
        for step in self.scale_steps if scale else []:
            with transaction.atomic():
                step(scale, log)
        # The pages were made live without publishing, which would have retired what the
        # cache keeps about the page tree (the menus, the next events): retire it here.
        forget_page_tree()
        self.stdout.write(self.style.SUCCESS("Demo content ready."))
        self.stdout.write(f"Demo sign-ins at /admin/ (password: {demo_password()}): " + ", ".join(DEMO_USERS))
