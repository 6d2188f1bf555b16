"""Open opportunities on group pages and the home page, and what group editors may do with them.

The sections reach the directory and the home page through their hooks
(``directory_group_related``, ``home_page_sections``), so neither imports this app.
See https://docs.wagtail.org/en/stable/reference/hooks.html
"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from .editors import grant_opportunity_permissions
from .listing import open_opportunities
from .models import OpportunityPage, VolunteeringIndexPage

GROUP_PAGE_OPPORTUNITIES = 5
HOME_PAGE_OPPORTUNITIES = 3

# A group's editors may add opportunities and edit their group's (see volunteering/editors.py).
hooks.register("directory_group_editor_permissions", grant_opportunity_permissions)


def _section(heading, opportunities, locale_id, number, request, all_label):
    items = list(open_opportunities(opportunities, locale_id)[:number])
    index = VolunteeringIndexPage.objects.live().filter(locale_id=locale_id).first() if items else None
    return {
        "heading": heading,
        "template": "volunteering/includes/opportunity_section.html",
        "items": items,
        "all_url": index.get_url(request) if index else None,
        "all_label": all_label,
    }


@hooks.register("directory_group_related")
def group_opportunities(group, request):
    """The open opportunities with a group, in the group page's language."""
    opportunities = OpportunityPage.objects.filter(
        locale_id=group.locale_id, group__translation_key=group.translation_key
    )
    return _section(
        _("Volunteer with this group"), opportunities, group.locale_id, GROUP_PAGE_OPPORTUNITIES, request,
        _("All ways to help"),
    )  # fmt: skip


@hooks.register("home_page_sections")
def home_opportunities(home_page, request):
    """The newest open opportunities in the home page's language."""
    section = _section(
        _("Ways to help this month"),
        OpportunityPage.objects.filter(locale_id=home_page.locale_id),
        home_page.locale_id,
        HOME_PAGE_OPPORTUNITIES,
        request,
        _("See all ways to help"),
    )
    return section if section["items"] else None
