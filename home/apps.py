from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home and shared parts")

    def ready(self):
        from django.apps import apps
        from django.db.models.signals import post_delete, post_save
        from wagtail.models import Page, PageViewRestriction, Site
        from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

        from bilingual.names import BilingualNameMixin

        from .alerts import SiteAlert
        from .page_cache import forget_page_tree
        from .public_address import forget_public_base_url

        # Menus, footer links and the private sections are cached per page tree; these are
        # the events that change it.
        page_published.connect(forget_page_tree, dispatch_uid="tree-published")
        page_unpublished.connect(forget_page_tree, dispatch_uid="tree-unpublished")
        page_slug_changed.connect(forget_page_tree, dispatch_uid="tree-slug-changed")
        post_page_move.connect(forget_page_tree, dispatch_uid="tree-moved")
        post_delete.connect(forget_page_tree, sender=Page, dispatch_uid="tree-deleted")
        # A page made private (or public again) leaves or joins every public list at once,
        # and no cached copy of it outlives the change (home.visibility, the page cache).
        post_save.connect(forget_page_tree, sender=PageViewRestriction, dispatch_uid="tree-restricted")
        post_delete.connect(forget_page_tree, sender=PageViewRestriction, dispatch_uid="tree-unrestricted")
        # A site alert saved or deleted shows or goes on every page at once.
        post_save.connect(forget_page_tree, sender=SiteAlert, dispatch_uid="tree-alert-saved")
        post_delete.connect(forget_page_tree, sender=SiteAlert, dispatch_uid="tree-alert-deleted")
        # A picture edited (a new file or focal point makes new renditions and deletes the old
        # ones) shows at once on every kept card (``{% kept_card %}``).
        from wagtail.images import get_image_model

        post_save.connect(forget_page_tree, sender=get_image_model(), dispatch_uid="tree-image-saved")
        post_delete.connect(forget_page_tree, sender=get_image_model(), dispatch_uid="tree-image-deleted")
        # Topics and areas appear in every listing's filters (``{% cached_filters %}``).
        for model in apps.get_models():
            if issubclass(model, BilingualNameMixin):
                post_save.connect(
                    forget_page_tree, sender=model, dispatch_uid=f"tree-names-{model._meta.label}"
                )
                post_delete.connect(
                    forget_page_tree, sender=model, dispatch_uid=f"tree-names-gone-{model._meta.label}"
                )
        # The public address is the default Site's unless PUBLIC_BASE_URL says otherwise.
        post_save.connect(forget_public_base_url, sender=Site, dispatch_uid="public-address-site-saved")
        post_delete.connect(forget_public_base_url, sender=Site, dispatch_uid="public-address-site-deleted")
