from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Area


class AreaViewSet(SnippetViewSet):
    """The communities of the county that groups are listed under; council editors keep it."""

    model = Area
    icon = "site"
    menu_label = _("Areas")
    add_to_admin_menu = True
    menu_order = 310
    list_display = ["name", "name_cy"]
    search_fields = ["name", "name_cy"]
    ordering = ["name"]


register_snippet(AreaViewSet)
