"""Offers of help: what a resident can give ("I can drive a minibus on Saturdays") without a
particular group in mind, moderated by council editors, listed without the resident's name or
contact details, and answered by any group's editors through the site (``OfferReply``)."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from home.page_cache import forget_page_tree

from .message import LANGUAGES


class OfferStatus(models.TextChoices):
    NEW = "new", _("Waiting for moderation")
    APPROVED = "approved", _("Approved: listed on the website")
    DECLINED = "declined", _("Declined")
    EXPIRED = "expired", _("Expired")


def offer_cutoff():
    """Offers made before this moment have expired (``OFFER_EXPIRY_DAYS``, 90 unless set)."""
    return timezone.now() - timedelta(days=settings.OFFER_EXPIRY_DAYS)


class OfferQuerySet(models.QuerySet):
    def listed(self):
        """What the public "Offers of help" list shows: approved and not expired."""
        return self.filter(status=OfferStatus.APPROVED, created_at__gte=offer_cutoff())


class Offer(models.Model):
    """A resident's offer of help, kept until it expires (``OFFER_EXPIRY_DAYS``).

    Stored before any e-mail is sent, as messages are; listed (only what is offered, where and
    when) once a council editor approves it. A Wagtail ModelViewSet moderates it
    (https://docs.wagtail.org/en/stable/extending/generic_views.html); ``delete_old_messages``
    marks old offers expired and deletes them after ``MESSAGE_RETENTION_DAYS``.
    """

    what = models.TextField(
        _("what is offered"),
        max_length=1000,
        help_text=_("Shown on the website once approved: check it names no person and no contact details."),
    )
    area = models.ForeignKey(
        "directory.Area",
        verbose_name=_("area"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Where in the county the help is offered; empty for anywhere."),
    )
    when = models.CharField(
        _("when"), max_length=200, blank=True, help_text=_("When the resident is free, in their words.")
    )
    name = models.CharField(
        _("name"), max_length=100, help_text=_("Never shown on the website or to groups.")
    )
    email = models.EmailField(_("e-mail"), help_text=_("Never shown on the website or to groups."))
    language = models.CharField(_("replies in"), max_length=2, choices=LANGUAGES)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=OfferStatus.choices,
        default=OfferStatus.NEW,
        help_text=_(
            "Approve an offer to list it on the website (without the name or e-mail); decline it if it "
            "is not an offer of help or says something that should not be published."
        ),
    )
    created_at = models.DateTimeField(_("offered on"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    confirmation_sent_at = models.DateTimeField(null=True, blank=True)

    objects = OfferQuerySet.as_manager()

    class Meta:
        verbose_name = _("offer of help")
        verbose_name_plural = _("offers of help")
        ordering = ["-created_at"]

    def __str__(self):
        return self.what[:60]

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        if self.status != OfferStatus.NEW:
            forget_page_tree()  # the cached "Offers of help" list may show it, or still show it

    @property
    def expires_on(self):
        return (self.created_at + timedelta(days=settings.OFFER_EXPIRY_DAYS)).date()


class OfferReply(models.Model):
    """A group's answer to an offer, e-mailed to the resident (who decides whether to reply)
    with the group's contacts as reply-to; the group never sees the resident's address."""

    offer = models.ForeignKey(
        Offer, verbose_name=_("offer"), on_delete=models.CASCADE, related_name="replies"
    )
    group = models.ForeignKey(
        "directory.GroupPage", verbose_name=_("group"), on_delete=models.CASCADE, related_name="+"
    )
    text = models.TextField(_("message"), max_length=2000)
    created_at = models.DateTimeField(_("sent on"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("answer to an offer")
        verbose_name_plural = _("answers to offers")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.group.title} → {self.offer}"
