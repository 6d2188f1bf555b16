"""What a community group's editors may do with volunteering opportunities: the same as with
events (``events.editors``). They add opportunities under the volunteering listing of each
language and edit those that help their group; publishing stays with moderators.
"""

from django.contrib.auth.models import Permission

from events.editors import grant_section_permissions

from .models import OpportunityPage, VolunteeringIndexPage


def grant_opportunity_permissions(group, listing):
    """``group`` (a listing's editors) may add opportunities in its language and edit its group's."""
    grant_section_permissions(group, listing, VolunteeringIndexPage, OpportunityPage)
    # "Messages for your group" shows them their own group's messages only (admin_views).
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="volunteering", codename__in=["view_message", "change_message"]
        )
    )
