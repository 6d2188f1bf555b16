"""The search page's GET form.

Another app may add the "near a postcode" fields through the ``search_near_fields`` Wagtail hook
(https://docs.wagtail.org/en/stable/reference/hooks.html): a function returning a form class
with ``near`` and ``within``, a ``place`` after validation and ``near_pages(pages, positions)``
(``places`` registers ``places.forms.NearFilterFields``). The search imports no such app: the
hook is looked up by name, and without one the search simply has no distance filter.
"""

from functools import cache

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from bilingual.names import BilingualChoiceField
from bilingual.welsh import MAX_QUERY_LENGTH

from .models import Topic
from .queries import type_labels


class SearchFields(forms.Form):
    """The search's own fields. Values it cannot use are dropped, never an error page."""

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
    def has_near(self):
        return "near" in self.fields

    @property
    def values(self):
        self.is_valid()
        data = self.cleaned_data
        return {
            "query": data.get("q", ""),
            "search_type": data.get("type") or None,
            "topic": Topic(pk=self.fields["topic"].pk_by_slug[data["topic"]]) if data.get("topic") else None,
        }


@cache
def search_form_class():
    """The search form: its own fields and those of the ``search_near_fields`` hook, if any."""
    extra = tuple(hook() for hook in hooks.get_hooks("search_near_fields"))
    return type("SearchForm", (SearchFields, *extra), {}) if extra else SearchFields
