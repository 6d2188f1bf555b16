"""Volunteering opportunities: what help a community group is looking for, one page each,
and the words the site's forms use in their addresses.

Follows bakerydemo's index/detail pattern, as the events do.
See https://docs.wagtail.org/en/stable/topics/pages.html
"""

from functools import cached_property

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, re_path
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from bilingual.translations import live_originals
from events.forms import EventPageForm
from home.models import BasePage
from home.public_address import public_page_url
from home.visibility import visible_version

from ..messages import message_form_view


class Commitment(models.TextChoices):
    ONE_OFF = "one-off", _("One-off")
    REGULAR = "regular", _("Regular")
    FLEXIBLE = "flexible", _("Flexible")


class HoursPer(models.TextChoices):
    WEEK = "week", _("a week")
    MONTH = "month", _("a month")


# The message forms' addresses below a page, in each language ("helpu/diolch/" in Welsh).
HELP_PATH = {"en": "help", "cy": "helpu"}
CONTACT_PATH = {"en": "contact", "cy": "cysylltu"}
THANKS_PATH = {"en": "thanks", "cy": "diolch"}
# "Offers of help" below the listing ("cynigion/"), and the form to make one ("cynigion/newydd/").
OFFERS_PATH = {"en": "offers", "cy": "cynigion"}
NEW_OFFER_PATH = {"en": "new", "cy": "newydd"}


def form_path(words, language, slug=None, thanks=False):
    parts = [words[language], slug, THANKS_PATH[language] if thanks else None]
    return "".join(f"{part}/" for part in parts if part)


def form_urls(page, words, slug_for=None, thanks=False):
    """{language: address of the form below ``page``'s live translations}; ``slug_for(page)``
    gives the part after the form's word (the group, on the listing), None where there is none."""
    urls = {}
    for version in [page, *live_originals(page.get_translations()).select_related("locale")]:
        slug = slug_for(version) if slug_for else None
        if slug_for is None or slug:
            language = version.locale.language_code
            urls[language] = version.url + form_path(words, language, slug, thanks)
    return urls


def open_on(day):
    """Opportunities still taking people on ``day``: not closed, and not past their closing date."""
    return Q(is_closed=False) & (Q(closing_date__isnull=True) | Q(closing_date__gte=day))


class OpportunityPageForm(EventPageForm):
    """A group editor's opportunities help their own group."""

    own_group_message = _(
        "Choose your own group: you can add volunteering opportunities for the group you look after only."
    )


class OpportunityPage(RoutablePageMixin, BasePage):
    """One way to help a community group: a role, when and where, who it suits, what it takes.

    Written by the group's editors (moderated) or the council. It leaves the listing by itself
    once it is marked closed or its closing date has passed; the page stays, saying so. The
    "I'd like to help" form is its ``help/`` route (Welsh ``helpu/``), a page of its own so that
    the opportunity page itself stays in the page cache.
    """

    # Points at Wagtail's Page (the chooser offers only groups) so that wagtail-localize can
    # swap in the Welsh group when the opportunity is translated, as events and stories do.
    group = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("group"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The community group the volunteer would help. The opportunity also shows on its page."),
    )
    what_you_do = models.TextField(
        _("what you would do"),
        help_text=_(
            "The tasks, in plain words, as you would explain them to a neighbour: "
            "for example “Open the hall, put the chairs out and make the tea”."
        ),
    )
    what_you_get = models.TextField(
        _("what you get from it"),
        blank=True,
        help_text=_(
            "What a volunteer gains: new skills, a reference, company, a free lunch, a good feeling."
        ),
    )
    commitment = models.CharField(
        _("when"),
        max_length=10,
        choices=Commitment.choices,
        default=Commitment.FLEXIBLE,
        help_text=_(
            "One-off: on particular dates. Regular: at set times every week or month. "
            "Flexible: whenever suits the volunteer."
        ),
    )
    start_date = models.DateField(
        _("date"), null=True, blank=True, help_text=_("For a one-off opportunity: the day, or the first day.")
    )
    end_date = models.DateField(
        _("last day"),
        null=True,
        blank=True,
        help_text=_("Only if a one-off opportunity lasts more than one day."),
    )
    pattern = models.CharField(
        _("regular times"),
        max_length=200,
        blank=True,
        help_text=_("For a regular opportunity, for example: Tuesday evenings, 6 to 8pm, in term time."),
    )
    hours = models.PositiveSmallIntegerField(
        _("hours"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(200)],
        help_text=_("About how many hours a volunteer gives. Leave empty if it varies."),
    )
    hours_per = models.CharField(
        _("hours per"), max_length=5, choices=HoursPer.choices, default=HoursPer.WEEK, blank=True
    )
    weekdays = models.BooleanField(_("during the day on weekdays"), default=False)
    evenings = models.BooleanField(_("evenings"), default=False)
    weekends = models.BooleanField(_("weekends"), default=False)
    venue = models.ForeignKey(
        "events.Venue",
        verbose_name=_("venue"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Where the volunteering happens, if at one place. Choose a venue, or add one to the list."
        ),
    )
    area = models.ForeignKey(
        "directory.Area",
        verbose_name=_("area"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The community it is in. Leave empty to use the venue's area. Readers can filter by area."
        ),
    )
    from_home = models.BooleanField(
        _("can be done from home"),
        default=False,
        help_text=_("Tick if a volunteer can do it from home, by phone or online."),
    )
    minimum_age = models.PositiveSmallIntegerField(
        _("minimum age"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(99)],
        help_text=_("Leave empty if there is no minimum age."),
    )
    suits_families = models.BooleanField(_("suitable for families"), default=False)
    suits_newcomers = models.BooleanField(_("suitable for people new to the area"), default=False)
    suits_welsh_learners = models.BooleanField(_("suitable for Welsh learners"), default=False)
    welsh_needed = models.BooleanField(
        _("Welsh speakers needed"), default=False, help_text=_("Tick if the volunteer must speak Welsh.")
    )
    skills_and_training = models.TextField(
        _("skills or training offered"),
        blank=True,
        help_text=_("Any skills needed, and the training or support you give, for example food hygiene."),
    )
    checks = models.TextField(
        _("checks needed"),
        blank=True,
        help_text=_("For example: a DBS check, which the group arranges and pays for. Leave empty if none."),
    )
    expenses_paid = models.BooleanField(
        _("expenses paid"),
        default=False,
        help_text=_("Tick if the group pays travel or other out-of-pocket costs."),
    )
    accessibility = models.TextField(
        _("accessibility"),
        blank=True,
        help_text=_(
            "Step-free access, hearing loop, accessible toilet, parking: whatever a volunteer should know."
        ),
    )
    closing_date = models.DateField(
        _("closing date"),
        null=True,
        blank=True,
        help_text=_(
            "The last day people can offer to help. After it the opportunity leaves the listing by itself."
        ),
    )
    is_closed = models.BooleanField(
        _("closed"),
        default=False,
        help_text=_(
            "Tick when you have all the people you need: the opportunity leaves the listing at once."
        ),
    )
    people_wanted = models.PositiveSmallIntegerField(
        _("number of people wanted"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Leave empty if any number can help."),
    )

    content_panels = BasePage.content_panels + [
        PageChooserPanel("group", "directory.GroupPage"),
        FieldPanel("what_you_do"),
        FieldPanel("what_you_get"),
        MultiFieldPanel(
            [
                FieldPanel("commitment"),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldPanel("pattern"),
                FieldRowPanel([FieldPanel("hours"), FieldPanel("hours_per")]),
                FieldRowPanel([FieldPanel("weekdays"), FieldPanel("evenings"), FieldPanel("weekends")]),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [FieldPanel("venue"), FieldPanel("area"), FieldPanel("from_home"), FieldPanel("accessibility")],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("minimum_age"),
                FieldPanel("suits_families"),
                FieldPanel("suits_newcomers"),
                FieldPanel("suits_welsh_learners"),
                FieldPanel("welsh_needed"),
            ],
            heading=_("Who it suits"),
        ),
        MultiFieldPanel(
            [FieldPanel("skills_and_training"), FieldPanel("checks"), FieldPanel("expenses_paid")],
            heading=_("Skills, checks and expenses"),
        ),
        MultiFieldPanel(
            [FieldPanel("people_wanted"), FieldPanel("closing_date"), FieldPanel("is_closed")],
            heading=_("How many and until when"),
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("what_you_do"),
        index.SearchField("what_you_get"),
        index.SearchField("skills_and_training"),
        index.AutocompleteField("title"),
        index.FilterField("is_closed"),
        index.FilterField("from_home"),
    ]
    # Words are translated; the dates, the group, the place and the facts are the same in both.
    translatable_fields = BasePage.translatable_fields + [
        TranslatableField("what_you_do"),
        TranslatableField("what_you_get"),
        TranslatableField("pattern"),
        TranslatableField("skills_and_training"),
        TranslatableField("checks"),
        TranslatableField("accessibility"),
        TranslatableField("group"),  # the group's page in the opportunity's language
        SynchronizedField("commitment"),
        SynchronizedField("start_date"),
        SynchronizedField("end_date"),
        SynchronizedField("hours"),
        SynchronizedField("hours_per"),
        SynchronizedField("weekdays"),
        SynchronizedField("evenings"),
        SynchronizedField("weekends"),
        SynchronizedField("venue"),
        SynchronizedField("area"),
        SynchronizedField("from_home"),
        SynchronizedField("minimum_age"),
        SynchronizedField("suits_families"),
        SynchronizedField("suits_newcomers"),
        SynchronizedField("suits_welsh_learners"),
        SynchronizedField("welsh_needed"),
        SynchronizedField("expenses_paid"),
        SynchronizedField("closing_date"),
        SynchronizedField("is_closed"),
        SynchronizedField("people_wanted"),
    ]

    parent_page_types = ["volunteering.VolunteeringIndexPage"]
    subpage_types = []
    search_type = "opportunities"
    # Where it is, for the site search's "near a postcode" filter (search.queries.positions).
    position_fields = ("venue__latitude", "venue__longitude")
    base_form_class = OpportunityPageForm

    class Meta:
        verbose_name = _("volunteering opportunity")
        verbose_name_plural = _("volunteering opportunities")

    def clean(self):
        super().clean()
        errors = {}
        if self.commitment == Commitment.ONE_OFF and not self.start_date:
            errors["start_date"] = _("Give the date of a one-off opportunity.")
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The last day cannot be before the first.")
        if self.commitment == Commitment.REGULAR and not self.pattern:
            errors["pattern"] = _(
                "Say when a regular opportunity takes place, for example “Tuesday evenings”."
            )
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if self.area_id is None and self.venue_id is not None:
            self.area_id = self.venue.area_id  # so that the area filter finds it
        return super().save(*args, **kwargs)

    @re_path(r"^(?P<word>help|helpu)/$", name="help")
    def help_form(self, request, word):
        urls = form_urls(self, HELP_PATH)
        language = self.language_code
        if word != HELP_PATH[language]:
            return redirect(urls[language], permanent=True)
        if not self.is_open or self.organiser is None:
            raise Http404
        thanks = self.url + form_path(HELP_PATH, language, thanks=True)
        group = self.organiser.specific  # the message goes to the group's own address and editors
        return message_form_view(self, request, group, self, urls[language], thanks, urls)

    @re_path(r"^(?P<word>help|helpu)/(?P<thanks>thanks|diolch)/$", name="help_thanks")
    def help_thanks(self, request, word, thanks):
        return self.render(
            request,
            template="volunteering/message_thanks.html",
            context_overrides={
                "group": self.organiser,
                "alternate_urls": form_urls(self, HELP_PATH, thanks=True),
            },
        )

    @property
    def help_url(self):
        return self.url + form_path(HELP_PATH, self.language_code)

    @property
    def is_open(self):
        return not self.is_closed and (self.closing_date is None or self.closing_date >= timezone.localdate())

    @property
    def suits(self):
        """What the opportunity suits, as labels for the page and the cards."""
        flags = (
            (self.suits_families, _("Families")),
            (self.suits_newcomers, _("People new to the area")),
            (self.suits_welsh_learners, _("Welsh learners")),
        )
        return [label for flag, label in flags if flag]

    @property
    def times(self):
        flags = (
            (self.weekdays, _("Weekdays")),
            (self.evenings, _("Evenings")),
            (self.weekends, _("Weekends")),
        )
        return [label for flag, label in flags if flag]

    @cached_property
    def organiser(self):
        """The group's page in the reader's language, else in the language it was chosen in."""
        return visible_version(self.group, self.locale_id)

    def structured_data(self, request):
        """schema.org JobPosting for a volunteer role, in the page's language:
        https://schema.org/JobPosting (``employmentType`` VOLUNTEER)."""
        data = {
            "@context": "https://schema.org",
            "@type": "JobPosting",
            "title": self.title,
            "description": self.what_you_do,
            "url": public_page_url(self, request),
            "employmentType": "VOLUNTEER",  # no inLanguage: not a JobPosting property
            "datePosted": (self.first_published_at or timezone.now()).date().isoformat(),
        }
        if self.closing_date:
            data["validThrough"] = self.closing_date.isoformat()
        if self.organiser is not None:
            data["hiringOrganization"] = {
                "@type": "Organization",
                "name": self.organiser.title,
                "sameAs": public_page_url(self.organiser, request),
            }
        if self.from_home:
            data["jobLocationType"] = "TELECOMMUTE"
            data["applicantLocationRequirements"] = {"@type": "AdministrativeArea", "name": "Wrexham"}
        if self.venue is not None or self.area_id:
            address = {"@type": "PostalAddress", "addressRegion": "Wrexham", "addressCountry": "GB"}
            if self.venue is not None:
                address["streetAddress"] = ", ".join(self.venue.localized_address.splitlines())
                address["postalCode"] = self.venue.postcode
            if self.area is not None:
                address["addressLocality"] = self.area.localized_name
            data["jobLocation"] = {"@type": "Place", "address": address}
        if self.skills_and_training:
            data["skills"] = self.skills_and_training
        if self.people_wanted:
            data["totalJobOpenings"] = self.people_wanted
        return data
