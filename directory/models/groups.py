"""Community groups: a listing page per group, the areas they serve, their editors, and the
suggestions readers send.

See https://docs.wagtail.org/en/stable/topics/pages.html
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import blocks, hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, WorkflowState
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from bilingual.names import BilingualNameMixin
from bilingual.welsh import initial_letter, stored_sort_key
from home.blocks import BodyBlock
from home.models import BasePage
from home.page_cache import cached, tree_key
from home.public_address import public_page_url, public_url

from .. import schedule as meetings
from ..schedule import MeetingBlock


def overdue_since(days_setting, today=None):
    """The latest "last reviewed" date of a listing whose review is overdue by the number of
    days in the setting ``days_setting`` or more (the REVIEW_* settings; directory.reviews)."""
    today = today or timezone.localdate()
    return today - timedelta(days=settings.REVIEW_INTERVAL_DAYS + getattr(settings, days_setting))


def unchecked_before(today=None):
    """Listings last reviewed before this date are "not checked recently" (REVIEW_STALE_DAYS)."""
    return overdue_since("REVIEW_STALE_DAYS", today)


def unchecked_last():
    """An ORDER BY term putting listings "not checked recently" after the others, in SQL."""
    return models.Case(
        models.When(last_reviewed__lt=unchecked_before(), then=models.Value(1)),
        default=models.Value(0),
        output_field=models.IntegerField(),
    )


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
    """Which language a group works in, and how it treats the other: the five answers councils
    and the Welsh Language Commissioner's "Cynnig Cymraeg" ask of a service."""

    WELSH = "cy", _("Welsh only")
    BILINGUAL = "bilingual", _("Welsh and English")
    WELSH_SPEAKERS_WELCOME = "en-speakers", _("English, Welsh speakers welcome")
    WELSH_LEARNERS_WELCOME = "en-learners", _("English, Welsh learners welcome")
    ENGLISH = "en", _("English only")


# The ISO 639-1 languages a group can be spoken to in (Open Referral ``languages``, schema.org
# ``knowsLanguage``): a group that welcomes Welsh speakers has someone who speaks Welsh.
SPOKEN_LANGUAGES = {
    GroupLanguage.WELSH: ["cy"],
    GroupLanguage.BILINGUAL: ["cy", "en"],
    GroupLanguage.WELSH_SPEAKERS_WELCOME: ["en", "cy"],
    GroupLanguage.WELSH_LEARNERS_WELCOME: ["en"],
    GroupLanguage.ENGLISH: ["en"],
}
# Where a Welsh speaker can use Welsh (the directory's "Welsh speakers welcome" filter and badge).
WELSH_SPOKEN = [GroupLanguage.WELSH, GroupLanguage.BILINGUAL, GroupLanguage.WELSH_SPEAKERS_WELCOME]
# Where a learner is made welcome (the "Welsh learners welcome" filter).
WELSH_LEARNERS = [GroupLanguage.BILINGUAL, GroupLanguage.WELSH_LEARNERS_WELCOME]


class Cost(models.TextChoices):
    FREE = "free", _("Free")
    LOW = "low", _("Low cost")
    PAID = "paid", pgettext_lazy("cost", "Paid")


# The access checkboxes, in the order the page lists them, with the words the page uses.
ACCESS_FEATURES = [
    ("step_free", _("Step-free access")),
    ("accessible_toilet", _("Accessible toilet")),
    ("hearing_loop", _("Hearing loop")),
    ("parking", _("Parking")),
    ("public_transport", _("Public transport nearby")),
]


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
    schedule = StreamField(
        [("session", MeetingBlock())],
        blank=True,
        verbose_name=_("regular sessions"),
        help_text=_(
            "Each regular session on its own row: the day, the times and, for a monthly session, "
            'which week. The directory\'s "meets on" and "evening" filters use these rows.'
        ),
    )
    meeting_times = models.TextField(
        _("notes on times"),
        blank=True,
        help_text=_(
            "Anything the rows above cannot say, for example: closed in August, or phone first. "
            "Leave empty if the rows say it all."
        ),
    )
    step_free = models.BooleanField(_("Step-free access"), default=False)
    accessible_toilet = models.BooleanField(_("Accessible toilet"), default=False)
    hearing_loop = models.BooleanField(_("Hearing loop"), default=False)
    parking = models.BooleanField(_("Parking"), default=False)
    public_transport = models.BooleanField(
        _("Public transport nearby"), default=False, help_text=_("A bus stop or station within a short walk.")
    )
    accessibility = models.TextField(
        _("notes on access"),
        blank=True,
        help_text=_("Anything else visitors should know: a ramp at the side door, a quiet room, no lift."),
    )
    group_language = models.CharField(
        _("language the group works in"),
        max_length=11,
        choices=GroupLanguage.choices,
        default=GroupLanguage.BILINGUAL,
        help_text=_("Readers can filter the directory by this."),
    )
    minimum_age = models.PositiveSmallIntegerField(
        _("youngest age"), null=True, blank=True, help_text=_("Leave empty if there is no lower age limit.")
    )
    maximum_age = models.PositiveSmallIntegerField(
        _("oldest age"), null=True, blank=True, help_text=_("Leave empty if there is no upper age limit.")
    )
    cost = models.CharField(
        _("cost"),
        max_length=4,
        choices=Cost.choices,
        blank=True,
        help_text=_("Low cost: a small charge or a donation. Leave empty if you are not sure."),
    )
    cost_note = models.TextField(
        _("notes on cost"), blank=True, help_text=_("For example: £2 a session, first visit free.")
    )
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
    # Worked out from the schedule on every save, for the directory's filters.
    meeting_days = models.CharField(
        _("days it meets"),
        max_length=30,
        blank=True,
        default="",
        editable=False,
        help_text=_("Filled in from the regular sessions."),
    )
    meets_in_evening = models.BooleanField(
        _("meets in the evening"),
        default=False,
        editable=False,
        help_text=_("Filled in from the regular sessions: one starts at 5pm or later."),
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
            [FieldPanel("schedule"), FieldPanel("meeting_times")],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("group_language"),
                FieldRowPanel([FieldPanel("minimum_age"), FieldPanel("maximum_age")]),
                FieldPanel("cost"),
                FieldPanel("cost_note"),
            ],
            heading=_("Who it is for"),
        ),
        MultiFieldPanel(
            [*(FieldPanel(name) for name, _label in ACCESS_FEATURES), FieldPanel("accessibility")],
            heading=_("Access"),
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
        index.FilterField("group_language"),
        index.FilterField("volunteers_wanted"),
    ]
    # Words are translated; contact details, places and facts are the same in both languages.
    translatable_fields = BasePage.translatable_fields + [
        TranslatableField("body"),
        TranslatableField("address"),
        TranslatableField("schedule"),  # only each row's notes: days and times stay the English page's
        TranslatableField("meeting_times"),
        TranslatableField("accessibility"),
        TranslatableField("cost_note"),
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
        *(SynchronizedField(name) for name, _label in ACCESS_FEATURES),
        SynchronizedField("minimum_age"),
        SynchronizedField("maximum_age"),
        SynchronizedField("cost"),
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
        self.meeting_days = meetings.stored_days(self.schedule)
        self.meets_in_evening = meetings.meets_in_the_evening(self.schedule)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "title" in update_fields:
            kwargs["update_fields"] = {*update_fields, "title_sort_key", "title_initial", "title_language"}
        if update_fields is not None and "schedule" in update_fields:
            kwargs["update_fields"] = {*kwargs["update_fields"], "meeting_days", "meets_in_evening"}
        return super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if (
            self.minimum_age is not None
            and self.maximum_age is not None
            and self.minimum_age > self.maximum_age
        ):
            raise ValidationError({"maximum_age": _("The oldest age must not be below the youngest.")})

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
        context["may_be_claimed"] = not self.has_editors()
        # The template caches the listing's own part, as stories do, under the page-tree
        # version and the day (its "not checked recently" notice moves with the date); the
        # sections other apps add, which change as time passes, are rendered each time.
        context["fragment_version"] = tree_key("group-page")
        context["fragment_day"] = timezone.localdate().isoformat()
        return context

    def has_editors(self):
        """Whether anyone looks after this listing (in any language): kept with the page tree,
        so a group page costs no query more; adding an editor retires it (``directory.editors``).
        Readers are only ever told whether they may ask to look after it, never who does."""

        def compute():
            return GroupEditors.objects.filter(
                translation_key=self.translation_key, group__user__isnull=False
            ).exists()

        return cached(f"group-has-editors:{self.translation_key}", compute)

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
    def welsh_speakers_welcome(self):
        """Whether a Welsh speaker can use Welsh with the group (the directory card's badge)."""
        return self.group_language in WELSH_SPOKEN

    @property
    def spoken_languages(self):
        """ISO 639-1 codes of the languages the group can be spoken to in."""
        return SPOKEN_LANGUAGES.get(self.group_language, ["cy", "en"])

    @property
    def access_features(self):
        """The words for each access checkbox ticked, in the active language."""
        return [label for name, label in ACCESS_FEATURES if getattr(self, name)]

    @property
    def sessions(self):
        """The regular sessions as the page reads them, in the active language."""
        return [meetings.row_text(row) for row in meetings.rows(self.schedule)]

    @property
    def age_range(self):
        """ "Ages 8 to 12", "Ages 18 and over", "Up to age 11", or "" with no limits."""
        low, high = self.minimum_age, self.maximum_age
        if low is not None and high is not None:
            return _("Ages %(low)s to %(high)s") % {"low": low, "high": high}
        if low is not None:
            return _("Ages %(low)s and over") % {"low": low}
        if high is not None:
            return _("Up to age %(high)s") % {"high": high}
        return ""

    @property
    def needs_review(self):
        """Past its review date: readers are asked to check with the group before they visit."""
        return timezone.localdate() - self.last_reviewed > timedelta(days=settings.REVIEW_INTERVAL_DAYS)

    @property
    def not_checked_recently(self):
        """Overdue for review by more than REVIEW_STALE_DAYS: marked so, and listed last."""
        return self.last_reviewed < unchecked_before()

    def structured_data(self, request):
        """schema.org NGO description for search engines and other directories."""
        data = {
            "@context": "https://schema.org",
            "@type": "NGO",
            "name": self.title,
            "description": self.summary,
            "url": public_page_url(self, request),
            "knowsLanguage": self.spoken_languages,
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
        hours = meetings.opening_hours(self.schedule)
        if hours:
            # Opening hours belong to a Place too: where the group meets.
            data.setdefault(
                "location", {"@type": "Place", **({"address": data["address"]} if "address" in data else {})}
            )
            data["location"]["openingHoursSpecification"] = hours
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
    """One step of chasing a listing's review, taken once per listing and review date.

    The steps (``directory.reviews``): the first reminder to the group's editors on the due
    date, the second one later, and unpublishing the listing when nobody has checked it for far
    too long. A fresh "last reviewed" date starts the steps again.
    """

    class Step(models.IntegerChoices):
        FIRST_REMINDER = 1, _("first reminder")
        SECOND_REMINDER = 2, _("second reminder")
        UNPUBLISHED = 3, _("unpublished")

    translation_key = models.UUIDField()
    last_reviewed = models.DateField()
    step = models.PositiveSmallIntegerField(choices=Step.choices, default=Step.FIRST_REMINDER)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["translation_key", "last_reviewed", "step"], name="one_reminder_per_review_step"
            ),
        ]

    def __str__(self):
        return f"{self.translation_key} {self.last_reviewed} {self.step}"


class SuggestionState(models.TextChoices):
    WAITING = "waiting", _("Waiting for a moderator")
    LISTED = "listed", _("Listed")
    REJECTED = "rejected", _("Rejected")


class GroupSuggestionQuerySet(models.QuerySet):
    def with_state(self):
        """With the listing and whether a moderator rejected it, in one query, for a list."""
        rejected = WorkflowState.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id=Cast(models.OuterRef("listing_id"), models.CharField()),
            status=WorkflowState.STATUS_NEEDS_CHANGES,
        )
        return self.select_related("listing").annotate(rejected=models.Exists(rejected))


class GroupSuggestion(models.Model):
    """Who suggested a listing through the public form; never shown on the website, seen in the
    admin's "Group suggestions" list by council editors only.

    Two promises are kept by e-mail, each stored before it is sent: ``confirmation_sent_at``
    stays empty until the reader's "we have received it" e-mail has gone, and
    ``listed_email_sent_at`` until their "the group is now listed" e-mail has, once
    ``listed_at`` (the first publication of the listing) is set. The
    ``send_pending_confirmations`` command tries again for both (a mail server may be down).
    """

    listing = models.ForeignKey(GroupPage, on_delete=models.CASCADE, related_name="suggestions")
    submitter_email = models.EmailField(_("suggested by"))
    language = models.CharField(_("language"), max_length=2)
    created_at = models.DateTimeField(_("suggested on"), auto_now_add=True)
    confirmation_sent_at = models.DateTimeField(_("confirmation sent on"), null=True, blank=True)
    listed_at = models.DateTimeField(_("listed on"), null=True, blank=True)
    listed_email_sent_at = models.DateTimeField(_("listed e-mail sent on"), null=True, blank=True)

    objects = GroupSuggestionQuerySet.as_manager()

    class Meta:
        verbose_name = _("group suggestion")
        verbose_name_plural = _("group suggestions")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.listing.title} ({self.submitter_email})"

    @property
    def state(self):
        """Listed (first published), rejected (a moderator sent the draft back) or waiting."""
        if self.listed_at or self.listing.first_published_at:
            return SuggestionState.LISTED
        rejected = getattr(self, "rejected", None)
        if rejected is None:  # not annotated by GroupSuggestion.objects.with_state()
            workflow_state = self.listing.current_workflow_state
            rejected = bool(workflow_state and workflow_state.status == workflow_state.STATUS_NEEDS_CHANGES)
        return SuggestionState.REJECTED if rejected else SuggestionState.WAITING

    def get_state_display(self):
        return self.state.label
