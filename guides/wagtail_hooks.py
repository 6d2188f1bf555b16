"""Guides on group pages: the guides that name the group as one that can help.

See https://docs.wagtail.org/en/stable/reference/hooks.html
"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from .models import guides_for_group


@hooks.register("directory_group_related")
def group_guides(group, request):
    return {
        "heading": _("Guides"),
        "template": "guides/includes/group_guides.html",
        "items": guides_for_group(group),
    }
