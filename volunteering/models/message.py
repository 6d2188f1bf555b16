"""A message from a resident to a group ("I'd like to help", "Contact this group"): stored
before any e-mail is sent, shown to that group's editors in the admin."""

from django.db import models
from django.utils.translation import gettext_lazy as _

# The languages a resident may ask for replies in (a message's, an offer's).
LANGUAGES = [("en", "English"), ("cy", "Cymraeg")]


class MessageStatus(models.TextChoices):
    NEW = "new", _("New")
    REPLIED = "replied", _("Replied")
    JOINED = "joined", _("Volunteer joined")
    NOT_SUITABLE = "not-suitable", _("Not suitable")


class Message(models.Model):
    """A resident's "I'd like to help" or "Contact this group", relayed to the group by e-mail.

    Stored before any e-mail is sent; ``sent_to_group_at`` and ``confirmation_sent_at`` stay
    empty until each e-mail has gone, and ``send_pending_messages`` tries again for those.
    Shown to the group's editors in the admin; deleted ``MESSAGE_RETENTION_DAYS`` after its
    last change by ``delete_old_messages``.
    """

    group = models.ForeignKey(
        "directory.GroupPage", verbose_name=_("group"), on_delete=models.CASCADE, related_name="+"
    )
    opportunity = models.ForeignKey(
        "volunteering.OpportunityPage",
        verbose_name=_("volunteering opportunity"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="messages",
    )
    name = models.CharField(_("name"), max_length=100)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    text = models.TextField(_("message"), max_length=2000)
    language = models.CharField(_("replies in"), max_length=2, choices=LANGUAGES)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=MessageStatus.choices,
        default=MessageStatus.NEW,
        help_text=_(
            "Keep this up to date: the council counts how many people joined a group through the website."
        ),
    )
    created_at = models.DateTimeField(_("sent on"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    sent_to_group_at = models.DateTimeField(null=True, blank=True)
    confirmation_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("message to a group")
        verbose_name_plural = _("messages to groups")
        ordering = ["-created_at"]
        # Council editors see every group's messages; a group's editors only their own.
        permissions = [("view_all_messages", _("Can see the messages to every group"))]

    def __str__(self):
        return f"{self.name} → {self.group.title}"
