"""Community groups: a listing page per group, the areas they serve, their editors, and the
suggestions readers send.

See https://docs.wagtail.org/en/stable/topics/pages.html
"""

from datetime import timedelta

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks, hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from bilingual.names import BilingualNameMixin
from bilingual.welsh import initial_letter, stored_sort_key
from home.blocks import BodyBlock
from home.models import BasePage
from home.public_address import public_page_url, public_url

REVIEW_INTERVAL = timedelta(days=365)


def related_sections(group, request):
    """What other apps show on a group's page (its events, stories, guides).

    Each app registers a ``directory_group_related`` hook: a function taking the group page and
    the request and returning ``None`` or a dict with ``heading``, ``template`` and ``items``.
    Hooks keep the directory free of imports from the apps that refer to it.
    See https://docs.wagtail.org/en/stable/reference/hooks.html
    """
    sections = (hook(group, request) for hook in hooks.get_hooks("directory_group_related"))
    return [section for section in sections if section and section["items"]]


class Area(BilingualNameMixin, models.Model):
    """A community or ward of the county, managed by council editors as a snippet."""

    name = models.CharField(_("English name"), max_length=100, unique=True)
    slug = models.SlugField(
        _("English slug"), max_length=100, unique=True, help_text=_("Used in English web addresses.")
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("name_cy"), FieldPanel("slug_cy")]

    class Meta:
        verbose_name = _("area")
        verbose_name_plural = _("areas")
        ordering = ["name"]

    def __str__(self):
        return self.localized_name


class SocialLinkBlock(blocks.StructBlock):
    network = blocks.ChoiceBlock(
        label=_("Network"),
        choices=[
            ("facebook", "Facebook"),
            ("instagram", "Instagram"),
            ("x", "X (Twitter)"),
            ("youtube", "YouTube"),
        ],
    )
    url = blocks.URLBlock(label=_("Web address of the group's page"))

    class Meta:
        icon = "link"
        label = _("Social media link")


class GroupLanguage(models.TextChoices):
    WELSH = "cy", _("Mainly Welsh")
    BILINGUAL = "bilingual", _("Welsh and English")
    ENGLISH = "en", _("Mainly English")


class GroupPage(BasePage):
    """One community group's listing, kept up to date by its own editors and the council."""

    # What an editor who may not change the listing is told (home/refusals.py).
    edit_refusal = _(
        "This listing is looked after by another group; ask the council if you need to change it."
    )

    body = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("full description"),
        help_text=_("What the group does, who it is for and what it has achieved."),
    )
    area = models.ForeignKey(
        Area,
        verbose_name=_("area"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="groups",
        help_text=_("The community the group is based in."),
    )
    address = models.TextField(_("address"), blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    email = models.EmailField(
        _("e-mail"),
        blank=True,
        help_text=_(
            "Where messages from the website's \"Contact this group\" form go. Use the group's address, "
            "not a personal one. Hidden from the public unless you tick the box below."
        ),
    )
    show_email = models.BooleanField(
        _("Show our e-mail address on the page"),
        default=False,
        help_text=_(
            "Leave unticked to keep the address private: people still reach the group through the "
            "website's form. Tick to publish it on the group's page and in the open data about groups."
        ),
    )
    email_language = models.CharField(
        _("language for e-mails to the group"),
        max_length=2,
        choices=[("en", "English"), ("cy", "Cymraeg")],
        default="en",
        help_text=_(
            "The language of the e-mails the website sends to the group's contacts, such as a message "
            "from someone who would like to help. The person's own words stay as they wrote them."
        ),
    )
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    website = models.URLField(_("website"), blank=True)
    social_links = StreamField([("link", SocialLinkBlock())], blank=True, verbose_name=_("social media"))
    meeting_times = models.TextField(
        _("meeting or opening times"), blank=True, help_text=_("For example: Tuesdays 10am to 4pm.")
    )
    accessibility = models.TextField(
        _("accessibility"),
        blank=True,
        help_text=_(
            "Step-free access, hearing loop, accessible toilet, parking: whatever visitors should know."
        ),
    )
    group_language = models.CharField(
        _("language the group works in"),
        max_length=10,
        choices=GroupLanguage.choices,
        default=GroupLanguage.BILINGUAL,
    )
    welsh_speakers_welcome = models.BooleanField(_("Welsh speakers welcome"), default=False)
    volunteers_wanted = models.BooleanField(_("volunteers wanted"), default=False)
    volunteering = models.TextField(
        _("volunteering opportunities"), blank=True, help_text=_("What help the group is looking for.")
    )
    how_to_join = models.TextField(_("how to join"), blank=True)
    last_reviewed = models.DateField(
        _("last reviewed"),
        default=timezone.localdate,
        help_text=_(
            "When the group last checked that this listing is right. Readers are warned after 12 months."
        ),
    )
    # Worked out from the title on every save (so after every edit, translation and sync), so
    # the directory sorts and pages in SQL: ORDER BY title_sort_key LIMIT 20.
    title_sort_key = models.TextField(
        _("title in alphabetical order"),
        blank=True,
        default="",
        editable=False,
        help_text=_("Filled in from the title; the directory lists groups in this order."),
    )
    title_initial = models.CharField(
        _("letter listed under"),
        max_length=2,
        blank=True,
        default="",
        editable=False,
        help_text=_("Filled in from the title: the letter of the directory's A to Z list."),
    )
    # The language of the directory the group is listed in, beside its sort key, so that one
    # index serves each language's ORDER BY title_sort_key LIMIT: without it, an English page
    # walked every Welsh key first (the page's language is on wagtailcore_page, not here).
    title_language = models.CharField(
        _("language listed in"),
        max_length=8,
        blank=True,
        default="",
        editable=False,
        help_text=_("Filled in from the page's language: the directory this listing is sorted in."),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("area"),
                FieldPanel("address"),
                FieldPanel("postcode"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("email"),
                FieldPanel("show_email"),
                FieldPanel("email_language"),
                FieldPanel("phone"),
                FieldPanel("website"),
                FieldPanel("social_links"),
            ],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("meeting_times"),
                FieldPanel("accessibility"),
                FieldPanel("group_language"),
                FieldPanel("welsh_speakers_welcome"),
            ],
            heading=_("Visiting"),
        ),
        MultiFieldPanel(
            [FieldPanel("volunteers_wanted"), FieldPanel("volunteering"), FieldPanel("how_to_join")],
            heading=_("Getting involved"),
        ),
        FieldPanel("last_reviewed"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("body"),
        index.SearchField("volunteering"),
        index.AutocompleteField("title"),
        index.FilterField("area"),
        index.FilterField("welsh_speakers_welcome"),
        index.FilterField("volunteers_wanted"),
    ]
    # Words are translated; contact details, places and facts are the same in both languages.
    translatable_fields = BasePage.translatable_fields + [
        TranslatableField("body"),
        TranslatableField("address"),
        TranslatableField("meeting_times"),
        TranslatableField("accessibility"),
        TranslatableField("volunteering"),
        TranslatableField("how_to_join"),
        SynchronizedField("area"),
        SynchronizedField("postcode"),
        SynchronizedField("latitude"),
        SynchronizedField("longitude"),
        SynchronizedField("email"),
        SynchronizedField("show_email"),
        SynchronizedField("email_language"),
        SynchronizedField("phone"),
        SynchronizedField("website"),
        SynchronizedField("social_links"),
        SynchronizedField("group_language"),
        SynchronizedField("welsh_speakers_welcome"),
        SynchronizedField("volunteers_wanted"),
        SynchronizedField("last_reviewed"),
    ]

    parent_page_types = ["directory.GroupIndexPage"]
    subpage_types = []
    search_type = "groups"
    # Where it is, for the site search's "near a postcode" filter (search.queries.positions).
    position_fields = ("latitude", "longitude")

    class Meta:
        verbose_name = _("community group")
        verbose_name_plural = _("community groups")
        indexes = [
            models.Index(fields=["title_language", "title_sort_key"], name="group_language_title_order"),
            models.Index(
                fields=["title_language", "title_initial", "title_sort_key"],
                name="group_language_letter_order",
            ),
        ]

    def save(self, *args, **kwargs):
        self.set_title_order()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "title" in update_fields:
            kwargs["update_fields"] = {*update_fields, "title_sort_key", "title_initial", "title_language"}
        return super().save(*args, **kwargs)

    def set_title_order(self):
        """Store the title's place in the alphabet of the page's language (Welsh on Welsh pages)."""
        locale = self.locale if self.locale_id else self.get_default_locale()
        language = locale.language_code
        self.title_sort_key = stored_sort_key(self.title, language)
        self.title_initial = initial_letter(self.title, language)
        self.title_language = language

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related_sections"] = related_sections(self, request)
        return context

    @property
    def logo_alt_text(self):
        """The listing image's alt text, in the reader's language (the page's own, on the site).

        Written from the page's title rather than taken from the image, whose one description
        is in whichever language it was uploaded in.
        """
        return _("Logo of %(group)s") % {"group": self.title}

    @property
    def area_name(self):
        return Area.name_for(self.area_id)

    @property
    def public_email(self):
        """The group's e-mail address where the group chose to publish it, else ""."""
        return self.email if self.show_email else ""

    @property
    def needs_review(self):
        return timezone.localdate() - self.last_reviewed > REVIEW_INTERVAL

    def structured_data(self, request):
        """schema.org NGO description for search engines and other directories."""
        data = {
            "@context": "https://schema.org",
            "@type": "NGO",
            "name": self.title,
            "description": self.summary,
            "url": public_page_url(self, request),
            "knowsLanguage": {"cy": ["cy"], "en": ["en"]}.get(self.group_language, ["cy", "en"]),
        }
        if self.address or self.postcode or self.area_id:
            data["address"] = {
                "@type": "PostalAddress",
                "streetAddress": self.address,
                "postalCode": self.postcode,
                "addressRegion": "Wrexham",
                "addressCountry": "GB",
            }
            if self.area_id:
                data["address"]["addressLocality"] = self.area_name
        if self.latitude is not None and self.longitude is not None:
            # ``geo`` belongs to a Place, not to an Organization: the group's meeting place.
            place = {"@type": "Place"}
            if "address" in data:
                place["address"] = data["address"]
            place["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": float(self.latitude),
                "longitude": float(self.longitude),
            }
            data["location"] = place
        for key, value in (("email", self.public_email), ("telephone", self.phone)):
            if value:
                data[key] = value
        same_as = [self.website] if self.website else []
        same_as += [link.value["url"] for link in self.social_links]
        if same_as:
            data["sameAs"] = same_as
        if self.listing_image:
            data["logo"] = public_url(self.listing_image.get_rendition("width-400").url)
        return data


class GroupEditors(models.Model):
    """The Django group whose members look after one community group's listing.

    Linked by the listing's translation key, so the same editors cover the English and the
    Welsh page (and any translation made later). Created by ``directory.editors``.
    """

    translation_key = models.UUIDField(unique=True)
    group = models.OneToOneField("auth.Group", on_delete=models.CASCADE, related_name="community_group")
    collection = models.ForeignKey(
        "wagtailcore.Collection", null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("group editors")
        verbose_name_plural = _("group editors")
        # Council editors hold this instead of user management: it lets them add a person to
        # one group's editors and nothing more (directory.admin_views.InviteEditorView).
        permissions = [("invite_group_editor", _("Can invite an editor for a community group"))]

    def __str__(self):
        return self.group.name

    def listings(self):
        return GroupPage.objects.filter(translation_key=self.translation_key)


class ReviewReminder(models.Model):
    """A reminder sent to a group's editors, one per listing and review date."""

    translation_key = models.UUIDField()
    last_reviewed = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["translation_key", "last_reviewed"], name="one_reminder_per_review"
            ),
        ]

    def __str__(self):
        return f"{self.translation_key} {self.last_reviewed}"


class GroupSuggestion(models.Model):
    """Who suggested a listing through the public form; never shown on the website.

    ``confirmation_sent_at`` stays empty until the reader's confirmation e-mail has gone; the
    ``send_pending_confirmations`` command tries again for those (a mail server may be down).
    """

    listing = models.ForeignKey(GroupPage, on_delete=models.CASCADE, related_name="suggestions")
    submitter_email = models.EmailField(_("suggested by"))
    language = models.CharField(_("language"), max_length=2)
    created_at = models.DateTimeField(_("suggested on"), auto_now_add=True)
    confirmation_sent_at = models.DateTimeField(_("confirmation sent on"), null=True, blank=True)

    class Meta:
        verbose_name = _("group suggestion")
        verbose_name_plural = _("group suggestions")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.listing.title} ({self.submitter_email})"
