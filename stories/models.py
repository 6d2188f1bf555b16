"""Success stories: what residents and community groups have done, told so that others can do it too.

Follows bakerydemo's blog (``BlogIndexPage``/``BlogPage``): an index of dated pages, newest first.
The index is a routable page so that it also serves its own language's RSS and Atom feeds.
See https://docs.wagtail.org/en/stable/reference/contrib/routablepage.html
"""

from functools import cached_property

from django.core.paginator import Paginator
from django.db import models
from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, re_path
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from bilingual.language import current_language
from directory.models import Area, GroupPage
from home.blocks import BodyBlock, CallToActionBlock
from home.listing import fetched_when_shown
from home.models import BasePage, IndexPage, PortalSettings, RoutesChildrenInOneQuery, TranslatedPageLink
from home.page_cache import cached, tree_key
from home.public_address import public_page_url, public_url
from home.routes import words_pattern, wrong_word_redirect
from home.visibility import publicly_visible, visible_version
from search.models import prefetch_topics

from .feeds import FEED_WORDS, AtomStoryFeed, StoryFeed, feed_path
from .filters import StoryFilterForm

# The rendition includes/card.html shows; lists fetch it with the stories, not one per card.
CARD_IMAGE = "fill-400x260"
HERO_IMAGE = "width-960"


def with_card_images(pages):
    """``pages`` with their listing image, its card rendition and their topics (for the
    pictogram of a page without a picture): three queries however many."""
    renditions = get_image_model().get_rendition_model().objects.filter(filter_spec=CARD_IMAGE)
    return pages.select_related("listing_image").prefetch_related(
        Prefetch("listing_image__renditions", queryset=renditions), prefetch_topics()
    )


def stories_about(group, limit=6):
    """The newest live stories in the group's language that the group tells or takes part in.

    Groups are matched by translation key, so a Welsh story whose link still points at the
    English group (copied before the group was translated) is found from the Welsh group page.
    Cached with the page tree: every group page asks, and most have none.
    """

    def newest():
        key = group.translation_key
        stories = (
            publicly_visible(StoryPage.objects)
            .filter(locale_id=group.locale_id)
            .filter(Q(author_group__translation_key=key) | Q(related_groups__group__translation_key=key))
            .distinct()
            .order_by("-date", "-pk")
        )
        return list(with_card_images(stories)[:limit])

    return cached(f"stories-about-group:{group.pk}", newest)


def feed_links(index_url, language):
    """A language's feeds, from its story index's address: advertised in the head of the index
    and of every story (a story works its index's address out from its own, saving a query)."""
    return [
        {
            "name": name,
            "type": content_type,
            "title": f"{_('Success stories')} ({name})",
            "url": index_url + feed_path(language, atom),
        }
        for name, content_type, atom in (
            ("RSS", "application/rss+xml", False),
            ("Atom", "application/atom+xml", True),
        )
    ]


def featured_story(locale_id):
    """The newest live story marked as featured in the language, or None; cached with the tree."""

    def newest():
        stories = (
            publicly_visible(StoryPage.objects)
            .filter(locale_id=locale_id, featured=True)
            .order_by("-date", "-pk")
        )
        return list(with_card_images(stories)[:1])

    return next(iter(cached(f"featured-story:{locale_id}", newest)), None)


class StoryIndexPage(RoutesChildrenInOneQuery, RoutablePageMixin, IndexPage):
    """The stories of one language, newest first, filtered by topic and area, with feeds."""

    section_names = {"en": ("Success stories", "stories"), "cy": ("Straeon llwyddiant", "straeon")}
    route_words = [FEED_WORDS]

    subpage_types = ["stories.StoryPage"]

    class Meta:
        verbose_name = _("story index")

    def stories(self):
        return publicly_visible(StoryPage.objects.child_of(self)).order_by("-date", "-pk")

    def routed_children(self):
        """A story comes with its area and the group telling it in one query."""
        return StoryPage.objects.child_of(self).select_related("area", "author_group")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form = StoryFilterForm(request.GET)
        ids = form.filter(self.stories()).values_list("pk", flat=True)
        page_of_stories = Paginator(ids, self.per_page).get_page(request.GET.get("page"))

        def stories_with_cards(ids):
            return with_card_images(StoryPage.objects.filter(pk__in=ids)).select_related("area")

        context.update(
            form=form,
            # Fetched only for a card not kept already (home.listing).
            stories=fetched_when_shown(page_of_stories.object_list, stories_with_cards),
            paginator_page=page_of_stories,
            story_count=page_of_stories.paginator.count,
            feeds=self.feeds(),
        )
        return context

    def feeds(self):
        return feed_links(self.url, self.language_code)

    @re_path(words_pattern(FEED_WORDS), name="rss_feed")
    def rss_feed(self, request, word):
        return wrong_word_redirect(self, request, word, FEED_WORDS) or StoryFeed()(request, index_page=self)

    @re_path(words_pattern(FEED_WORDS, after="/atom/"), name="atom_feed")
    def atom_feed(self, request, word):
        return wrong_word_redirect(self, request, word, FEED_WORDS, after="/atom/") or AtomStoryFeed()(
            request, index_page=self
        )


class StoryPage(BasePage):
    """One success story: what happened, in words, pictures and numbers, and how readers can help."""

    standfirst = models.TextField(
        _("standfirst"),
        max_length=400,
        help_text=_(
            "The opening sentence or two, shown large under the title: what happened, where and who did it."
        ),
    )
    date = models.DateField(
        _("date"),
        default=timezone.localdate,
        help_text=_("When the story happened or was written. Stories are listed newest first."),
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("main picture"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A wide picture shown under the standfirst. Choose one you have permission to use."),
    )
    hero_alt_text = models.CharField(
        _("description of the main picture"),
        max_length=250,
        blank=True,
        help_text=_(
            "Describe what the picture shows for people who cannot see it. "
            "Leave empty only if the picture is decoration."
        ),
    )
    hero_caption = models.CharField(
        _("caption"),
        max_length=250,
        blank=True,
        help_text=_("Shown under the picture. Credit the photographer here if they asked you to."),
    )
    body = StreamField(
        BodyBlock(),
        verbose_name=_("story"),
        help_text=_(
            "The story itself: paragraphs, pictures, quotes from the people involved and key figures."
        ),
    )
    author_name = models.CharField(
        _("written by"),
        max_length=100,
        blank=True,
        help_text=_(
            "The person who tells the story, for example: Mair Jones, volunteer. Leave empty to credit only the group."
        ),
    )
    # Links to group pages point at Wagtail's Page (the chooser offers only groups) so that
    # wagtail-localize can swap in the Welsh group when the story is translated.
    author_group = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("group telling the story"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The community group that tells the story, if there is one. The story is shown on the group's page."
        ),
    )
    area = models.ForeignKey(
        "directory.Area",
        verbose_name=_("area"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The community where the story took place. Readers can filter stories by area."),
    )
    featured = models.BooleanField(
        _("feature on the home page"),
        default=False,
        help_text=_("The newest featured story in each language is shown on the home page."),
    )
    how_you_can_help = StreamField(
        [("call_to_action", CallToActionBlock())],
        blank=True,
        max_num=1,
        verbose_name=_("how you can help"),
        help_text=_(
            "Tell readers what they can do next, for example volunteer with the group, and link to it."
        ),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("standfirst"),
        FieldPanel("date"),
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_alt_text"), FieldPanel("hero_caption")],
            heading=_("Main picture"),
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("author_name"), PageChooserPanel("author_group", "directory.GroupPage")],
            heading=_("Who tells the story"),
        ),
        FieldPanel("area"),
        InlinePanel(
            "related_groups",
            label=_("Groups in this story"),
            help_text=_("Community groups the story is about. The story is shown on each group's page."),
        ),
        FieldPanel("how_you_can_help"),
    ]
    promote_panels = BasePage.promote_panels + [FieldPanel("featured")]
    search_fields = BasePage.search_fields + [
        index.SearchField("standfirst"),
        index.SearchField("body"),
        index.SearchField("author_name"),
        index.AutocompleteField("title"),
        index.FilterField("date"),
        index.FilterField("area"),
        index.FilterField("featured"),
    ]
    # Words are translated; the picture, date, place and flags are the same in both languages.
    # Links to group pages follow the group into each language (the Welsh story links to the
    # Welsh group), as the home page's featured pages do.
    translatable_fields = BasePage.translatable_fields + [
        TranslatableField("standfirst"),
        TranslatableField("hero_alt_text"),
        TranslatableField("hero_caption"),
        TranslatableField("body"),
        TranslatableField("author_name"),
        TranslatableField("author_group"),
        TranslatableField("related_groups"),
        TranslatableField("how_you_can_help"),
        SynchronizedField("date"),
        SynchronizedField("hero_image"),
        SynchronizedField("area"),
        SynchronizedField("featured"),
    ]

    parent_page_types = ["stories.StoryIndexPage"]
    subpage_types = []
    search_type = "stories"

    class Meta:
        verbose_name = _("success story")
        verbose_name_plural = _("success stories")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # A story's address is its index's address followed by the story's slug.
        context["feeds"] = feed_links(self.url[: -len(self.slug) - 1], self.language_code) if self.url else []
        # The template caches the story under the page-tree version (home.page_cache): publishing
        # anything it shows retires the copy, and it expires within the hour in case a topic,
        # area or picture it shows is changed.
        context["fragment_version"] = tree_key("story-page")
        return context

    @cached_property
    def telling_group(self):
        """The group telling the story, in the story's language when it has been translated."""
        return visible_version(self.author_group, self.locale_id)

    @property
    def byline(self):
        """Who tells the story: the person, the group, or both."""
        return ", ".join(
            name for name in (self.author_name, self.telling_group and self.telling_group.title) if name
        )

    @property
    def area_name(self):
        return Area.name_for(self.area_id)

    def groups_in_story(self):
        """The telling group, then the groups the story is about, each once, live ones only."""
        ids = [self.author_group_id, *(link.group_id for link in self.related_groups.all())]
        ids = list(dict.fromkeys(pk for pk in ids if pk))
        groups = with_card_images(publicly_visible(GroupPage.objects).filter(pk__in=ids))
        by_id = {group.pk: group for group in groups}
        return [by_id[pk] for pk in ids if pk in by_id]

    def structured_data(self, request):
        """schema.org Article for search engines: https://schema.org/Article"""
        settings = PortalSettings.for_request(request)
        publisher = {"@type": "Organization", "name": settings.name, "url": public_url("/")}
        data = {
            "@context": "https://schema.org",
            "@type": "Article",
            "headline": self.title,
            "description": self.standfirst,
            "url": public_page_url(self, request),
            "mainEntityOfPage": public_page_url(self, request),
            "datePublished": self.date.isoformat(),
            "inLanguage": current_language(),
            "publisher": publisher,
        }
        if self.last_published_at:
            data["dateModified"] = self.last_published_at.isoformat()
        if self.author_name:
            data["author"] = {"@type": "Person", "name": self.author_name}
        elif self.telling_group:
            data["author"] = {
                "@type": "Organization",
                "name": self.telling_group.title,
                "url": public_page_url(self.telling_group, request),
            }
        else:
            data["author"] = publisher
        if self.hero_image:
            data["image"] = public_url(self.hero_image.get_rendition(HERO_IMAGE).url)
        elif self.listing_image:  # Google's article guidelines recommend an image
            data["image"] = public_url(self.listing_image.get_rendition("width-800").url)
        return data


class StoryRelatedGroup(TranslatedPageLink):
    """A community group a story is about; the group's page lists the story."""

    story = ParentalKey(StoryPage, on_delete=models.CASCADE, related_name="related_groups")
    group = TranslatedPageLink.linked_page_field(
        _("community group"), _("Choose the group's page in the same language as this story.")
    )
    link_field, page_type = "group", "directory.GroupPage"

    class Meta(TranslatedPageLink.Meta):
        verbose_name = _("group in the story")
        verbose_name_plural = _("groups in the story")
