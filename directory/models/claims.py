""" "Do you run this group?": a request to look after a listing that has no editors.

Stored first; council editors check it (``how_to_check``) and approve it, which invites the
person as the group's editor in their language (``directory.editors.invite_editor``, the same
path as ``invite_group_editor``), or decline it with a reason e-mailed in their language
(``decision_sent_at`` stays empty until it has gone, and ``send_pending_confirmations`` tries
again). Deleted ``CLAIM_RETENTION_DAYS`` after its last change by ``delete_old_claims``.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

LANGUAGES = [("en", "English"), ("cy", "Cymraeg")]


class ClaimState(models.TextChoices):
    NEW = "new", _("New")
    APPROVED = "approved", _("Approved")
    DECLINED = "declined", _("Declined")


class ListingClaim(models.Model):
    listing = models.ForeignKey(
        "directory.GroupPage", verbose_name=_("listing"), on_delete=models.CASCADE, related_name="claims"
    )
    name = models.CharField(_("name"), max_length=100)
    role = models.CharField(_("role in the group"), max_length=100)
    email = models.EmailField(_("e-mail"))
    how_to_check = models.TextField(_("how the council can check"))
    language = models.CharField(_("language"), max_length=2, choices=LANGUAGES, default="en")
    state = models.CharField(
        _("decision"),
        max_length=10,
        choices=ClaimState.choices,
        default=ClaimState.NEW,
        help_text=_(
            "Approve only once you have checked that the person runs the group: approving invites "
            "them by e-mail to look after the listing. Declining e-mails them the reason below."
        ),
    )
    decline_reason = models.TextField(
        _("reason for declining"),
        blank=True,
        help_text=_("Sent to the person, so write it to them, in the language they chose."),
    )
    decided_at = models.DateTimeField(_("decided on"), null=True, blank=True, editable=False)
    decision_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("asked on"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        verbose_name = _("request to look after a listing")
        verbose_name_plural = _("requests to look after a listing")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.name} → {self.listing.title}"

    def clean(self):
        decided = (
            type(self).objects.filter(pk=self.pk).exclude(state=ClaimState.NEW).exclude(state=self.state)
        )
        if self.pk and decided.exists():
            raise ValidationError({"state": _("This request has been decided already.")})
        if self.state == ClaimState.DECLINED and not self.decline_reason.strip():
            raise ValidationError({"decline_reason": _("Say why you are declining: the person is told.")})
