"""Submitting for review, for editors who may not publish (a community group's editors).

Wagtail puts "Save draft" first and hides submitting under "More actions", labelled with the
workflow's name. For an editor who cannot publish, sending the change for review is the one
step that gets it onto the site, so it comes first and says so; after it, they are told who
looks at it and what they can still do.
See https://docs.wagtail.org/en/stable/reference/hooks.html#construct-page-action-menu
"""

from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.admin.action_menu import SubmitForModerationMenuItem


class SubmitForReviewMenuItem(SubmitForModerationMenuItem):
    """Wagtail's "Submit to <workflow>" action, named for what it does for a volunteer."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["label"] = _("Submit for review")
        return context


def _may_publish(context):
    page, user = context.get("page"), context["request"].user
    if context.get("view") == "create" or page is None or page.pk is None:
        return context["parent_page"].permissions_for_user(user).can_publish_subpage()
    return context["user_page_permissions_tester"].can_publish()


def submit_for_review_first(menu_items, request, context):
    """For an editor who may not publish the page, "Submit for review" is the primary action."""
    if _may_publish(context):
        return
    for index, item in enumerate(menu_items):
        if type(item) is SubmitForModerationMenuItem:
            menu_items.pop(index)
            menu_items.insert(0, SubmitForReviewMenuItem(order=item.order))
            return


def explain_the_review(request, page):
    """After a submission by someone who may not publish, say who reviews it and what is next."""
    if "action-submit" not in request.POST or page.permissions_for_user(request.user).can_publish():
        return
    messages.success(
        request,
        _(
            "Thank you: your changes have gone to the council's moderators, who check every change "
            "before it appears on the site. They will publish it, or tell you what to change. Until "
            "then the site shows the page as it was."
        ),
    )
