from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "directory"
    verbose_name = _("Community groups")

    def ready(self):
        from django.db.models.signals import post_save
        from wagtail.signals import page_published

        from .editors import grant_editors_on_new_translation
        from .models import GroupPage
        from .reviews import revive_on_publish
        from .suggestions import suggested_listing_published

        post_save.connect(
            grant_editors_on_new_translation, sender=GroupPage, dispatch_uid="group-editors-translations"
        )
        # A listing unpublished for want of review comes back with a fresh review date.
        page_published.connect(revive_on_publish, sender=GroupPage, dispatch_uid="group-review-revived")
        page_published.connect(
            suggested_listing_published, sender=GroupPage, dispatch_uid="group-suggestion-listed"
        )
