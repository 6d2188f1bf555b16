"""What a community group's editors may do with volunteering opportunities: the same as with
events (``events.editors``). They add opportunities under the volunteering listing of each
language and edit those that help their group; publishing stays with moderators.
"""

from events.editors import grant_section_permissions

from .models import OpportunityPage, VolunteeringIndexPage


def grant_opportunity_permissions(group, listing):
    """``group`` (a listing's editors) may add opportunities in its language and edit its group's."""
    grant_section_permissions(group, listing, VolunteeringIndexPage, OpportunityPage)
