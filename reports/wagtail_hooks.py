"""The council's report queue in the admin menu, and the group editors' dashboard panel.
See https://docs.wagtail.org/en/stable/reference/hooks.html"""

from wagtail import hooks

from .admin_views import ListingReportViewSet, add_group_reports_panel


@hooks.register("register_admin_viewset")
def register_report_viewset():
    return ListingReportViewSet("listing_reports")


hooks.register("construct_homepage_panels", add_group_reports_panel)
