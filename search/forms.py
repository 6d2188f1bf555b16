from django import forms
from django.utils.translation import gettext_lazy as _

from bilingual.names import BilingualChoiceField
from bilingual.welsh import MAX_QUERY_LENGTH

from .models import Topic
from .queries import type_labels


class SearchForm(forms.Form):
    """The search page's GET form. Values it cannot use are dropped, never an error page."""

    q = forms.CharField(label=_("Search"), required=False)
    type = forms.ChoiceField(label=_("Type"), required=False)
    topic = BilingualChoiceField(Topic, label=_("Topic"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].load_choices()
        self.fields["type"].choices = [("", _("All types"))] + type_labels()

    def clean_q(self):
        # Long pastes are cut rather than refused: the reader still gets results.
        return self.cleaned_data["q"][:MAX_QUERY_LENGTH].strip()

    @property
    def values(self):
        self.is_valid()
        data = self.cleaned_data
        return {
            "query": data.get("q", ""),
            "search_type": data.get("type") or None,
            "topic": Topic(pk=self.fields["topic"].pk_by_slug[data["topic"]]) if data.get("topic") else None,
        }
