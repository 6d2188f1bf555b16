from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self):
        from django.db.models.signals import post_save

        from .editors import grant_organisers_editors
        from .models import EventPage

        post_save.connect(grant_organisers_editors, sender=EventPage, dispatch_uid="event-organisers-editors")
