"""Topics: one list of subjects shared by every page type, in English and Welsh.

A custom django-taggit tag (https://django-taggit.readthedocs.io/en/latest/custom_tagging.html)
chosen from a controlled list (``free_tagging = False``), linked to pages through one
through-model whose key points at Wagtail's ``Page``, so one query finds every page on a topic
across page types and languages.
See https://docs.wagtail.org/en/stable/reference/pages/model_recipes.html#custom-tag-models
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from taggit.models import ItemBase, TagBase

from bilingual.names import BilingualNameMixin

from .pictograms import DEFAULT_PICTOGRAM, PICTOGRAMS


class Topic(BilingualNameMixin, TagBase):
    free_tagging = False

    pictogram = models.CharField(
        _("pictogram"),
        max_length=40,
        choices=list(PICTOGRAMS.items()),
        default=DEFAULT_PICTOGRAM,
        help_text=_("The picture shown in lists for pages on this topic that have no picture of their own."),
    )

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]

    def __str__(self):
        return self.localized_name


class TaggedPage(ItemBase):
    tag = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="tagged_pages")
    content_object = ParentalKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="tagged_topics")

    class Meta:
        verbose_name = _("page topic")
        verbose_name_plural = _("page topics")
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="unique_topic_per_page"),
        ]
