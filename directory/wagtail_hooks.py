from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.dashboard import DashboardAction, in_admin_language
from home.entry_points import entry_point

from .admin_views import ClaimViewSet, GroupSuggestionViewSet, InviteEditorView, may_invite
from .editors import listings_edited_by
from .models import Area, GroupIndexPage, GroupPage, unchecked_before
from .reviews import flagged_listings


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


class YourGroupPanel(Component):
    """The first thing a group editor sees: their listing in each language, one click away."""

    name = "your_group"
    order = 10
    template_name = "directory/admin/your_group_panel.html"

    def __init__(self, listings):
        self.listings = listings

    def get_context_data(self, parent_context=None):
        return {"listings": self.listings}


class StaleListingsPanel(Component):
    """For council editors: listings whose review is REVIEW_FLAG_DAYS overdue (their editors
    were reminded twice, or they have none), oldest first (directory.reviews)."""

    name = "stale_listings"
    order = 20
    template_name = "directory/admin/stale_listings_panel.html"
    limit = 20

    def __init__(self, listings):
        self.listings = listings

    def get_context_data(self, parent_context=None):
        return {"listings": self.listings[: self.limit], "count": self.listings.count()}


@hooks.register("construct_homepage_panels")
def add_directory_panels(request, panels):
    listings = list(listings_edited_by(request.user))
    if listings:
        panels.insert(0, YourGroupPanel(listings))
    if request.user.has_perm("directory.change_area"):  # council editors
        panels.append(StaleListingsPanel(flagged_listings()))


@hooks.register("search_demoted_pages")
def listings_not_checked_recently():
    """Listings overdue for review by more than REVIEW_STALE_DAYS come after the others in the
    site search (search.queries), as they do in the directory."""
    return GroupPage.objects.filter(last_reviewed__lt=unchecked_before()).values("id")


@hooks.register("register_admin_viewset")
def register_suggestion_viewset():
    return GroupSuggestionViewSet("directory_suggestions")


@hooks.register("register_admin_urls")
def invite_editor_urls():
    return [
        path(
            "directory/invite-editor/<int:page_id>/",
            InviteEditorView.as_view(),
            name="directory_invite_editor",
        )
    ]


def _invite_button(page, user, priority):
    if may_invite(user, page):
        yield Button(
            _("Invite an editor for this group"),
            reverse("directory_invite_editor", args=[page.pk]),
            icon_name="user",
            priority=priority,
        )


@hooks.register("register_page_header_buttons")
def invite_editor_header_button(page, user, view_name, next_url=None):
    yield from _invite_button(page, user, priority=90)


@hooks.register("register_page_listing_more_buttons")
def invite_editor_listing_button(page, user, next_url=None):
    yield from _invite_button(page, user, priority=90)


@hooks.register("editor_dashboard_actions")
def update_your_group(request):
    """A group editor's first action: their listing, in the language the admin speaks."""
    listings = listings_edited_by(request.user)
    keys = list(dict.fromkeys(listings.values_list("translation_key", flat=True)))
    actions = []
    for key in keys:
        listing = in_admin_language(listings.filter(translation_key=key))
        label = (
            _("Update your group's details")
            if len(keys) == 1
            else _("Update the details of %(group)s") % {"group": listing.title}
        )
        actions.append(
            DashboardAction(
                str(label), reverse("wagtailadmin_pages:edit", args=[listing.pk]), "edit", order=10
            )
        )
    return actions


@hooks.register("home_page_entry_points")
def find_a_group(home_page, request):
    return entry_point(
        GroupIndexPage,
        home_page,
        _("Find a group"),
        _("Clubs, cafés, libraries and support near you."),
        "community",
        order=10,
    )


@hooks.register("listing_report_group")
def group_of_a_listing(page):
    """A problem reported with a group's listing is that group's (the reports app)."""
    return page if isinstance(page, GroupPage) else None


@hooks.register("register_admin_viewset")
def register_claim_viewset():
    return ClaimViewSet("directory_claims")
