import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

from bilingual.welsh import fold_accents, radical_forms

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
