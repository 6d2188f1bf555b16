"""Admin hooks for every page type: an edit form opened before someone else's change is refused,
the translation state (the "Translations" report, the dashboard panel, the notice after
publishing an English page whose Welsh is missing or behind; see ``home.translation_state``),
and the site alerts' place in the admin.

Wagtail's page edit form carries the revision it was opened on (``loaded_revision_id`` and
``loaded_revision_created_at``). Wagtail 7.4 compares them with the page's latest revision only
for autosave's JSON requests (``EditView.is_out_of_date``), and even then trusts the
``overwrite_revision_id`` the request names; its "someone else is editing" notice is the
browser's alone. So an ordinary save, submission for moderation or publish from a form opened
earlier saves the old text over the newer revision, and a moderator who approves it undoes the
other editor's change without anyone noticing.
See https://docs.wagtail.org/en/stable/reference/hooks.html#before-edit-page
"""

from django.db.models import Count
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin_views import TranslationStateReportView
from .alerts import SiteAlert
from .dashboard import add_editor_actions_panel
from .review import explain_the_review, submit_for_review_first
from .translation_state import (
    ENGLISH,
    OUT_OF_STEP,
    TranslationState,
    may_see_translation_state,
    pages_with_translation_state,
    update_link,
)


def _revision_loaded(request, page):
    loaded_id = request.POST.get("loaded_revision_id", "")
    return page.revisions.filter(pk=loaded_id).first() if loaded_id.isdigit() else None


def _changed_by_someone_else(request, page, loaded):
    """Whether anyone but the signed-in editor has saved ``page`` since the form was opened.

    The editor's own later revisions (another tab, autosave) are no conflict: what they would
    overwrite is their own work.
    """
    by_others = page.revisions.exclude(user=request.user)
    if loaded is None:
        # The page had no revision when the form was opened, or the form names none of its own.
        return by_others.exists()
    if loaded.user_id != request.user.pk and (
        loaded.created_at.isoformat() != request.POST.get("loaded_revision_created_at")
    ):
        return True  # its author's autosave has rewritten it since
    return by_others.filter(pk__gt=loaded.pk).exists()


@hooks.register("before_edit_page")
def refuse_edits_from_an_outdated_form(request, page):
    """Refuse every action of the edit form (save, submit, publish, workflow) posted from an
    outdated form, and show the editor the page as it is now."""
    if request.method != "POST":
        return None
    loaded = _revision_loaded(request, page)
    if not _changed_by_someone_else(request, page, loaded):
        return None
    message = _(
        "Someone else has changed this page since you opened it. Your changes have not been saved, "
        "so that theirs are not undone. This is the page as it is now: please make your changes again."
    )
    if not request.accepts("text/html"):  # autosave: answer as Wagtail does, so its script says so
        return JsonResponse(
            {"success": False, "error_code": "invalid_revision", "error_message": message}, status=400
        )
    compare_url = reverse(
        "wagtailadmin_pages:revisions_compare", args=[page.pk, loaded.pk if loaded else "earliest", "latest"]
    )
    messages.error(request, message, buttons=[messages.button(compare_url, _("See what changed"))])
    return redirect(request.get_full_path())


class SiteAlertViewSet(SnippetViewSet):
    """Site alerts in the admin's menu, for council editors (see ``home.alerts``)."""

    model = SiteAlert
    icon = "warning"
    menu_label = _l("Site alerts")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["message_en", "priority", "starts_at", "ends_at", "section"]
    list_filter = ["priority"]
    ordering = ["-starts_at"]


register_snippet(SiteAlertViewSet)


class TranslationsOutOfStepPanel(Component):
    """For council editors' dashboard: how many pages are missing a language or behind."""

    name = "translations_out_of_step"
    order = 30
    template_name = "home/admin/translations_out_of_step_panel.html"

    def get_context_data(self, parent_context=None):
        counted = dict(
            pages_with_translation_state()
            .filter(state__in=OUT_OF_STEP)
            .order_by()
            .values_list("state")
            .annotate(count=Count("pk"))
        )
        counts = [
            {"value": state.value, "label": state.label, "count": counted[state]}
            for state in OUT_OF_STEP
            if counted.get(state)
        ]
        return {"counts": counts, "total": sum(counted.values())}


@hooks.register("construct_homepage_panels")
def add_translations_panel(request, panels):
    if may_see_translation_state(request.user):
        panels.append(TranslationsOutOfStepPanel())


@hooks.register("register_admin_urls")
def translation_state_urls():
    return [
        path("reports/translations/", TranslationStateReportView.as_view(), name="translation_state_report"),
        path(
            "reports/translations/results/",
            TranslationStateReportView.as_view(results_only=True),
            name="translation_state_report_results",
        ),
    ]


class TranslationStateMenuItem(MenuItem):
    def is_shown(self, request):
        return may_see_translation_state(request.user)


@hooks.register("register_reports_menu_item")
def translation_state_menu_item():
    return TranslationStateMenuItem(
        _("Translations"),
        reverse("translation_state_report"),
        name="translation-state",
        icon_name="site",
        order=900,
    )


@hooks.register("construct_reports_menu")
def hide_wagtail_localize_report(request, menu_items):
    """wagtail-localize's own "Translations" report lists translation jobs, not pages, and is
    shown to every editor; ours replaces it under the same name."""
    localize_report = reverse("wagtail_localize:translations_report")
    menu_items[:] = [item for item in menu_items if item.url != localize_report]


@hooks.register("after_publish_page")
def say_when_the_welsh_is_behind(request, page):
    """After an English page is published, tell the editor if its Welsh is missing or now out
    of date, with the link that brings it up to date (if they may follow it)."""
    if page.locale.language_code != ENGLISH:
        return
    row = pages_with_translation_state().filter(pk=page.pk).first()
    if row is None or row.state not in (TranslationState.ONLY_ENGLISH, TranslationState.WELSH_BEHIND):
        return
    if row.state == TranslationState.ONLY_ENGLISH:
        message = _("“%(title)s” is not in Welsh yet. Welsh readers will not find it until it is translated.")
    else:
        message = _("The Welsh version of “%(title)s” does not have this change yet. Update the translation.")
    link = update_link(row)
    if not may_see_translation_state(request.user):
        # A moderator may still edit the Welsh page by hand, but not submit translations.
        link = (
            (_("Edit the Welsh"), reverse("wagtailadmin_pages:edit", args=[row.welsh_id]))
            if row.welsh_id
            else None
        )
    buttons = [messages.button(link[1], link[0])] if link else []
    messages.warning(request, message % {"title": page.title}, buttons=buttons)


# Editors who may not publish: "Submit for review" first, then what happens next (home/review.py).
hooks.register("construct_page_action_menu", submit_for_review_first)
hooks.register("after_create_page", explain_the_review)
hooks.register("after_edit_page", explain_the_review)
hooks.register("construct_homepage_panels", add_editor_actions_panel)
