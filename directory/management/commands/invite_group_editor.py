from django.core.management.base import BaseCommand, CommandError

from directory.editors import invite_editor
from directory.models import GroupPage


class Command(BaseCommand):
    help = (
        "Invite someone to look after a community group's listing (both languages); e-mails a sign-in link."
    )

    def add_arguments(self, parser):
        parser.add_argument("listing", help="The listing's slug, in English or Welsh, e.g. gresford-library")
        parser.add_argument("email")
        parser.add_argument(
            "--language", choices=["en", "cy"], default="en", help="Language of the e-mail and admin"
        )

    def handle(self, listing, email, language, **options):
        page = GroupPage.objects.filter(slug=listing).first()
        if page is None:
            raise CommandError(f"No community group listing with the slug {listing!r}.")
        user, created = invite_editor(page, email, language)
        action = "Invited new user" if created else "Added existing user"
        self.stdout.write(self.style.SUCCESS(f"{action} {user.username} as an editor of {page.title}."))
