"""The admin dashboard's big actions for volunteers who look after a group.

Each app offers its own actions through the ``editor_dashboard_actions`` hook (a function of
the request returning ``DashboardAction``s, none for users it has nothing to offer), so this
module imports none of them; the panel shows only when some app offers something, first on
the dashboard. Wagtail's own "Your pages and snippets in a workflow" panel below it lists the
editor's submissions and their state.
See https://docs.wagtail.org/en/stable/reference/hooks.html#construct-homepage-panels
"""

from dataclasses import dataclass

from django.utils import translation
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.models import Locale


@dataclass(frozen=True)
class DashboardAction:
    label: str
    url: str
    icon: str = "arrow-right"
    order: int = 100  # the panel sorts by it: hooks run in no order an app can rely on


def in_admin_language(pages):
    """The one of ``pages`` (a page queryset) in the language the admin speaks, else the first."""
    return pages.filter(locale__language_code=translation.get_language()).first() or pages.first()


def admin_locale():
    return Locale.objects.filter(language_code=translation.get_language()).first()


class EditorActionsPanel(Component):
    name = "editor_actions"
    order = 5  # before every other panel
    template_name = "home/admin/editor_actions_panel.html"

    def __init__(self, actions):
        self.actions = actions

    def get_context_data(self, parent_context=None):
        return {"actions": self.actions}


def add_editor_actions_panel(request, panels):
    actions = [action for offer in hooks.get_hooks("editor_dashboard_actions") for action in offer(request)]
    if actions:
        panels.insert(0, EditorActionsPanel(sorted(actions, key=lambda action: action.order)))
