import re
from functools import lru_cache

from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from bilingual.welsh import fold_accents, radical_forms

from ..pictograms import pictogram_for, pictogram_url

register = template.Library()

WORD = re.compile(r"([^\W_]+)")


@lru_cache(maxsize=4096)
def _forms_of(word):
    """A word's folded form and every radical form it may have (results repeat words)."""
    folded = fold_accents(word)
    return frozenset({folded, *radical_forms(folded)})


@register.filter
def highlight(text, alternatives):
    """``text`` with the words that matched the query marked, in any mutated form."""
    wanted = set().union(*alternatives) if alternatives else set()
    pieces = []
    for index, piece in enumerate(WORD.split(text or "")):
        # WORD has one group, so split() puts the words at the odd places.
        if index % 2 and _forms_of(piece) & wanted:
            pieces.append(f"<mark>{escape(piece)}</mark>")
        else:
            pieces.append(escape(piece))
    return mark_safe("".join(pieces))


@register.filter
def marked_words(alternatives):
    """The words ``highlight`` marks for ``alternatives``, as one text: what a kept result card
    varies on."""
    return " ".join(sorted(set().union(*alternatives))) if alternatives else ""


@register.filter
def get_item(mapping, key):
    return mapping.get(key)


@register.filter
def verbose_name_of(model):
    return model._meta.verbose_name.capitalize()


@register.simple_tag
def topic_pictogram(page, width, height, css_class):
    """The pictogram of ``page``'s first topic as an ``<img>``, for a page without a picture of
    its own (``{% if page.listing_image %}…{% else %}{% topic_pictogram page 400 260 "card__image" %}``).

    Decorative (``alt=""``): the page's title is always beside it. Width and height reserve its
    space as an uploaded picture's rendition does; CSS crops it to the box (``object-fit``).
    """
    return format_html(
        '<img src="{}" width="{}" height="{}" alt="" class="{} pictogram" data-pictogram="{}">',
        pictogram_url(name := pictogram_for(page)),
        width,
        height,
        css_class,
        name,
    )
