"""The directory's filters: a GET form whose choices survive in the URL.

Invalid values (an unknown topic, a misspelt sort) are dropped, never an error page: the
reader gets the list without that filter and the form shows what was not understood.
"""

from django import forms
from django.db.models import Count, F, Prefetch, Q
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model

from bilingual.language import current_language
from bilingual.names import BilingualChoiceField
from bilingual.welsh import WELSH_ALPHABET
from home.listing import fetched_when_shown
from home.listing_filters import ChosenFilters
from home.page_cache import cached, digest
from home.visibility import publicly_visible
from places.forms import NearFilterFields
from search.models import Topic, prefetch_topics
from search.queries import DemotedLast, matching

from .models.groups import (
    WELSH_LEARNERS,
    WELSH_SPOKEN,
    Area,
    Cost,
    GroupPage,
    unchecked_before,
    unchecked_last,
)
from .schedule import DAY_CHOICES

ENGLISH_ALPHABET = list("abcdefghijklmnopqrstuvwxyz")
# The cost filter's answers: "free or low cost" includes the free groups.
COST_FILTERS = {"free": [Cost.FREE], "low": [Cost.FREE, Cost.LOW]}


class GroupFilterForm(NearFilterFields, forms.Form):
    q = forms.CharField(label=_("Search the directory"), required=False, max_length=100)
    topic = BilingualChoiceField(Topic, label=_("Topic"))
    area = BilingualChoiceField(Area, label=_("Area"))
    day = forms.ChoiceField(label=_("Meets on"), required=False, choices=[("", _("Any day")), *DAY_CHOICES])
    age = forms.IntegerField(
        label=_("Age"),
        required=False,
        min_value=0,
        max_value=120,
        help_text=_("Groups open to someone of this age."),
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    cost = forms.ChoiceField(
        label=_("Cost"),
        required=False,
        choices=[("", _("Any cost")), ("free", _("Free")), ("low", _("Free or low cost"))],
    )
    welsh = forms.BooleanField(label=_("Welsh speakers welcome"), required=False)
    learners = forms.BooleanField(label=_("Welsh learners welcome"), required=False)
    evening = forms.BooleanField(label=_("Meets in the evening"), required=False)
    step_free = forms.BooleanField(label=_("Step-free access"), required=False)
    volunteers = forms.BooleanField(label=_("Volunteers wanted"), required=False)
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[("az", _("Name, A to Z")), ("updated", _("Recently updated"))],
    )
    letter = forms.CharField(required=False, max_length=2)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].load_choices()
        self.fields["area"].load_choices()


class GroupFilter(ChosenFilters):
    FILTERS = (
        "q", "topic", "area", "day", "age", "cost", "welsh", "learners", "evening", "step_free", "volunteers",
        "letter", "near",
    )  # fmt: skip

    def __init__(self, data, index_page):
        self.language = current_language()
        self.alphabet = WELSH_ALPHABET if self.language == "cy" else ENGLISH_ALPHABET
        self.form = GroupFilterForm(data)
        self.form.is_valid()  # fills cleaned_data with the values that are valid
        self.values = self.form.cleaned_data
        self.index_page = index_page

    @property
    def letter(self):
        letter = (self.values.get("letter") or "").lower()
        return letter if letter in self.alphabet else ""

    def queryset(self):
        groups = publicly_visible(GroupPage.objects.child_of(self.index_page))
        values = self.values
        if values.get("q"):
            groups = matching(groups, values["q"])
        if values.get("topic"):
            groups = groups.filter(
                tagged_topics__tag_id=self.form.fields["topic"].pk_by_slug[values["topic"]]
            )
        if values.get("area"):
            groups = groups.filter(area_id=self.form.fields["area"].pk_by_slug[values["area"]])
        if values.get("day"):
            groups = groups.filter(meeting_days__contains=values["day"])
        if values.get("evening"):
            groups = groups.filter(meets_in_evening=True)
        if values.get("age") is not None:
            age = values["age"]
            groups = groups.filter(Q(minimum_age__isnull=True) | Q(minimum_age__lte=age)).filter(
                Q(maximum_age__isnull=True) | Q(maximum_age__gte=age)
            )
        if values.get("cost"):
            groups = groups.filter(cost__in=COST_FILTERS[values["cost"]])
        if values.get("welsh"):
            groups = groups.filter(group_language__in=WELSH_SPOKEN)
        if values.get("learners"):
            groups = groups.filter(group_language__in=WELSH_LEARNERS)
        if values.get("step_free"):
            groups = groups.filter(step_free=True)
        if values.get("volunteers"):
            groups = groups.filter(volunteers_wanted=True)
        return self.form.near_only(groups)

    def listed(self):
        """The ids of every matching group in display order, for the paginator (``with_cards``
        then fetches what the cards of the page shown need, if they are not kept).

        A to Z is the stored key of the page's own language (``bilingual.welsh``'s Welsh order
        on Welsh pages), so ``ORDER BY … LIMIT`` gives the same page Python's sort would.
        Listings "not checked recently" come after the others (directory.reviews): as two ordered
        parts read one after the other (search.queries.DemotedLast), each of which the database
        walks in the index on language and sort key, rather than sorting every group by a
        computed "not checked" term first.
        """
        # The listing's language again (child_of says it already), so the index starts there.
        groups = self.queryset().filter(title_language=self.language)
        if self.letter:
            groups = groups.filter(title_initial=self.letter)
        if self.form.place:  # near a postcode: nearest first, the distance worked out in SQL
            return groups.order_by("distance_order", "pk").values_list("pk", flat=True)
        if self.values.get("sort") == "updated":
            return groups.order_by(F("last_published_at").desc(nulls_last=True), "path").values_list(
                "pk", flat=True
            )
        not_checked = Q(last_reviewed__lt=unchecked_before())
        return DemotedLast(
            groups.exclude(not_checked).order_by("title_sort_key", "path").values_list("pk", flat=True),
            groups.filter(not_checked).order_by("title_sort_key", "path").values_list("pk", flat=True),
            counts=(self.count(not_checked=False), self.count(not_checked=True)),
        )

    @cached_property
    def _counts(self):
        """{(stored initial, not checked recently): number of matching groups}, from one GROUP BY:
        the A to Z jump list, the number listed and the split of ``listed()`` all come from it.

        The GROUP BY reads every matching group (about 10 ms at 3,000 groups on PostgreSQL), so
        its answer is kept under the page-tree version (home.page_cache: publishing, or a
        listing marked still correct, moves it on) for the filters chosen and the day's
        "not checked" date; not for free text or a postcode, which would each make a new key."""

        def count():
            rows = (
                self.queryset()
                .order_by()
                .annotate(not_checked=unchecked_last())
                .values_list("title_initial", "not_checked")
                .annotate(groups=Count("pk"))
            )
            return {(initial, bool(not_checked)): groups for initial, not_checked, groups in rows}

        if self.values.get("q") or self.form.place:
            return count()
        chosen = sorted(
            (name, str(value))
            for name, value in self.values.items()
            if name in self.FILTERS and name != "letter" and value not in (None, "", False)
        )
        return cached(f"directory-counts:{self.index_page.pk}:{unchecked_before()}:{digest(chosen)}", count)

    @cached_property
    def count_by_letter(self):
        """{stored initial: number of matching groups}."""
        letters = {}
        for (initial, _not_checked), groups in self._counts.items():
            letters[initial] = letters.get(initial, 0) + groups
        return letters

    def count(self, not_checked=None):
        """How many groups ``listed()`` lists (the letter chosen, if any), without counting
        again; of those, how many are (``not_checked=True``) not checked recently."""
        return sum(
            groups
            for (initial, stale), groups in self._counts.items()
            if (not self.letter or initial == self.letter) and (not_checked is None or stale == not_checked)
        )

    def jump_list(self):
        """Every letter of the alphabet, with whether any group listed starts with it."""
        return [(letter, letter in self.count_by_letter) for letter in self.alphabet]

    @staticmethod
    def with_cards(group_ids):
        """A page of ``group_ids`` (home.listing's ``Listed``) whose groups, with what each card
        shows, are fetched in a fixed number of queries, and only if a card is not kept."""

        def groups_with_cards(ids):
            # The rendition must match the one in directory/group_index_page.html.
            images = get_image_model().objects.prefetch_renditions("fill-160x160")
            groups = GroupPage.objects.filter(pk__in=ids)
            return groups.prefetch_related(prefetch_topics(), Prefetch("listing_image", queryset=images))

        return fetched_when_shown(group_ids, groups_with_cards)
