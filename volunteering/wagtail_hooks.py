"""Open opportunities on group pages and the home page, and what group editors may do with them.

The sections reach the directory and the home page through their hooks
(``directory_group_related``, ``home_page_sections``), so neither imports this app.
See https://docs.wagtail.org/en/stable/reference/hooks.html
"""

from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from bilingual.language import current_language
from events.forms import organisers_for
from home.dashboard import DashboardAction, in_admin_language
from home.entry_points import entry_point
from home.page_cache import cached

from .admin_views import AnswerOfferView, MessageViewSet, OfferViewSet
from .editors import grant_opportunity_permissions
from .listing import open_opportunities
from .models import CONTACT_PATH, OpportunityPage, VolunteeringIndexPage, form_path

GROUP_PAGE_OPPORTUNITIES = 5
HOME_PAGE_OPPORTUNITIES = 3

# A group's editors may add opportunities and edit their group's (see volunteering/editors.py).
hooks.register("directory_group_editor_permissions", grant_opportunity_permissions)


def listing_url(locale_id):
    """The address of the volunteering listing of a language (None if there is none), kept with
    the page tree (``home.page_cache``) since every group page asks for it."""

    def compute():
        index = VolunteeringIndexPage.objects.live().filter(locale_id=locale_id).first()
        return index.url if index else ""

    return cached(f"volunteering-listing-url:{locale_id}", compute) or None


def _section(heading, opportunities, locale_id, number, all_label):
    items = list(open_opportunities(opportunities, locale_id)[:number])
    return {
        "heading": heading,
        "template": "volunteering/includes/opportunity_section.html",
        "items": items,
        "all_url": listing_url(locale_id) if items else None,
        "all_label": all_label,
    }


@hooks.register("directory_group_related")
def group_opportunities(group, request):
    """The open opportunities with a group, in the group page's language."""

    # Kept with the page tree (and the day, as closing dates pass) so that a group page costs
    # no query more than before: publishing any page retires it.
    def compute():
        opportunities = OpportunityPage.objects.filter(
            locale_id=group.locale_id, group__translation_key=group.translation_key
        )
        return _section(
            _("Volunteer with this group"), opportunities, group.locale_id, GROUP_PAGE_OPPORTUNITIES,
            _("All ways to help"),
        )  # fmt: skip

    return cached(f"group-opportunities:{group.pk}:{timezone.localdate()}", compute)


@hooks.register("directory_group_related")
def contact_this_group(group, request):
    """The "Contact this group" form's address, below the volunteering listing of the group's language."""
    url = listing_url(group.locale_id)
    if url is None:
        return None
    url += form_path(CONTACT_PATH, current_language(), group.slug)  # the group page's language
    return {
        "heading": _("Contact this group"),
        "template": "volunteering/includes/contact_section.html",
        "items": [url],
    }


@hooks.register("register_admin_viewset")
def register_message_viewset():
    return MessageViewSet("volunteering_messages")


@hooks.register("register_admin_viewset")
def register_offer_viewset():
    return OfferViewSet("volunteering_offers")


@hooks.register("register_admin_urls")
def answer_offer_urls():
    return [
        path(
            "volunteering/answer-offer/<int:pk>/", AnswerOfferView.as_view(), name="volunteering_answer_offer"
        )
    ]


@hooks.register("home_page_sections")
def home_opportunities(home_page, request):
    """The newest open opportunities in the home page's language, kept like a group page's."""

    def compute():
        return _section(
            _("Ways to help this month"),
            OpportunityPage.objects.filter(locale_id=home_page.locale_id),
            home_page.locale_id,
            HOME_PAGE_OPPORTUNITIES,
            _("See all ways to help"),
        )

    section = cached(f"home-opportunities:{home_page.locale_id}:{timezone.localdate()}", compute)
    return {**section, "order": 30} if section["items"] else None


@hooks.register("editor_dashboard_actions")
def add_an_opportunity_and_read_messages(request):
    """For a group editor: add a volunteering opportunity, and read the messages to the group."""
    if organisers_for(request.user) is None:
        return []
    actions = []
    index = in_admin_language(VolunteeringIndexPage.objects.all())
    if index is not None:
        url = reverse("wagtailadmin_pages:add", args=["volunteering", "opportunitypage", index.pk])
        actions.append(DashboardAction(str(_("Add a volunteering opportunity")), url, "group", order=30))
    actions.append(
        DashboardAction(str(_("Messages")), reverse("volunteering_messages:index"), "mail", order=40)
    )
    return actions


@hooks.register("home_page_entry_points")
def volunteer(home_page, request):
    return entry_point(
        VolunteeringIndexPage,
        home_page,
        _("Volunteer"),
        _("Give an hour or two to a group that needs you."),
        "volunteering",
        order=30,
    )


@hooks.register("listing_report_group")
def group_of_an_opportunity(page):
    """A problem reported with a volunteering opportunity is its group's (the reports app)."""
    return page.group if isinstance(page, OpportunityPage) else None
