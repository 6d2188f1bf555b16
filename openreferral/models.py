"""Where an imported listing came from: the provenance note of ``import_openreferral``.

One row per record of a neighbour's Open Referral feed that became a draft group listing, so
that a second run finds the listing by the source's own id and updates it rather than adding
a duplicate. See https://docs.djangoproject.com/en/5.2/topics/db/models/
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportedListing(models.Model):
    """A draft group listing made from a record of another directory's Open Referral feed."""

    source = models.CharField(
        _("source"),
        max_length=500,
        help_text=_("The address or file of the Open Referral feed the listing was imported from."),
    )
    record_id = models.CharField(
        _("record id"), max_length=200, help_text=_("The service's id in that feed.")
    )
    fetched_at = models.DateTimeField(
        _("fetched at"), help_text=_("When the record was last read from the feed.")
    )
    listing = models.ForeignKey(
        "directory.GroupPage",
        on_delete=models.CASCADE,
        related_name="imported_from",
        verbose_name=_("listing"),
        help_text=_("The draft listing made from the record, for editors to review before it goes live."),
    )

    class Meta:
        verbose_name = _("imported listing")
        verbose_name_plural = _("imported listings")
        constraints = [
            models.UniqueConstraint(fields=["source", "record_id"], name="one_listing_per_source_record")
        ]

    def __str__(self):
        return f"{self.record_id} ({self.source})"
