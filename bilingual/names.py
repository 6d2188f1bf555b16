"""Names that exist once and are spelled in both languages (topics, areas).

Lists such as topics and areas are one record each, with an English and a Welsh name and URL
slug, so a single query finds every page on a topic whichever language it is in.
"""

import threading

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from taggit.utils import parse_tags

from .language import current_language
from .welsh import sort_key_for

# The lists read during the request being served: a listing asks for an area's name once per
# card (``name_for``), and each ask was a round trip to Redis. Only for the length of one
# request, so another process's edit shows on the next request as before.
_this_request = threading.local()


def _start_request_memo(**kwargs):
    _this_request.choices = {}


def _end_request_memo(**kwargs):
    _this_request.choices = None


request_started.connect(_start_request_memo, dispatch_uid="bilingual-choices-memo-start")
request_finished.connect(_end_request_memo, dispatch_uid="bilingual-choices-memo-end")


class BilingualNameMixin(models.Model):
    """Adds the Welsh name and slug beside a model's English ``name`` and ``slug``."""

    name_cy = models.CharField(
        _("Welsh name"), max_length=100, unique=True, help_text=_("The name as Welsh readers see it.")
    )
    slug_cy = models.SlugField(
        _("Welsh slug"),
        max_length=100,
        unique=True,
        blank=True,
        help_text=_("Used in Welsh web addresses. Leave empty to make one from the Welsh name."),
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self.slug_cy:
            self.slug_cy = slugify(self.name_cy)
        super().save(*args, **kwargs)
        self.forget_choices()

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        self.forget_choices()
        return result

    @classmethod
    def _choices_cache_key(cls, language):
        return f"bilingual-choices:{cls._meta.label_lower}:{language}"

    @classmethod
    def forget_choices(cls):
        keys = [cls._choices_cache_key(code) for code, _name in settings.LANGUAGES]
        cache.delete_many(keys)
        for key in keys:
            (getattr(_this_request, "choices", None) or {}).pop(key, None)

    @classmethod
    def name_for(cls, pk, language=None):
        """The item's name in the reader's language, from the cached list (no query)."""
        if pk is None:
            return ""
        return next(
            (
                name
                for item_pk, _slug, name in cls.choices_for(language or current_language())
                if item_pk == pk
            ),
            "",
        )

    @classmethod
    def choices_for(cls, language):
        """(pk, slug, name) of every item in the language's alphabetical order, cached.

        Filters on every listing page read these lists; they change only when an editor saves
        one, which clears the cache (bulk updates outside the admin expire within the hour).
        """
        key = cls._choices_cache_key(language)
        memo = getattr(_this_request, "choices", None)
        if memo is not None and key in memo:
            return memo[key]
        choices = cache.get(key)
        if choices is None:
            rows = cls.objects.values_list("pk", cls.slug_field_for(language), cls.name_field_for(language))
            choices = sorted(rows, key=lambda row: sort_key_for(language)(row[2]))
            cache.set(key, choices, 60 * 60)
        if memo is not None:
            memo[key] = choices
        return choices

    @property
    def localized_name(self):
        return self.name_cy if current_language() == "cy" else self.name

    @property
    def localized_slug(self):
        return self.slug_cy if current_language() == "cy" else self.slug

    @classmethod
    def slug_field_for(cls, language=None):
        return "slug_cy" if (language or current_language()) == "cy" else "slug"

    @classmethod
    def name_field_for(cls, language=None):
        return "name_cy" if (language or current_language()) == "cy" else "name"


class BilingualChoiceField(forms.ChoiceField):
    """A choice among the items of a BilingualNameMixin model, by slug in the reader's language.

    The form calls ``load_choices()`` when it is built (not at import time, when the database
    may not exist yet); ``pk_by_slug`` then maps the submitted slug to the item.
    """

    def __init__(self, model, **kwargs):
        self.model = model
        self.pk_by_slug = {}
        super().__init__(required=False, **kwargs)

    def load_choices(self):
        choices = self.model.choices_for(current_language())
        self.pk_by_slug = {slug: pk for pk, slug, _name in choices}
        self.choices = [("", _("All"))] + [(slug, name) for _pk, slug, name in choices]


class BilingualTagCheckboxes(forms.CheckboxSelectMultiple):
    """The tag picker for a controlled list of bilingual names (topics): one box per item,
    labelled in the editor's language and in its alphabetical order.

    Wagtail's ``TagField`` (the form field of a ``ClusterTaggableManager``) sets ``tag_model``
    on its widget and parses the comma-separated English names this widget submits, so the
    stored tags are the same whichever language the editor works in. Wagtail's own tag widget
    autocompletes the English ``name`` only, which a Welsh-speaking editor would have to guess.
    Use it as ``FieldPanel("topics", widget=BilingualTagCheckboxes)``
    (https://docs.wagtail.org/en/stable/reference/panels.html#fieldpanel).
    """

    tag_model = None  # set by Wagtail's TagField
    free_tagging = False  # the list is the council's; editors choose from it

    def get_context(self, name, value, attrs):
        language = current_language()
        rows = self.tag_model.objects.values_list("name", self.tag_model.name_field_for(language))
        self.choices = sorted(rows, key=lambda row: sort_key_for(language)(row[1]))
        return super().get_context(name, value, attrs)

    def format_value(self, value):
        """The English names of the chosen tags: from the page's tags or the submitted text."""
        if value is None:
            return []
        if isinstance(value, str):
            return parse_tags(value)
        return [getattr(tag, "name", tag) for tag in value]

    def value_from_datadict(self, data, files, name):
        names = data.getlist(name) if hasattr(data, "getlist") else data.get(name) or []
        return ", ".join(f'"{tag}"' for tag in names)
