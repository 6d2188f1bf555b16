"""Site alerts: a short notice at the top of every page, or of one section, for a set time.

A council editor publishes "Rhos café closed today: burst pipe" or a weather warning in both
languages at once, with a priority, an optional link, a start and an end. The alert shows on every
matching page in either language from its start until its end, then goes by itself; nothing is
deleted. It is a snippet, not a page, because it belongs to no place in the page tree
(https://docs.wagtail.org/en/stable/topics/snippets/index.html).

Readers may hide an alert they have read. Hiding works without JavaScript: a link sets a cookie
that lists only the hidden alerts' numbers and lasts until the last of them ends, so nothing
identifies the reader and nothing is kept on the server.

The page cache (``home.page_cache``) never keeps a page past the next moment an alert starts or
ends, and saving or deleting an alert retires every cached page at once.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Page

from bilingual.language import current_language

from .page_cache import HIDDEN_ALERTS_COOKIE, cached


class SiteAlert(models.Model):
    """One alert, written in English and Welsh side by side so that both go out together."""

    class Priority(models.TextChoices):
        INFORMATION = "information", _("Information")
        WARNING = "warning", _("Warning")
        URGENT = "urgent", _("Urgent")

    message_en = models.CharField(
        _("Message in English"),
        max_length=300,
        help_text=_(
            "One or two short sentences, for example: “Rhos café is closed today because of a burst pipe.”"
        ),
    )
    message_cy = models.CharField(
        _("Message in Welsh"),
        max_length=300,
        help_text=_("The same message in Welsh. Welsh readers see this one."),
    )
    priority = models.CharField(
        _("Priority"),
        max_length=20,
        choices=Priority.choices,
        default=Priority.INFORMATION,
        help_text=_("Urgent alerts are shown in red, warnings in yellow, information in blue."),
    )
    link_url = models.URLField(
        _("Link for more information"),
        blank=True,
        help_text=_("Optional: a page that says more, on this site or elsewhere."),
    )
    starts_at = models.DateTimeField(
        _("Show from"),
        default=timezone.now,
        help_text=_("The alert appears at this time. Leave as it is to show it straight away."),
    )
    ends_at = models.DateTimeField(
        _("Show until"),
        help_text=_("The alert disappears by itself at this time."),
    )
    section = models.ForeignKey(
        Page,
        verbose_name=_("Only in this section"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_(
            "Leave empty to show the alert on every page. Choose a section (for example Events) "
            "to show it only there; it then shows in that section in both languages."
        ),
    )

    panels = [
        FieldPanel("message_en"),
        FieldPanel("message_cy"),
        FieldPanel("priority"),
        FieldPanel("link_url"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]), FieldPanel("section")],
            heading=_("When and where"),
        ),
    ]

    class Meta:
        verbose_name = _("site alert")
        verbose_name_plural = _("site alerts")
        ordering = ["-starts_at"]

    def __str__(self):
        return self.message_en

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The alert must end after it starts.")})

    @property
    def message(self):
        return self.message_cy if current_language() == "cy" else self.message_en


def _alerts_not_yet_over():
    """Every alert that has not ended, with the tree paths of its section in both languages.

    Cached under the page-tree version: saving or deleting an alert, or any change to the page
    tree, computes it again; whether each alert has started is decided when the page is shown.
    """
    alerts = list(
        SiteAlert.objects.filter(ends_at__gt=timezone.now()).annotate(
            section_key=F("section__translation_key")
        )
    )
    paths = {}
    keys = {alert.section_key for alert in alerts if alert.section_key}
    for key, path in Page.objects.filter(translation_key__in=keys).values_list("translation_key", "path"):
        paths.setdefault(key, []).append(path)
    for alert in alerts:
        alert.section_paths = tuple(paths.get(alert.section_key, ())) if alert.section_key else ()
    return alerts


def alerts_not_yet_over():
    return cached("site-alerts", _alerts_not_yet_over)


def alerts_for(page, hidden=(), now=None):
    """The alerts to show now on ``page`` (None for a page outside the tree, such as search),
    most urgent first, leaving out those the reader has hidden."""
    now = now or timezone.now()
    order = list(SiteAlert.Priority.values)
    shown = [
        alert
        for alert in alerts_not_yet_over()
        if alert.starts_at <= now < alert.ends_at
        and alert.pk not in hidden
        and (not alert.section_paths or (page is not None and page.path.startswith(alert.section_paths)))
    ]
    return sorted(shown, key=lambda alert: -order.index(alert.priority))


def seconds_until_alerts_change(now=None):
    """How long a page rendered now stays right about alerts: until the next start or end
    (None when no alert is due to start or end)."""
    now = now or timezone.now()
    moments = [
        moment
        for alert in alerts_not_yet_over()
        for moment in (alert.starts_at, alert.ends_at)
        if moment > now
    ]
    return max(1, int((min(moments) - now).total_seconds())) if moments else None


def hidden_alert_ids(request):
    """The alerts this reader chose to hide, from their cookie (numbers only; anything else is
    ignored)."""
    value = request.COOKIES.get(HIDDEN_ALERTS_COOKIE, "")
    return {int(part) for part in value.split(",") if part.isdigit()}
