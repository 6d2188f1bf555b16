"""Topics: one list of subjects shared by every page type, in English and Welsh.

A custom django-taggit tag (https://django-taggit.readthedocs.io/en/latest/custom_tagging.html)
chosen from a controlled list (``free_tagging = False``), linked to pages through one
through-model whose key points at Wagtail's ``Page``, so one query finds every page on a topic
across page types and languages.
See https://docs.wagtail.org/en/stable/reference/pages/model_recipes.html#custom-tag-models
"""

from functools import lru_cache

from django.db import models
from django.db.models import Prefetch
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from taggit.models import ItemBase, TagBase

from bilingual.language import current_language
from bilingual.names import BilingualNameMixin
from home.models import PREFETCHED_TOPIC_LINKS

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

    @property
    def url(self):
        """The topic's page in the reader's language (``/cy/pynciau/gwirfoddoli/``)."""
        return _topic_url(current_language(), self.localized_slug)


@lru_cache(maxsize=512)
def _topic_url(language, slug):
    # Listings link every card's topics: reverse each (language, slug) once per process. The
    # address depends on nothing else (the URL patterns do not change while the site runs).
    return reverse("topic", args=[slug])


class TaggedPage(ItemBase):
    tag = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="tagged_pages")
    content_object = ParentalKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="tagged_topics")

    class Meta:
        verbose_name = _("page topic")
        verbose_name_plural = _("page topics")
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="unique_topic_per_page"),
        ]


def prefetch_topics():
    """For ``prefetch_related``: each listed page's topics in one query, for its card
    (``BasePage.topic_list``). Lighter than prefetching the ``topics`` tag manager, which
    builds a queryset for every page."""
    return Prefetch(
        "tagged_topics", queryset=TaggedPage.objects.select_related("tag"), to_attr=PREFETCHED_TOPIC_LINKS
    )
