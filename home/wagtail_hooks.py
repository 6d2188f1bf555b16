"""Admin hooks for every page type: an edit form opened before someone else's change is refused.

Wagtail's page edit form carries the revision it was opened on (``loaded_revision_id`` and
``loaded_revision_created_at``). Wagtail 7.4 compares them with the page's latest revision only
for autosave's JSON requests (``EditView.is_out_of_date``), and even then trusts the
``overwrite_revision_id`` the request names; its "someone else is editing" notice is the
browser's alone. So an ordinary save, submission for moderation or publish from a form opened
earlier saves the old text over the newer revision, and a moderator who approves it undoes the
other editor's change without anyone noticing.
See https://docs.wagtail.org/en/stable/reference/hooks.html#before-edit-page
"""

from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin import messages

from .dashboard import add_editor_actions_panel
from .review import explain_the_review, submit_for_review_first


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


# Editors who may not publish: "Submit for review" first, then what happens next (home/review.py).
hooks.register("construct_page_action_menu", submit_for_review_first)
hooks.register("after_create_page", explain_the_review)
hooks.register("after_edit_page", explain_the_review)
hooks.register("construct_homepage_panels", add_editor_actions_panel)
