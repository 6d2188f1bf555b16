"""Venues: the places events are held, named in both languages."""

from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from bilingual.language import current_language
from bilingual.names import BilingualNameMixin


class Venue(BilingualNameMixin, models.Model):
    """A place where events happen, kept once and chosen by every event held there.

    A snippet (https://docs.wagtail.org/en/stable/topics/snippets/) with its name and address in
    both languages, like the directory's areas, so a correction reaches every event at once.
    """

    name = models.CharField(_("English name"), max_length=100, unique=True)
    slug = models.SlugField(
        _("English slug"),
        max_length=100,
        unique=True,
        blank=True,
        help_text=_("Leave empty to make one from the English name."),
    )
    address = models.TextField(
        _("address in English"),
        blank=True,
        help_text=_("Street and town, one per line. Leave out the postcode."),
    )
    address_cy = models.TextField(
        _("address in Welsh"),
        blank=True,
        help_text=_("The address as Welsh readers see it. Leave empty if it is the same in both languages."),
    )
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    area = models.ForeignKey(
        "directory.Area",
        verbose_name=_("area"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="venues",
        help_text=_("The community the venue is in. Readers can filter events by area."),
    )
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        help_text=_("For the map link, for example 53.046. Copy it from a map site."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        help_text=_("For the map link, for example -2.993."),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("name_cy"), FieldPanel("slug"), FieldPanel("slug_cy")],
            heading=_("Name"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("address_cy"),
                FieldPanel("postcode"),
                FieldPanel("area"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Where"),
        ),
    ]

    class Meta:
        verbose_name = _("venue")
        verbose_name_plural = _("venues")
        ordering = ["name"]

    def __str__(self):
        return self.localized_name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)
        super().save(*args, **kwargs)

    @property
    def localized_address(self):
        return (current_language() == "cy" and self.address_cy) or self.address

    @property
    def has_map(self):
        return self.latitude is not None and self.longitude is not None
