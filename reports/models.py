"""A resident's report that a listing (a group, an event, a volunteering opportunity) is wrong
or out of date: stored before anything is e-mailed, handled by council editors in the admin
and shown to that group's editors on their dashboard."""

from django.db import models
from django.utils.translation import gettext_lazy as _

# The languages a resident may ask for a reply in.
LANGUAGES = [("en", "English"), ("cy", "Cymraeg")]


class ReportKind(models.TextChoices):
    CLOSED = "closed", _("It has closed or stopped")
    TIMES = "times", _("The times or dates are wrong")
    CONTACT = "contact", _("The contact details are wrong")
    OTHER = "other", _("Something else")


class ReportState(models.TextChoices):
    NEW = "new", _("New")
    IN_HAND = "in-hand", _("In hand")
    FIXED = "fixed", _("Fixed")
    NOT_A_PROBLEM = "not-a-problem", _("Not a problem")


class ListingReport(models.Model):
    """ "Is something wrong or out of date?": what a resident says is wrong with one page.

    ``group`` is the community group the page belongs to, found when the report is made
    through the ``listing_report_group`` hook (so this app imports none of the content apps);
    that group's editors see the report on their dashboard. A council editor's reply goes to
    the resident in the language they chose; ``reply_sent_at`` stays empty until it has gone,
    and ``send_pending_report_replies`` tries again. Deleted ``REPORT_RETENTION_DAYS`` after
    its last change by ``delete_old_reports``.
    """

    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )
    group = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("group"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    kind = models.CharField(_("what is wrong"), max_length=10, choices=ReportKind.choices)
    details = models.TextField(_("details"))
    email = models.EmailField(
        _("e-mail"), blank=True, help_text=_("Where the reply goes. Empty if the resident did not want one.")
    )
    language = models.CharField(_("language for the reply"), max_length=2, choices=LANGUAGES, default="en")
    state = models.CharField(
        _("state"),
        max_length=15,
        choices=ReportState.choices,
        default=ReportState.NEW,
        help_text=_(
            "New: nobody has looked at it yet. In hand: someone is checking it. Fixed: the page "
            "has been corrected. Not a problem: the page was right."
        ),
    )
    council_note = models.TextField(
        _("note for the council"),
        blank=True,
        help_text=_("What you found or did, for other council editors. The resident never sees it."),
    )
    reply = models.TextField(
        _("reply to the resident"),
        blank=True,
        help_text=_(
            "Sent by e-mail when you save, once, to the resident's address, in the language they "
            "chose. Write it in that language. Leave empty to send nothing."
        ),
    )
    reply_sent_at = models.DateTimeField(_("reply sent"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("reported on"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        verbose_name = _("problem report")
        verbose_name_plural = _("problem reports")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.page.title}"

    @property
    def reply_is_due(self):
        return bool(self.reply.strip() and self.email and self.reply_sent_at is None)
