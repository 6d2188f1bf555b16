"""The council editor's "Invite an editor for this group" screen in the Wagtail admin.

Council editors do not manage user accounts (only superusers do); this narrow action is how
they bring a community group's volunteer in: it creates or reuses an account, adds it to that
group's editors only and sends the invitation in the editor's language
(``directory.editors.invite_editor``). Reached from the listing's header and "More" menus.
See https://docs.wagtail.org/en/stable/extending/admin_views.html
"""

import logging
from smtplib import SMTPException

from django import forms
from django.conf import settings
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.auth import permission_denied
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import ModelPermissionPolicy

from .claims import approve, send_decline
from .editors import editors_of, invite_editor
from .models import ClaimState, GroupPage, GroupSuggestion, ListingClaim

INVITE_PERMISSION = "directory.invite_group_editor"
logger = logging.getLogger(__name__)


def may_invite(user, page):
    return user.has_perm(INVITE_PERMISSION) and page.specific_class is GroupPage


class InviteEditorForm(forms.Form):
    email = forms.EmailField(
        label=_("Their e-mail address"),
        help_text=_(
            "The volunteer's own address. We e-mail them a link to choose a password; if they "
            "already sign in here, they keep their password and are told where to sign in."
        ),
        error_messages={
            "required": _("Enter the e-mail address of the person you are inviting"),
            "invalid": _("Enter an e-mail address in the right format, like name@example.com"),
        },
    )
    language = forms.ChoiceField(
        label=_("Language of the invitation"),
        choices=settings.LANGUAGES,
        widget=forms.RadioSelect,
        help_text=_("A new editor's admin screens will be in this language too; they can change it later."),
    )


class InviteEditorView(WagtailAdminTemplateMixin, FormView):
    form_class = InviteEditorForm
    template_name = "directory/admin/invite_editor.html"
    header_icon = "user"

    def dispatch(self, request, page_id):
        self.listing = get_object_or_404(GroupPage, pk=page_id)
        if not may_invite(request.user, self.listing):
            return permission_denied(request)
        return super().dispatch(request, page_id)

    def get_page_title(self):
        return _("Invite an editor for this group")

    def get_page_subtitle(self):
        return self.listing.get_admin_display_title()

    def get_initial(self):
        return {"language": self.listing.locale.language_code}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            listing=self.listing,
            editors=editors_of(self.listing),
            action_url=reverse("directory_invite_editor", args=[self.listing.pk]),
            submit_button_label=_("Send the invitation"),
            **kwargs,
        )

    def form_valid(self, form):
        try:
            user, created = invite_editor(
                self.listing, form.cleaned_data["email"], form.cleaned_data["language"]
            )
        except (SMTPException, OSError):
            # The account and its place among the editors are saved; only the e-mail is missing.
            logger.warning("Invitation e-mail for %s could not be sent", self.listing, exc_info=True)
            messages.error(
                self.request,
                _(
                    "The invitation could not be e-mailed just now. The person is an editor of this group; "
                    "send the invitation again later."
                ),
            )
            return redirect("directory_invite_editor", self.listing.pk)
        if created:
            message = _("%(email)s has been invited to look after %(group)s.")
        else:
            message = _("%(email)s already had an account and can now look after %(group)s too.")
        messages.success(self.request, message % {"email": user.email, "group": self.listing.title})
        return redirect("wagtailadmin_explore", self.listing.get_parent().pk)


class ClaimEditView(generic.EditView):
    """A council editor decides a request to look after a listing, once: approving invites the
    person (``directory.claims.approve``), declining e-mails them the reason."""

    def save_instance(self):
        previous = ListingClaim.objects.get(pk=self.object.pk).state
        claim = super().save_instance()
        if previous == ClaimState.NEW and claim.state != ClaimState.NEW:
            ListingClaim.objects.filter(pk=claim.pk).update(decided_at=timezone.now())
            if claim.state == ClaimState.APPROVED and not approve(claim):
                messages.error(
                    self.request,
                    _(
                        "The invitation could not be e-mailed just now. The person is an editor of this group; "
                        "send the invitation again later."
                    ),
                )
            elif claim.state == ClaimState.DECLINED:
                transaction.on_commit(lambda: send_decline(claim))
        return claim


class ClaimViewSet(ModelViewSet):
    """Requests to look after a listing; only council editors hold its permissions (0013)."""

    model = ListingClaim
    icon = "user"
    menu_label = _("Requests to look after a listing")
    add_to_admin_menu = True
    menu_order = 312
    url_prefix = "directory/claims"
    edit_view_class = ClaimEditView
    copy_view_enabled = False
    inspect_view_enabled = False
    list_display = [
        Column("listing", label=_("Listing"), accessor="listing"),
        Column("name", label=_("Name"), accessor="name"),
        Column("role", label=_("Role in the group"), accessor="role"),
        Column("state", label=_("Decision"), accessor="get_state_display"),
        DateColumn("created_at", label=_("Asked on")),
    ]
    list_filter = ["state"]
    ordering = ["-created_at"]
    panels = [
        MultiFieldPanel(
            [
                FieldPanel("listing", read_only=True),
                FieldRowPanel([FieldPanel("name", read_only=True), FieldPanel("role", read_only=True)]),
                FieldRowPanel([FieldPanel("email", read_only=True), FieldPanel("language", read_only=True)]),
                FieldPanel("how_to_check", read_only=True),
            ],
            heading=_("The request"),
        ),
        FieldPanel("state"),
        FieldPanel("decline_reason"),
    ]


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Suggestions are a record of what the public sent: seen, never added or edited here
    (the listing itself is edited and moderated as a page)."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return "view" in actions and super().user_has_permission(user, "view")


class SuggestionIndexView(generic.IndexView):
    def get_base_queryset(self):
        return GroupSuggestion.objects.with_state()


class GroupSuggestionViewSet(ModelViewSet):
    """ "Group suggestions": who suggested which listing through the public form, when, and
    whether it is waiting for a moderator, listed or rejected. Council editors only (they hold
    ``view_groupsuggestion``); suggestions are deleted after SUGGESTION_RETENTION_DAYS."""

    model = GroupSuggestion
    icon = "group"
    menu_label = _("Group suggestions")
    add_to_admin_menu = True
    menu_order = 320
    url_prefix = "directory/suggestions"
    index_view_class = SuggestionIndexView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = [
        TitleColumn(
            "listing",
            label=_("Suggested group"),
            accessor="listing",
            get_url=lambda suggestion: reverse("wagtailadmin_pages:edit", args=[suggestion.listing_id]),
        ),
        Column("submitter_email", label=_("Suggested by")),
        Column("language", label=_("Language")),
        DateColumn("created_at", label=_("Suggested on")),
        Column("state", label=_("Status"), accessor="get_state_display"),
    ]
    list_filter = ["language"]
    ordering = ["-created_at"]
    form_fields = []  # nothing is edited here (see ReadOnlyPolicy)
    inspect_view_fields = ["listing", "submitter_email", "language", "created_at", "confirmation_sent_at",
                           "listed_at", "listed_email_sent_at"]  # fmt: skip

    @cached_property
    def permission_policy(self):
        return ReadOnlyPolicy(self.model)
