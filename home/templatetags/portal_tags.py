from django import template
from django.conf import settings
from django.utils.translation import get_language
from wagtail.models import Page

from home.language import language_versions as find_language_versions

register = template.Library()


@register.simple_tag(takes_context=True)
def language_versions(context):
    """The page in each language (see ``home.language``), computed once per request."""
    request = context.get("request")
    if request is None:
        return []
    if not hasattr(request, "_language_versions"):
        request._language_versions = find_language_versions(request, context.get("page"))
    return request._language_versions


@register.simple_tag(takes_context=True)
def main_navigation(context):
    """The home page of the reader's language and its live children marked "show in menus"."""
    request = context.get("request")
    language = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    home = (
        Page.objects.filter(depth=2, locale__language_code=language, live=True).first()
        if request is not None
        else None
    )
    if home is None:
        return {"home": None, "items": []}
    return {"home": home, "items": list(home.get_children().live().in_menu())}

