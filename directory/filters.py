"""The directory's filters: a GET form whose choices survive in the URL.

Invalid values (an unknown topic, a misspelt sort) are dropped, never an error page: the
reader gets the list without that filter and the form shows what was not understood.
"""

from datetime import UTC, datetime

from django import forms
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model

from bilingual.language import current_language
from bilingual.names import BilingualChoiceField
from bilingual.welsh import WELSH_ALPHABET, initial_letter, sort_key_for
from home.visibility import publicly_visible
from places.forms import NearFilterFields
from search.models import Topic
from search.queries import matching

from .models.groups import Area, GroupPage

ENGLISH_ALPHABET = list("abcdefghijklmnopqrstuvwxyz")


class GroupFilterForm(NearFilterFields, forms.Form):
    q = forms.CharField(label=_("Search the directory"), required=False, max_length=100)
    topic = BilingualChoiceField(Topic, label=_("Topic"))
    area = BilingualChoiceField(Area, label=_("Area"))
    welsh = forms.BooleanField(label=_("Welsh speakers welcome"), required=False)
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


class GroupFilter:
    def __init__(self, data, index_page):
        self.language = current_language()
        self.alphabet = WELSH_ALPHABET if self.language == "cy" else ENGLISH_ALPHABET
        self.form = GroupFilterForm(data)
        self.form.is_valid()  # fills cleaned_data with the values that are valid
        self.values = self.form.cleaned_data
        self.index_page = index_page

    @property
    def is_filtered(self):
        return any(
            self.values.get(name) for name in ("q", "topic", "area", "welsh", "volunteers", "letter", "near")
        )

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
        if values.get("welsh"):
            groups = groups.filter(welsh_speakers_welcome=True)
        if values.get("volunteers"):
            groups = groups.filter(volunteers_wanted=True)
        return self.form.near_only(groups)

    def ordered_ids(self):
        """Ids of every matching group in display order (A–Z by the language's alphabet).

        Also notes which initial letters the other filters leave, for the A–Z jump list.
        """
        rows = self.queryset().values_list("pk", "title", "last_published_at")
        if self.values.get("sort") == "updated":
            never = datetime.min.replace(tzinfo=UTC)  # pages imported without a publish date
            rows = sorted(rows, key=lambda row: row[2] or never, reverse=True)
        else:
            sort_key = sort_key_for(self.language)
            rows = sorted(rows, key=lambda row: sort_key(row[1]))
        initials = [initial_letter(row[1], self.language) for row in rows]
        self.letters_available = set(initials)
        if self.letter:
            rows = [row for row, initial in zip(rows, initials, strict=True) if initial == self.letter]
        ids = [row[0] for row in rows]
        if self.form.place:  # near a postcode: nearest first, the distance worked out in SQL
            listed = set(ids)
            nearest_first = self.queryset().order_by("distance_order", "pk").values_list("pk", flat=True)
            ids = [pk for pk in nearest_first if pk in listed]
        return ids

    def jump_list(self):
        """Every letter of the alphabet, with whether any group listed starts with it."""
        return [(letter, letter in self.letters_available) for letter in self.alphabet]

    def groups_in_order(self, ids):
        # The rendition must match the one in directory/group_index_page.html.
        images = get_image_model().objects.prefetch_renditions("fill-160x160")
        groups = GroupPage.objects.filter(pk__in=ids).prefetch_related(
            "topics", Prefetch("listing_image", queryset=images)
        )
        by_id = {group.pk: group for group in groups}
        return [by_id[pk] for pk in ids if pk in by_id]
