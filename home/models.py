"""The home page, the abstract base every content page shares, and site-wide settings."""

import copy

from django.db import models
from django.http import Http404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Locale, Orderable, Page, PageViewRestriction, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from bilingual.language import current_language
from bilingual.names import BilingualTagCheckboxes
from bilingual.translations import live_originals
from bilingual.welsh import search_terms

from .alerts import SiteAlert  # noqa: F401  (a model of this app, defined beside its helpers)
from .blocks import BodyBlock
from .entry_points import entry_points
from .page_cache import cached, forget_page_tree
from .public_address import public_page_url, public_url
from .translated_slugs import slug_from_translated_title
from .visibility import may_be_restricted, visible_version

# Where search.models.prefetch_topics() puts a listed page's topic links.
PREFETCHED_TOPIC_LINKS = "prefetched_topic_links"


def locale_codes():
    """{locale id: language code} of the site's languages, kept with the page-tree facts."""
    return cached("locale-codes", lambda: dict(Locale.objects.values_list("id", "language_code")))


def active_locale_id():
    """The id of the reader's language's locale (Wagtail's ``Locale.get_active()``, no query)."""
    language = current_language()
    found = [pk for pk, code in locale_codes().items() if code == language]
    return found[0] if found else Locale.get_active().pk


class BasePage(Page):
    """What every content page has: a summary and an image for listings, and search fields.

    Page types inherit from this and add only their own fields, as bakerydemo's pages do.
    See https://docs.wagtail.org/en/stable/topics/pages.html
    """

    summary = models.TextField(
        _("summary"),
        max_length=300,
        blank=True,
        help_text=_("One or two sentences shown in lists and search results. 300 characters at most."),
    )
    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("listing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown beside the summary in lists. Give the image a description when you upload it."),
    )

    topics = ClusterTaggableManager(
        verbose_name=_("topics"),
        through="search.TaggedPage",
        blank=True,
        help_text=_("Choose the subjects this page is about, from the council's list of topics."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("listing_image"),
        FieldPanel("topics", widget=BilingualTagCheckboxes),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("folded_search_terms"),
        index.RelatedFields("topics", [index.SearchField("name"), index.SearchField("name_cy")]),
    ]
    # Set on page types that search and topic pages list, e.g. ``search_type = "groups"``.
    search_type = None

    # Text is translated; the picture is the same in both languages.
    # https://wagtail-localize.org/stable/how-to/field-configuration/
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("summary"),
        SynchronizedField("listing_image"),
        SynchronizedField("tagged_topics"),  # the topics, as the child relation that holds them
    ]

    class Meta:
        abstract = True

    @property
    def language_code(self):
        """The page's language ("en", "cy") without a query for its locale: the locales' codes
        are kept with the page-tree facts."""
        return locale_codes().get(self.locale_id) or self.locale.language_code

    def get_view_restrictions(self):
        """Wagtail asks this before serving the page (its ``before_serve_page`` check) and
        reads the page's ancestors and their restrictions to answer, in two queries; the paths
        that can have any are kept with the page tree (``home.visibility``), so a page outside
        them answers with none at no query."""
        if may_be_restricted(self):
            return super().get_view_restrictions()
        return PageViewRestriction.objects.none()

    def save(self, *args, **kwargs):
        # A wagtail-localize translation left with the source's slug takes one from its title.
        slug_from_translated_title(self)
        return super().save(*args, **kwargs)

    @cached_property
    def topic_list(self):
        """The page's topics, by name, read once however often its card or page shows them:
        from the listing's ``search.models.prefetch_topics()`` where it made one."""
        links = getattr(self, PREFETCHED_TOPIC_LINKS, None)
        topics = [link.tag for link in links] if links is not None else self.topics.all()
        return sorted(topics, key=lambda topic: topic.name)

    @property
    def listing_image_alt_text(self):
        """The page's picture described in the reader's language (the page's own), written from
        its title: the image's one description is in whichever language it was uploaded in."""
        return _("Picture for %(title)s") % {"title": self.title}

    def folded_search_terms(self):
        """The page's searchable text without accents and, on Welsh pages, with every word's
        unmutated forms, so "gymuned" finds "cymuned" (see ``bilingual.welsh``)."""
        texts = []
        for search_field in self.get_search_fields():
            if (
                not isinstance(search_field, index.SearchField)
                or search_field.field_name == "folded_search_terms"
            ):
                continue
            value = search_field.get_value(self)  # a StreamField gives a list of its texts
            texts.extend(value if isinstance(value, list) else [value] if isinstance(value, str) else [])
        return search_terms(" ".join(texts), self.locale.language_code)


class RoutesChildrenInOneQuery:
    """For a routable index page: a request for one of its child pages loads that page with
    what it shows (``routed_children()``, e.g. with ``select_related``) in one query, instead of
    Wagtail's routing loading the page and then each related row. Sub-routes of the index itself
    (``past/``, ``calendar.ics/``) are tried first. Put it before ``RoutablePageMixin``.
    See https://docs.wagtail.org/en/stable/reference/pages/model_reference.html#wagtail.models.Page.route
    """

    def routed_children(self):
        raise NotImplementedError

    def route(self, request, path_components):
        if path_components and self.live:
            try:
                self.resolve_subpage("/" + "/".join(path_components) + "/")
            except Http404:
                child = self.routed_children().filter(slug=path_components[0]).first()
                if child is not None:
                    child._cached_parent_obj = self  # as Page.route does, saving a query for the parent
                    return child.route(request, path_components[1:])
        return super().route(request, path_components)


class IndexPage(BasePage):
    """A section's listing page (groups, events, stories, guides): one per language, under the
    home page, with an introduction above the list."""

    introduction = models.TextField(
        _("introduction"), blank=True, help_text=_("Shown above the list of pages in this section.")
    )

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]
    search_fields = BasePage.search_fields + [index.SearchField("introduction")]
    translatable_fields = BasePage.translatable_fields + [TranslatableField("introduction")]

    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1
    per_page = 20
    # {language: (title, slug)} of the empty section ``manage.py start_site`` creates.
    section_names = {}

    class Meta:
        abstract = True


class HomePage(BasePage):
    """The front page of each language: an introduction, a body and featured content."""

    introduction = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("A welcome of one or two sentences under the page heading."),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        InlinePanel(
            "featured_pages",
            label=_("Featured content"),
            max_num=6,
            help_text=_("Up to six groups, stories, events or guides to show on the front page."),
        ),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("introduction")]
    translatable_fields = BasePage.translatable_fields + [
        TranslatableField("introduction"),
        TranslatableField("body"),
        TranslatableField("featured_pages"),
    ]

    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        # Content apps add their own sections (the next events, a featured story) through the
        # ``home_page_sections`` hook: a function (home page, request) -> None or a dict with
        # ``heading``, ``template`` and ``items``, and ``order`` (smallest first), and their
        # entry points ("Find a group") through ``home_page_entry_points`` (home.entry_points).
        context = super().get_context(request, *args, **kwargs)
        context["entry_points"] = entry_points(self, request)
        sections = (hook(self, request) for hook in hooks.get_hooks("home_page_sections"))
        context["sections"] = sorted(
            (section for section in sections if section), key=lambda section: section.get("order", 100)
        )
        context["featured_pages"] = [
            page.specific for page in HomePageFeaturedPage.visible_pages(self.featured_pages)
        ]
        return context

    def structured_data(self, request):
        """schema.org WebSite with the site's search, in this page's language:
        https://schema.org/WebSite and https://schema.org/SearchAction"""
        search_url = public_url(reverse("search"))  # in the reader's language: /cy/chwilio/
        return {
            "@context": "https://schema.org",
            "@type": "WebSite",
            "name": PortalSettings.for_request(request).name,
            "url": public_page_url(self, request),
            "inLanguage": current_language(),
            "potentialAction": {
                "@type": "SearchAction",
                "target": {"@type": "EntryPoint", "urlTemplate": search_url + "?q={search_term_string}"},
                "query-input": "required name=search_term_string",
            },
        }


class StandardPage(BasePage):
    """A plain page of text, such as the accessibility statement or a privacy notice."""

    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = BasePage.content_panels + [FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("body")]
    translatable_fields = BasePage.translatable_fields + [TranslatableField("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")


class TranslatedPageLink(TranslatableMixin, Orderable):
    """A row linking a page to another page, which follows it into each language.

    The link points at Wagtail's ``Page`` (the chooser offers only ``page_type``) so that
    wagtail-localize can swap in the other language's page when the page is translated.
    A subclass adds its ParentalKey and its link (a field made by ``linked_page_field``), and
    names that field in ``link_field`` when it is not ``page``. See
    https://wagtail-localize.org/stable/how-to/field-configuration/
    """

    link_field = "page"
    page_type = None  # any page

    class Meta(TranslatableMixin.Meta):
        abstract = True

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.panels = [PageChooserPanel(cls.link_field, cls.page_type)]
        cls.translatable_fields = [TranslatableField(cls.link_field)]

    @staticmethod
    def linked_page_field(verbose_name, help_text):
        return models.ForeignKey(
            "wagtailcore.Page",
            verbose_name=verbose_name,
            on_delete=models.CASCADE,
            related_name="+",
            help_text=help_text,
        )

    @classmethod
    def visible_pages(cls, links):
        """The publicly visible pages that ``links`` (a page's rows) point at, in the editor's
        order and the rows' language, in one query (``visible_version`` adds one for a row still
        pointing at a page in the other language)."""
        pages = (
            visible_version(getattr(link, cls.link_field), link.locale_id)
            for link in links.select_related(cls.link_field)
        )
        return [page for page in pages if page is not None]


class HomePageFeaturedPage(TranslatedPageLink):
    """One featured slot on the home page."""

    home_page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_pages")
    page = TranslatedPageLink.linked_page_field(
        _("page"), _("Choose a page in the same language as this home page.")
    )

    class Meta(TranslatedPageLink.Meta):
        verbose_name = _("featured page")
        verbose_name_plural = _("featured pages")


@register_setting(icon="site")
class PortalSettings(BaseSiteSetting):
    """The portal's name, owner and contact details, in English and in Welsh.

    Site settings are per site rather than per language, so each text has a Welsh twin; the
    templates pick the reader's language through ``for_language``.
    See https://docs.wagtail.org/en/stable/reference/contrib/settings.html
    """

    name_en = models.CharField(_("site name (English)"), max_length=80, default="Together in Wrexham")
    name_cy = models.CharField(_("site name (Welsh)"), max_length=80, default="Gyda'n Gilydd yn Wrecsam")
    owner_en = models.CharField(
        _("council name (English)"), max_length=120, default="Wrexham County Borough Council"
    )
    owner_cy = models.CharField(
        _("council name (Welsh)"), max_length=120, default="Cyngor Bwrdeistref Sirol Wrecsam"
    )
    accessibility_statement = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("accessibility statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The page linked from every footer. Its Welsh translation is used on Welsh pages."),
    )
    privacy_notice = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy notice"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The page that says what the site's forms collect and how long it is kept, linked from "
            "every footer and every form. Its Welsh translation is used on Welsh pages."
        ),
    )
    contact_email = models.EmailField(
        _("contact e-mail"),
        blank=True,
        default="together@wrexham.example",
        help_text=_("Shown in the footer of every page."),
    )
    # The council team that guides send readers to ("ask the council"): the council contact
    # block (home.blocks.CouncilContactBlock) and a guide step's "council contact" show these.
    council_team_en = models.CharField(
        _("team name (English)"),
        max_length=120,
        blank=True,
        help_text=_("The council team guides send readers to, for example: Community asset transfer team"),
    )
    council_team_cy = models.CharField(
        _("team name (Welsh)"),
        max_length=120,
        blank=True,
        help_text=_("The same team's name in Welsh, for example: Tîm trosglwyddo asedau cymunedol"),
    )
    council_email = models.EmailField(
        _("team e-mail"), blank=True, help_text=_("An address the team reads, answered in Welsh or English.")
    )
    council_phone = models.CharField(
        _("team phone"), max_length=40, blank=True, help_text=_("For example: 01978 292000")
    )
    council_address_en = models.TextField(
        _("team address (English)"),
        blank=True,
        help_text=_("Where to write to the team, one part of the address on each line."),
    )
    council_address_cy = models.TextField(
        _("team address (Welsh)"), blank=True, help_text=_("The same address as Welsh readers write it.")
    )

    panels = [
        MultiFieldPanel([FieldPanel("name_en"), FieldPanel("name_cy")], heading=_("Site name")),
        MultiFieldPanel([FieldPanel("owner_en"), FieldPanel("owner_cy")], heading=_("Council")),
        FieldPanel("accessibility_statement"),
        FieldPanel("privacy_notice"),
        FieldPanel("contact_email"),
        MultiFieldPanel(
            [
                FieldPanel("council_team_en"),
                FieldPanel("council_team_cy"),
                FieldPanel("council_email"),
                FieldPanel("council_phone"),
                FieldPanel("council_address_en"),
                FieldPanel("council_address_cy"),
            ],
            heading=_("Council contact in guides"),
            help_text=_(
                "Shown wherever a guide tells readers to ask the council, so they know whom to ask and how."
            ),
        ),
    ]

    class Meta:
        verbose_name = _("portal settings")

    # Every page reads these settings: keep them with the page-tree facts, which saving them
    # retires.
    @classmethod
    def for_site(cls, site):
        # A copy: Wagtail's for_request() sets the request on the instance, which the process
        # shares between requests.
        return copy.copy(
            cached(f"portal-settings:{site.pk}", lambda: super(PortalSettings, cls).for_site(site))
        )

    def save(self, *args, **kwargs):
        # Wagtail creates a site's settings the first time a page reads them: nothing shown
        # changes then, so only a change of existing settings retires the page-tree facts.
        changed = not self._state.adding
        super().save(*args, **kwargs)
        if changed:
            forget_page_tree()

    def _page_urls(self, field):
        page = getattr(self, field)
        if page is None:
            return {}
        pages = [page, *live_originals(page.get_translations()).select_related("locale")]
        return {page.locale.language_code: page.get_url() for page in pages if page.live}

    def _page_url_in_language(self, field):
        """The page chosen in ``field`` in the reader's language (English if not translated)."""
        urls = cached(f"{field}-urls:{self.site_id}", lambda: self._page_urls(field))
        return urls.get(current_language()) or urls.get("en")

    @property
    def accessibility_statement_url(self):
        """The statement in the reader's language (English if it is not translated)."""
        return self._page_url_in_language("accessibility_statement")

    @property
    def privacy_notice_url(self):
        """The privacy notice in the reader's language (English if it is not translated)."""
        return self._page_url_in_language("privacy_notice")

    def _in_language(self, field):
        language = current_language()
        return getattr(self, f"{field}_{language}", None) or getattr(self, f"{field}_en")

    @property
    def name(self):
        return self._in_language("name")

    @property
    def owner(self):
        return self._in_language("owner")

    @property
    def council_contact(self):
        """The council team's name, e-mail, phone and address lines in the reader's language
        (English where the Welsh is left empty); None until the team's name is filled in."""
        team = self._in_language("council_team")
        if not team:
            return None
        address = self._in_language("council_address") or ""
        return {
            "team": team,
            "email": self.council_email,
            "phone": self.council_phone,
            "address_lines": [line.strip() for line in address.splitlines() if line.strip()],
        }
