"""The postcode table: where each postcode of the county (and its outward code) is.

Filled by ``manage.py import_postcodes`` from the ONS Postcode Directory, so finding a
postcode never calls a third-party service while a reader waits. Not a snippet: editors never
change it by hand (https://docs.djangoproject.com/en/5.2/topics/db/models/).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Postcode(models.Model):
    """One postcode ("LL12 0AB") or one outward code ("LL12") and where it is.

    An outward code's row is the centroid (mean position) of its postcodes, recomputed by each
    import, so a reader who types only "LL12" still gets results near the middle of it.
    """

    postcode = models.CharField(
        _("postcode"),
        max_length=8,
        unique=True,
        help_text=_(
            "Written the standard way, in capitals with one space: “LL12 0AB”, or “LL12” for an outward code."
        ),
    )
    outward_code = models.CharField(
        _("outward code"),
        max_length=4,
        db_index=True,
        help_text=_("The part before the space, for example “LL12”."),
    )
    is_outward_centroid = models.BooleanField(
        _("outward code centre"),
        default=False,
        help_text=_(
            "Ticked for the row that stands for a whole outward code (its postcodes' mean position)."
        ),
    )
    latitude = models.FloatField(
        _("latitude"), help_text=_("Degrees north (WGS84), as in the ONS Postcode Directory.")
    )
    longitude = models.FloatField(
        _("longitude"), help_text=_("Degrees east (WGS84); negative west of Greenwich.")
    )

    class Meta:
        verbose_name = _("postcode")
        verbose_name_plural = _("postcodes")

    def __str__(self):
        return self.postcode


class PostcodeImport(models.Model):
    """One run of ``manage.py import_postcodes``: which file, and the year of its data.

    The year goes into the licence attribution the site shows beneath results near a postcode
    ("Contains OS data © Crown copyright and database right 2026", see the README's Postcodes).
    """

    file_name = models.CharField(_("file"), max_length=255, help_text=_("The ONSPD file imported."))
    year = models.PositiveSmallIntegerField(
        _("year of the data"),
        help_text=_("The year of the ONSPD release, shown in the licence attribution."),
    )
    postcodes = models.PositiveIntegerField(_("postcodes imported"), default=0)
    imported_at = models.DateTimeField(_("imported at"), auto_now_add=True)

    class Meta:
        verbose_name = _("postcode import")
        verbose_name_plural = _("postcode imports")
        ordering = ["-imported_at", "-pk"]

    def __str__(self):
        return f"{self.file_name} ({self.year})"
