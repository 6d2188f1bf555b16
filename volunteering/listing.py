"""Finding a way to help: the open opportunities of a listing and the reader's filters.

Filters are a GET form whose choices survive in the URL, as the events listing's do. Invalid
values are dropped, never an error page. A page of opportunities costs the same few queries
however many there are: the group's name in the reader's language comes with each row
(a subquery), not from a query per card.
"""

from django import forms
from django.core.paginator import Paginator
from django.db.models import F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bilingual.language import current_language
from bilingual.names import BilingualChoiceField
from directory.models import Area, GroupPage
from home.listing_filters import ChosenFilters
from home.visibility import publicly_visible
from places.forms import NearFilterFields
from search.models import Topic

from .models.opportunities import Commitment, OpportunityPage, open_on

TIMES = {"weekdays": Q(weekdays=True), "evenings": Q(evenings=True), "weekends": Q(weekends=True)}
SUITS = {
    "families": Q(suits_families=True),
    "new-to-the-area": Q(suits_newcomers=True),
    "young-people": Q(minimum_age__isnull=True) | Q(minimum_age__lt=18),
}
WELSH = {"speakers": Q(welsh_needed=True), "learners": Q(suits_welsh_learners=True)}


class OpportunityFilterForm(NearFilterFields, forms.Form):
    topic = BilingualChoiceField(Topic, label=_("Topic"))
    area = BilingualChoiceField(Area, label=_("Area"))
    commitment = forms.ChoiceField(
        label=_("How often"), required=False, choices=[("", _("Any"))] + Commitment.choices
    )
    time = forms.ChoiceField(
        label=_("When in the week"),
        required=False,
        choices=[
            ("", _("Any time")),
            ("weekdays", _("Weekdays")),
            ("evenings", _("Evenings")),
            ("weekends", _("Weekends")),
        ],
    )
    suits = forms.ChoiceField(
        label=_("Suitable for"),
        required=False,
        choices=[
            ("", _("Anyone")),
            ("families", _("Families")),
            ("new-to-the-area", _("People new to the area")),
            ("young-people", _("Under 18s")),
        ],
    )
    welsh = forms.ChoiceField(
        label=_("Welsh language"),
        required=False,
        choices=[
            ("", _("Any")),
            ("speakers", _("Welsh speakers needed")),
            ("learners", _("Good for Welsh learners")),
        ],
    )
    from_home = forms.BooleanField(label=_("Can be done from home"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].load_choices()
        self.fields["area"].load_choices()


def group_title_in(locale_id):
    """An annotation: the name of the opportunity's group in ``locale_id``, else as chosen."""
    translations = publicly_visible(GroupPage.objects).filter(
        translation_key=OuterRef("group__translation_key"), locale_id=locale_id
    )
    return Coalesce(Subquery(translations.values("title")[:1]), F("group__title"))


def open_opportunities(opportunities, locale_id):
    """The publicly visible, open ``opportunities``, newest first, ready for cards."""
    return (
        publicly_visible(opportunities)
        .filter(open_on(timezone.localdate()))
        .select_related("area", "venue")
        .annotate(group_title=group_title_in(locale_id))
        .order_by(F("first_published_at").desc(nulls_last=True), "-pk")
    )


class OpportunityFilter(ChosenFilters):
    """The open opportunities of one listing page after the reader's filters."""

    FILTERS = ("topic", "area", "commitment", "time", "suits", "welsh", "from_home", "near")

    def __init__(self, data, index_page):
        self.language = current_language()
        self.index_page = index_page
        self.form = OpportunityFilterForm(data)
        self.form.is_valid()  # fills cleaned_data with the values that are valid
        self.values = self.form.cleaned_data

    def queryset(self):
        values, fields = self.values, self.form.fields
        opportunities = OpportunityPage.objects.child_of(self.index_page)
        if values.get("topic"):
            opportunities = opportunities.filter(
                tagged_topics__tag_id=fields["topic"].pk_by_slug[values["topic"]]
            )
        if values.get("area"):
            opportunities = opportunities.filter(area_id=fields["area"].pk_by_slug[values["area"]])
        if values.get("commitment"):
            opportunities = opportunities.filter(commitment=values["commitment"])
        for name, conditions in (("time", TIMES), ("suits", SUITS), ("welsh", WELSH)):
            if values.get(name):
                opportunities = opportunities.filter(conditions[values[name]])
        if values.get("from_home"):
            opportunities = opportunities.filter(from_home=True)
        opportunities = open_opportunities(opportunities, self.index_page.locale_id)
        if self.form.place:  # near a postcode: the venue's distance first, then the newest
            opportunities = self.form.near_only(opportunities, "venue__latitude", "venue__longitude")
            opportunities = opportunities.order_by("distance_order", *opportunities.query.order_by)
        return opportunities

    def paginate(self, page_number, per_page):
        return Paginator(self.queryset(), per_page).get_page(page_number)
