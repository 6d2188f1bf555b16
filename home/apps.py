from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home and shared parts")

    def ready(self):
        from wagtail.signals import page_published, page_unpublished

        from .models import PortalSettings

        def forget_settings(**kwargs):
            PortalSettings.forget_all()

        page_published.connect(forget_settings, dispatch_uid="portal-settings-published")
        page_unpublished.connect(forget_settings, dispatch_uid="portal-settings-unpublished")
