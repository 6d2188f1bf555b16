"""The "report a problem" form of a page, at ``/en/report-a-problem/<page>/`` (Welsh
``/cy/rhoi-gwybod-am-broblem/<page>/``), and its thanks page.

A view of its own (not a route of each page type) so that one form serves groups, events and
volunteering opportunities alike and the pages themselves stay in the page cache. The group a
page belongs to comes from the ``listing_report_group`` hook: each content app registers a
function of a page returning its community group (or None), so this app imports none of them.
See https://docs.wagtail.org/en/stable/reference/hooks.html
"""

from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.models import Page

from bilingual.language import current_language
from home.breadcrumbs import view_trail
from home.mail import store_then_send
from home.public_forms import TOO_MANY, alternate_urls, check_post
from home.visibility import publicly_visible

from .forms import ReportForm
from .models import ListingReport
from .replies import send_reply


def group_of(page):
    """The community group ``page`` belongs to, as the content apps' hooks say; None if none."""
    for hook in hooks.get_hooks("listing_report_group"):
        group = hook(page)
        if group is not None:
            return group
    return None


def reported_page(page_id):
    page = publicly_visible(Page.objects.filter(pk=page_id)).first()
    if page is None or page.depth <= 2:  # the home pages are not listings
        raise Http404
    return page.specific


def report_form(request, page_id):
    page = reported_page(page_id)
    form = ReportForm(request.POST or None)
    refusal = status = None
    if request.method == "POST":
        may_store, status = check_post(request, form)
        if may_store:
            data = form.cleaned_data
            store_then_send(
                ListingReport,
                send_reply,
                page=page,
                group=group_of(page),
                kind=data["kind"],
                details=data["details"],
                email=data["email"],
                language=data["language"],
            )
            return redirect("report_thanks", page_id=page.pk)
        if status == TOO_MANY:
            refusal = _("You have sent several reports in the last hour. Please try again later.")
        elif status:
            refusal = _("Your report could not be sent.")
    context = {
        "reported": page,
        "form": form,
        "refusal": refusal,
        "retention_days": settings.REPORT_RETENTION_DAYS,
        "alternate_urls": alternate_urls(page, "report_problem"),
        "breadcrumbs": view_trail(request, [(page.title, page.url)], _("Report a problem")),
        "current_language": current_language(),
    }
    return render(request, "reports/report_form.html", context, status=status or 200)


def report_thanks(request, page_id):
    page = reported_page(page_id)
    context = {
        "reported": page,
        "alternate_urls": alternate_urls(page, "report_thanks"),
        "breadcrumbs": view_trail(request, [(page.title, page.url)], _("Thank you")),
    }
    return render(request, "reports/report_thanks.html", context)
