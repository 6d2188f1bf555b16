from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VolunteeringConfig(AppConfig):
    name = "volunteering"
    verbose_name = _("Volunteering")

    def ready(self):
        from django.db.models.signals import post_save

        from events.editors import grant_organisers_editors

        from .models import OpportunityPage

        # The group an opportunity helps may edit it, as the group running an event may edit that.
        post_save.connect(
            grant_organisers_editors, sender=OpportunityPage, dispatch_uid="opportunity-groups-editors"
        )
