""" "Do you run this group? Ask to look after this listing": the public request, and the
council's decision on it.

Shown only on a listing that has no editors (``GroupPage.has_editors``, kept with the page tree, so the
group page costs no query more; inviting an editor retires it). The page never says who its
editors are. The form follows the site's other public forms (``home.public_forms``); the
request is stored before anything else. Only council editors decide (``change_listingclaim``):
approving invites the person through ``directory.editors.invite_editor``, in their language;
declining e-mails them the reason in their language (``home.mail``: never lost).
"""

import logging

from django import forms
from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from bilingual.language import current_language
from home.mail import send_once
from home.public_forms import PublicForm

from .editors import invite_editor
from .models.claims import LANGUAGES

logger = logging.getLogger(__name__)

CLAIMS_PER_HOUR = 5


class ClaimForm(PublicForm):
    throttle_name = "listing-claims"
    per_hour = CLAIMS_PER_HOUR

    name = forms.CharField(
        label=_("Your name"), max_length=100, error_messages={"required": _("Enter your name")}
    )
    role = forms.CharField(
        label=_("Your role in the group"),
        help_text=_("For example: secretary, chair, organiser."),
        max_length=100,
        error_messages={"required": _("Tell us your role in the group")},
    )
    email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("If we approve your request, we send the invitation to this address."),
        error_messages={
            "required": _("Enter your e-mail address"),
            "invalid": _("Enter an e-mail address in the right format, like name@example.com"),
        },
    )
    how_to_check = forms.CharField(
        label=_("How can we check that you run the group?"),
        help_text=_(
            "For example: the group's e-mail address or phone number we can contact, or someone "
            "at the council who knows you. 1,000 characters at most."
        ),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": _("Tell us how we can check that you run the group"),
            "max_length": _("Make it shorter: 1,000 characters at most"),
        },
    )
    language = forms.ChoiceField(
        label=_("Which language should we write to you in?"), choices=LANGUAGES, widget=forms.RadioSelect
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = current_language()


def approve(claim):
    """Invite the person who asked as the listing's editor, in their language. Returns False
    (and logs) if the invitation could not be e-mailed: they are an editor all the same."""
    try:
        invite_editor(claim.listing, claim.email, claim.language)
    except OSError:  # smtplib.SMTPException is one
        logger.warning("Invitation e-mail for claim %s could not be sent", claim.pk, exc_info=True)
        return False
    return True


def send_decline(claim):
    """E-mail the person that their request was declined, with the reason, in their language."""

    def build():
        listing = claim.listing
        version = (
            listing.get_translations(inclusive=True).filter(locale__language_code=claim.language).first()
        )
        context = {"claim": claim, "group": (version or listing).title}
        with translation.override(claim.language):
            subject = render_to_string("directory/emails/claim_declined_subject.txt", context).strip()
            body = render_to_string("directory/emails/claim_declined.txt", context)
        return EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [claim.email])

    return send_once(claim, "decision_sent_at", build)
