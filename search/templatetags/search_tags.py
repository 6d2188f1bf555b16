import re

from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from bilingual.welsh import fold_accents, radical_forms

from ..pictograms import pictogram_for, pictogram_url

register = template.Library()

WORD = re.compile(r"([^\W_]+)")


@register.filter
def highlight(text, alternatives):
    """``text`` with the words that matched the query marked, in any mutated form."""
    wanted = set().union(*alternatives) if alternatives else set()
    pieces = []
    for piece in WORD.split(text or ""):
        folded = fold_accents(piece)
        if piece and WORD.fullmatch(piece) and (folded in wanted or radical_forms(folded) & wanted):
            pieces.append(f"<mark>{escape(piece)}</mark>")
        else:
            pieces.append(escape(piece))
    return mark_safe("".join(pieces))


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
