"""The story index's filters: a GET form of topic and area, by their slug in the reader's language.

Values it does not know (an old topic, a misspelt area) are dropped, never an error page: the
reader gets the stories without that filter and the form shows what was not understood.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from bilingual.names import BilingualChoiceField
from directory.models import Area
from home.listing_filters import ChosenFilters
from search.models import Topic


class StoryFilterForm(ChosenFilters, forms.Form):
    FILTERS = ("topic", "area")

    topic = BilingualChoiceField(Topic, label=_("Topic"))
    area = BilingualChoiceField(Area, label=_("Area"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].load_choices()
        self.fields["area"].load_choices()
        self.is_valid()  # keeps the valid values in cleaned_data

    @property
    def values(self):
        return self.cleaned_data

    def filter(self, stories):
        topic, area = self.cleaned_data.get("topic"), self.cleaned_data.get("area")
        if topic:
            stories = stories.filter(tagged_topics__tag_id=self.fields["topic"].pk_by_slug[topic])
        if area:
            stories = stories.filter(area_id=self.fields["area"].pk_by_slug[area])
        return stories
