from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Topic


class TopicViewSet(SnippetViewSet):
    """Council editors manage the list of topics; page editors choose from it."""

    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    add_to_admin_menu = True
    menu_order = 300
    list_display = ["name", "name_cy", "slug", "slug_cy"]
    search_fields = ["name", "name_cy"]
    ordering = ["name"]


register_snippet(TopicViewSet)
