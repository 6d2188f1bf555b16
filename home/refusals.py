"""Admin refusals that say why, in the editor's language.

Wagtail answers every refused admin request with "Sorry, you do not have permission to access
this area." A volunteer who follows a link to another group's listing learns nothing from it.
For the page editor (the refusal volunteers meet), this says whose page it is and what to do,
in the words the page type gives (``edit_refusal`` on the model, so no app is imported here)
and in the language the editor chose for the admin, then returns to the dashboard as Wagtail
does. See https://docs.wagtail.org/en/stable/topics/permissions.html#page-permissions
"""

from django.shortcuts import redirect
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages
from wagtail.models import Page
from wagtail.users.models import UserProfile

DEFAULT_EDIT_REFUSAL = _(
    "This page is looked after by the council or by another group; ask the council if you need to change it."
)


def edit_refusal(page):
    """Why an editor may not change ``page``: its type's own words, else the default."""
    return getattr(page.specific_class, "edit_refusal", DEFAULT_EDIT_REFUSAL)


class RefusalsSayWhyMiddleware:
    """Refuse an editor the page editor for a page they may not change, saying why."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or match.view_name != "wagtailadmin_pages:edit":
            return None
        user = request.user
        if not user.is_authenticated or not user.has_perm("wagtailadmin.access_admin"):
            return None  # Wagtail sends them to sign in
        if request.headers.get("x-requested-with") == "XMLHttpRequest":
            return None  # Wagtail answers scripts with a plain 403
        page = Page.objects.filter(pk=view_kwargs.get("page_id")).first()
        if page is None or page.permissions_for_user(user).can_edit():
            return None
        with translation.override(UserProfile.get_for_user(user).get_preferred_language()):
            messages.error(request, str(edit_refusal(page)))
        return redirect("wagtailadmin_home")
