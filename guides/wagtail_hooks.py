"""Guides on group pages: the guides that name the group as one that can help.

See https://docs.wagtail.org/en/stable/reference/hooks.html
"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from home.entry_points import entry_point

from .models import GuideIndexPage, guides_for_group


@hooks.register("directory_group_related")
def group_guides(group, request):
    return {
        "heading": _("Guides"),
        "template": "guides/includes/group_guides.html",
        "items": guides_for_group(group),
    }


@hooks.register("home_page_entry_points")
def start_something(home_page, request):
    return entry_point(
        GuideIndexPage,
        home_page,
        _("Start something"),
        _("Guides to starting a group, running an event or taking over a building."),
        "building",
        order=40,
    )
