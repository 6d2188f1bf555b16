"""The council's queue of problem reports, and what a group's editors see of their own.

Council editors (who hold the model's view and change permissions, ``0002``) work through the
reports in a Wagtail ModelViewSet (https://docs.wagtail.org/en/stable/extending/generic_views.html):
filter by state, set the state and a note, and write a reply that goes to the resident in the
language they chose. A group's editors have no menu item: their dashboard shows the open
reports about their own group's pages (the groups whose listing they may change), without the
resident's e-mail address.
"""

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.pages import PagePermissionPolicy

from .models import ListingReport, ReportState
from .replies import send_reply

OPEN_STATES = [ReportState.NEW, ReportState.IN_HAND]
PANEL_LIMIT = 10


class ReportEditView(generic.EditView):
    def save_instance(self):
        report = super().save_instance()
        if report.reply_is_due:  # only once the change is stored (home.mail)
            transaction.on_commit(lambda: send_reply(report))
        return report


class ListingReportViewSet(ModelViewSet):
    model = ListingReport
    icon = "warning"
    menu_label = _("Problem reports")
    add_to_admin_menu = True
    menu_order = 335
    url_prefix = "listing-reports"
    edit_view_class = ReportEditView
    copy_view_enabled = False
    inspect_view_enabled = False
    list_display = [
        Column("page", label=_("Page"), accessor="page"),
        Column("kind", label=_("What is wrong"), accessor="get_kind_display"),
        Column("state", label=_("State"), accessor="get_state_display"),
        DateColumn("created_at", label=_("Reported on")),
        BooleanColumn("reply_sent", label=_("Reply sent"), accessor="reply_sent_at"),
    ]
    list_filter = ["state", "kind"]
    ordering = ["-created_at"]
    panels = [
        MultiFieldPanel(
            [
                FieldPanel("page", read_only=True),
                FieldPanel("kind", read_only=True),
                FieldPanel("details", read_only=True),
                FieldRowPanel([FieldPanel("email", read_only=True), FieldPanel("language", read_only=True)]),
            ],
            heading=_("The report"),
        ),
        FieldPanel("state"),
        FieldPanel("council_note"),
        FieldPanel("reply"),
    ]

    def get_queryset(self, request):
        return ListingReport.objects.select_related("page")


def reports_for_group_editor(user):
    """The open reports about the groups whose listings ``user`` may change (their own)."""
    editable = PagePermissionPolicy().instances_user_has_any_permission_for(user, ["change"])
    return ListingReport.objects.filter(state__in=OPEN_STATES, group__in=editable).select_related("page")


class GroupReportsPanel(Component):
    """For a group's editors: what residents say is wrong with their group's pages."""

    name = "group_reports"
    order = 15
    template_name = "reports/admin/group_reports_panel.html"

    def __init__(self, reports):
        self.reports = reports

    def get_context_data(self, parent_context=None):
        return {"reports": self.reports}


def add_group_reports_panel(request, panels):
    user = request.user
    if user.has_perm("reports.change_listingreport"):  # council editors have the queue
        return
    reports = list(reports_for_group_editor(user)[:PANEL_LIMIT])
    if reports:
        panels.append(GroupReportsPanel(reports))
