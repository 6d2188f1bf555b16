"""How-to guides: numbered steps for doing something in your community, one page or several.

A guide is a page of numbered steps. A long guide is split into chapters: child guide pages of
the main guide, read in order with previous and next links (the GOV.UK multi-part guide
pattern, built on Wagtail's page tree).
See https://docs.wagtail.org/en/stable/topics/pages.html#parent-page-subpage-type-rules
"""

import html
from collections import defaultdict
from dataclasses import dataclass

from django.db import models
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from bilingual.language import current_language
from bilingual.welsh import sort_key_for
from home.listing import fetched_when_shown
from home.models import BasePage, IndexPage, TranslatedPageLink
from home.page_cache import cached, tree_key
from home.public_address import public_page_url
from home.visibility import publicly_visible
from search.models import TaggedPage, Topic

from .blocks import StepBlock


class TimeUnit(models.TextChoices):
    MINUTES = "minutes", _("minutes")
    HOURS = "hours", _("hours")
    DAYS = "days", _("days")
    WEEKS = "weeks", _("weeks")
    MONTHS = "months", _("months")


# How a number of each unit reads, and the ISO 8601 duration schema.org's totalTime wants.
TIME_FORMATS = {
    TimeUnit.MINUTES: (ngettext_lazy("%(count)d minute", "%(count)d minutes", "count"), "PT{}M"),
    TimeUnit.HOURS: (ngettext_lazy("%(count)d hour", "%(count)d hours", "count"), "PT{}H"),
    TimeUnit.DAYS: (ngettext_lazy("%(count)d day", "%(count)d days", "count"), "P{}D"),
    TimeUnit.WEEKS: (ngettext_lazy("%(count)d week", "%(count)d weeks", "count"), "P{}W"),
    TimeUnit.MONTHS: (ngettext_lazy("%(count)d month", "%(count)d months", "count"), "P{}M"),
}


@dataclass(frozen=True)
class NumberedStep:
    number: int
    block: object  # the step's StreamField child

    @property
    def anchor(self):
        return f"step-{self.number}"

    @property
    def title(self):
        return self.block.value["title"]


class GuideIndexPage(IndexPage):
    """Every guide of one language, grouped under the topics they cover."""

    section_names = {"en": ("How-to guides", "guides"), "cy": ("Canllawiau", "canllawiau")}

    subpage_types = ["guides.GuidePage"]
    guides_per_topic = 8

    class Meta:
        verbose_name = _("guide index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["topic_sections"] = self.guides_by_topic()
        return context

    def guides_by_topic(self):
        """[{slug, heading, guides, count, more_url}] per topic in the language's alphabetical order.

        A guide on several topics is listed under each; guides with no topic come last, under
        "Other guides". A topic shows its first ``guides_per_topic`` guides and links to its
        topic page for the rest, so the page stays short however many guides there are. Which
        guides those are is kept with the page-tree facts (only publishing changes it), and each
        guide's entry is a kept card (home.listing): a page costs one query for the guides
        shown, and none once their entries are kept.
        """
        language = current_language()
        by_topic, untopical = cached(
            f"guides-by-topic:{self.pk}:{language}", lambda: self._guide_ids_by_topic(language)
        )
        shown = {pk for pks, _count in by_topic.values() for pk in pks} | set(untopical)
        guides = {
            listed.pk: listed
            for listed in fetched_when_shown(
                shown, lambda ids: GuidePage.objects.filter(pk__in=ids).defer_streamfields()
            )
        }
        sections = [
            {
                "slug": slug,
                "heading": name,
                "guides": [guides[guide] for guide in by_topic[pk][0]],
                "count": by_topic[pk][1],
                "more_url": reverse("topic", kwargs={"slug": slug}) + "?type=guides",
            }
            for pk, slug, name in Topic.choices_for(language)
            if pk in by_topic
        ]
        if untopical:
            sections.append(
                {
                    "slug": "other",
                    "heading": _("Other guides"),
                    "guides": [guides[guide] for guide in untopical],
                    "count": len(untopical),
                }
            )
        return sections

    def _guide_ids_by_topic(self, language):
        """({topic id: (ids of its first guides_per_topic guides, how many it has)}, [ids of
        the guides with no topic]), each in the language's title order; two light queries."""
        title_key = sort_key_for(language)
        live_guides = publicly_visible(GuidePage.objects.child_of(self))
        titles = sorted(live_guides.values_list("pk", "title"), key=lambda row: title_key(row[1]))
        topics_of = defaultdict(list)
        tagged = TaggedPage.objects.filter(content_object__in=live_guides.values("pk"))
        for page_id, topic_id in tagged.values_list("content_object_id", "tag_id"):
            topics_of[page_id].append(topic_id)
        by_topic, untopical = defaultdict(list), []
        for pk, _title in titles:
            for topic_id in topics_of[pk]:
                by_topic[topic_id].append(pk)
            if not topics_of[pk]:
                untopical.append(pk)
        first = self.guides_per_topic
        return {topic_id: (pks[:first], len(pks)) for topic_id, pks in by_topic.items()}, untopical


class GuidePage(BasePage):
    """A how-to guide, or one chapter of a guide in several parts."""

    audience = models.TextField(
        _("who this guide is for"),
        blank=True,
        help_text=_("For example: residents who want to start a new group and have not run one before."),
    )
    time_needed = models.PositiveSmallIntegerField(
        _("time needed"),
        null=True,
        blank=True,
        help_text=_("Roughly how long the whole process takes, as a number. Choose the unit beside it."),
    )
    time_unit = models.CharField(
        _("unit"),
        max_length=10,
        choices=TimeUnit.choices,
        default=TimeUnit.WEEKS,
        help_text=_("Minutes, hours, days, weeks or months."),
    )
    steps = StreamField(
        [("step", StepBlock())],
        blank=True,
        verbose_name=_("steps"),
        help_text=_(
            "The steps in the order readers do them. They are numbered for you. A guide in several "
            "parts may leave this empty and put the steps in its chapters."
        ),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("audience"),
        FieldRowPanel([FieldPanel("time_needed"), FieldPanel("time_unit")], heading=_("Time needed")),
        FieldPanel("steps"),
        MultiFieldPanel(
            [
                InlinePanel("documents", label=_("Document")),
                InlinePanel("related_guides", label=_("Related guide")),
                InlinePanel("groups_that_can_help", label=_("Group that can help")),
            ],
            heading=_("Further help"),
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("audience"),
        index.SearchField("steps"),
        index.AutocompleteField("title"),
    ]
    # Words are translated; the time and the documents are the same in both languages. Links to
    # guides and groups follow each page into the other language, as the home page's do.
    translatable_fields = BasePage.translatable_fields + [
        TranslatableField("audience"),
        TranslatableField("steps"),
        TranslatableField("related_guides"),
        TranslatableField("groups_that_can_help"),
        SynchronizedField("time_needed"),
        SynchronizedField("time_unit"),
        SynchronizedField("documents"),
    ]

    # A guide's children are its chapters (see ``can_create_at``).
    parent_page_types = ["guides.GuideIndexPage", "guides.GuidePage"]
    subpage_types = ["guides.GuidePage"]
    search_type = "guides"

    class Meta:
        verbose_name = _("how-to guide")
        verbose_name_plural = _("how-to guides")

    @classmethod
    def can_create_at(cls, parent):
        # Chapters are one level deep: a chapter has no chapters of its own, so every part is
        # reached from the main guide's list of parts.
        if not super().can_create_at(parent):
            return False
        return not (parent.specific_class is cls and parent.get_parent().specific_class is cls)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The template caches the guide under the page-tree version, as stories do, and works
        # out its parts, documents and links only when the cache has not got them.
        context["fragment_version"] = tree_key("guide-page")
        return context

    def numbered_steps(self):
        return [NumberedStep(number, block) for number, block in enumerate(self.steps, start=1)]

    def parts(self):
        """The main guide then its live chapters, in order; empty for a guide on one page."""
        parent = self.get_parent()
        main_guide = parent if parent is not None and parent.specific_class is GuidePage else self
        chapters = list(publicly_visible(main_guide.get_children()))
        return [main_guide, *chapters] if chapters else []

    def part_navigation(self):
        """The parts of a guide in several parts, and the parts before and after this one."""
        parts = self.parts()
        ids = [part.pk for part in parts]
        position = ids.index(self.pk) if self.pk in ids else None
        return {
            "parts": parts,
            "main_guide": parts[0] if parts else None,
            "previous": parts[position - 1] if position else None,
            "next": parts[position + 1] if position is not None and position + 1 < len(parts) else None,
        }

    def related_documents(self):
        return [link.document for link in self.documents.select_related("document")]

    def live_related_guides(self):
        return GuideRelatedGuide.visible_pages(self.related_guides)

    def live_groups(self):
        return GuideGroup.visible_pages(self.groups_that_can_help)

    @property
    def time_needed_text(self):
        if not self.time_needed:
            return ""
        phrase, _iso = TIME_FORMATS[self.time_unit]
        return phrase % {"count": self.time_needed}

    def structured_data(self, request):
        """schema.org HowTo with one HowToStep per step: https://schema.org/HowTo"""
        url = public_page_url(self, request)
        data = {
            "@context": "https://schema.org",
            "@type": "HowTo",
            "name": self.title,
            "description": self.summary,
            "url": url,
            "inLanguage": current_language(),
            "step": [
                {
                    "@type": "HowToStep",
                    "position": step.number,
                    "name": step.title,
                    "text": " ".join(html.unescape(strip_tags(step.block.value["body"].source)).split()),
                    "url": f"{url}#{step.anchor}",
                }
                for step in self.numbered_steps()
            ],
        }
        if self.time_needed:
            data["totalTime"] = TIME_FORMATS[self.time_unit][1].format(self.time_needed)
        return data


class GuideDocument(Orderable):
    """A document readers can download from the guide, the same file in both languages."""

    guide = ParentalKey(GuidePage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_(
            "A form, template or checklist. If it has a Welsh version, upload that too and add both."
        ),
    )

    panels = [FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")


class GuideRelatedGuide(TranslatedPageLink):
    """Another guide worth reading next."""

    guide = ParentalKey(GuidePage, on_delete=models.CASCADE, related_name="related_guides")
    page = TranslatedPageLink.linked_page_field(
        _("guide"), _("Choose a guide in the same language as this one.")
    )
    page_type = "guides.GuidePage"

    class Meta(TranslatedPageLink.Meta):
        verbose_name = _("related guide")
        verbose_name_plural = _("related guides")


class GuideGroup(TranslatedPageLink):
    """A community group that can help with what the guide explains; its page lists the guide."""

    guide = ParentalKey(GuidePage, on_delete=models.CASCADE, related_name="groups_that_can_help")
    group = TranslatedPageLink.linked_page_field(
        _("community group"), _("Choose the group's page in the same language as this guide.")
    )
    link_field, page_type = "group", "directory.GroupPage"

    class Meta(TranslatedPageLink.Meta):
        verbose_name = _("group that can help")
        verbose_name_plural = _("groups that can help")


def guides_for_group(group):
    """Live guides in the group's language that name the group as able to help, A to Z.

    Matched by translation key, so a Welsh guide whose link still points at the English group
    is found from the Welsh group page. Cached with the page tree: every group page asks, and
    most have none.
    """

    def guides():
        title_key = sort_key_for(current_language())
        found = publicly_visible(GuidePage.objects).filter(
            locale_id=group.locale_id, groups_that_can_help__group__translation_key=group.translation_key
        )
        return sorted(found.distinct(), key=lambda guide: title_key(guide.title))

    return cached(f"guides-for-group:{group.pk}", guides)
