"""Venues in the admin, upcoming events on group pages and the home page, and what group
editors may do with events.

The sections reach the directory and the home page through their hooks
(``directory_group_related``, ``home_page_sections``), so neither imports this app.
See https://docs.wagtail.org/en/stable/reference/hooks.html
"""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.dashboard import DashboardAction, in_admin_language
from home.entry_points import entry_point
from home.page_cache import cached
from home.visibility import publicly_visible

from .editors import grant_event_permissions
from .forms import organisers_for
from .listing import listed_events
from .models import EventIndexPage, EventPage, Venue

GROUP_PAGE_EVENTS = 5
HOME_PAGE_EVENTS = 3


class VenueViewSet(SnippetViewSet):
    """The places events are held, named in both languages; every event chooses one."""

    model = Venue
    icon = "home"
    menu_label = _("Venues")
    add_to_admin_menu = True
    menu_order = 320
    list_display = ["name", "name_cy", "postcode", "area"]
    list_filter = ["area"]
    search_fields = ["name", "name_cy", "address", "postcode"]
    ordering = ["name"]


register_snippet(VenueViewSet)

# A group's editors may add events and edit their group's events (see events/editors.py).
hooks.register("directory_group_editor_permissions", grant_event_permissions)


def _listing_url(event, request):
    """The events listing's address: events are its children, so it is theirs less the last part."""
    url = event.get_url(request)
    return url[: url.rstrip("/").rfind("/") + 1]


def _not_over(events):
    """Whether every one of ``events`` is still at its listed date: until the first of those
    dates is over, no other event can come before them, so the list stays right."""
    now = timezone.now()
    return all(event.occurrence_end > now for event in events)


def _upcoming_section(events, number, request, all_label, query="", *, cache_as):
    """The next ``number`` of ``events`` under "Upcoming events"; None if there are none.

    The list is kept with the page-tree facts as ``cache_as`` (only publishing changes it)
    until one of its dates is over."""

    def next_events():
        # From now, not midnight: a date that ended earlier today is not "upcoming".
        upcoming = publicly_visible(events).upcoming(timezone.now()).select_related("venue")
        return list(upcoming[:number])

    items = cached(f"upcoming-events:{cache_as}", next_events, still_good=_not_over)
    rows = [(event.pk, event.occurrence_start, event.occurrence_end) for event in items]
    return {
        "heading": _("Upcoming events"),
        "template": "events/includes/group_events.html",
        "items": listed_events(rows, lambda ids: items),
        "all_url": _listing_url(items[0], request) + query if items else None,
        "all_label": all_label,
    }


@hooks.register("directory_group_related")
def group_upcoming_events(group, request):
    """The next events a group organises, in the group page's language."""
    events = EventPage.objects.filter(locale_id=group.locale_id, group__translation_key=group.translation_key)
    return _upcoming_section(
        events,
        GROUP_PAGE_EVENTS,
        request,
        _("All events by this group"),
        f"?group={group.slug}",
        cache_as=f"group:{group.pk}",
    )


@hooks.register("home_page_sections")
def home_upcoming_events(home_page, request):
    """The next few events in the home page's language."""
    section = _upcoming_section(
        EventPage.objects.filter(locale_id=home_page.locale_id),
        HOME_PAGE_EVENTS,
        request,
        _("See all events"),
        cache_as=f"home:{home_page.pk}",
    )
    return {**section, "order": 20} if section["items"] else None


@hooks.register("editor_dashboard_actions")
def add_an_event(request):
    """For a group editor: add an event, under the listing in the language the admin speaks."""
    index = (
        in_admin_language(EventIndexPage.objects.all()) if organisers_for(request.user) is not None else None
    )
    if index is None:
        return []
    url = reverse("wagtailadmin_pages:add", args=["events", "eventpage", index.pk])
    return [DashboardAction(str(_("Add an event")), url, "date", order=20)]


@hooks.register("home_page_entry_points")
def something_to_do_this_week(home_page, request):
    return entry_point(
        EventIndexPage,
        home_page,
        _("Find something to do this week"),
        _("Events across the county, many of them free."),
        "calendar",
        query="?when=week",
        order=20,
    )


@hooks.register("listing_report_group")
def group_of_an_event(page):
    """A problem reported with an event is its organising group's (the reports app)."""
    return page.group if isinstance(page, EventPage) else None
