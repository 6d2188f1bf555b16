"""Where the same content lives in the other language.

Used by the language switcher and the ``hreflang`` alternates on every page. A page links to
its own translation when one is live (a draft or a wagtail-localize alias does not count);
otherwise to the nearest ancestor that has one, and the reader is told the page itself is not
translated yet.
"""

from dataclasses import dataclass

from django.conf import settings
from django.urls import Resolver404, resolve, translate_url
from wagtail.models import Page, Site

from .language import current_language


def live_originals(pages):
    """Live pages that are pages in their own right, not aliases: what a lookup of "this page
    in the other language" may find (the language switch, hreflang alternates)."""
    return pages.live().filter(alias_of__isnull=True)


@dataclass(frozen=True)
class LanguageVersion:
    code: str
    name: str
    url: str
    is_current: bool
    is_exact: bool  # False when the link falls back to an ancestor or the home page


def _live_translations_by_language(page):
    translations = live_originals(page.get_translations(inclusive=False)).select_related("locale")
    return {translation.locale.language_code: translation for translation in translations}


def _nearest_translated_ancestor(page, language):
    ancestors = page.get_ancestors().filter(depth__gt=1)
    return (
        live_originals(
            Page.objects.filter(
                translation_key__in=ancestors.values("translation_key"), locale__language_code=language
            )
        )
        .order_by("-depth")
        .first()
    )


def route_in_language(page, route, language):
    """A routable page's sub-route with its first word in ``language``: the page's
    ``route_words`` (one {language: word} per view; see home.routes) say which words."""
    for words in getattr(page.specific_class or type(page), "route_words", ()):
        for word in words.values():
            if route == word or route.startswith((f"{word}/", f"{word}.")):
                return words.get(language, word) + route[len(word) :]
    return route


def _other_language_targets(page, request, current):
    """{language: (URL, exact)} for each other language: the page's live translation, else its
    nearest translated ancestor (not exact), else that language's home page."""
    translations = _live_translations_by_language(page)
    targets = {}
    for code, _name in settings.LANGUAGES:
        if code == current:
            continue
        target, exact = translations.get(code), True
        if target is None:
            target, exact = _nearest_translated_ancestor(page, code), False
        url = target.get_url(request) if target is not None else None
        targets[code] = (url, exact) if url is not None else (f"/{code}/", False)
    return targets


def _page_versions(page, request, current, remember):
    site = Site.find_for_request(request)  # a page's address is relative on its own site
    targets = remember(
        f"language-targets:{page.pk}:{current}:{site.pk if site else ''}",
        lambda: _other_language_targets(page, request, current),
    )
    page_url = page.get_url(request)
    # A routable page's sub-route (an events listing's "past/"), its words in each language.
    route = request.path[len(page_url) :] if page_url and request.path.startswith(page_url) else ""
    versions = []
    for code, name in settings.LANGUAGES:
        if code == current:
            versions.append(LanguageVersion(code, name, page_url + route, True, True))
            continue
        url, exact = targets[code]
        sub_route = route_in_language(page, route, code) if exact else ""
        versions.append(LanguageVersion(code, name, url + sub_route, False, exact))
    return versions


def _path_versions(request, current):
    path = request.get_full_path()
    try:
        is_wagtail_page_path = resolve(request.path_info).url_name == "wagtail_serve"
    except Resolver404:
        is_wagtail_page_path = True
    versions = []
    for code, name in settings.LANGUAGES:
        if code == current:
            versions.append(LanguageVersion(code, name, path, True, True))
        elif is_wagtail_page_path:
            # A page path that did not resolve to a page (a 404): the other language's home.
            versions.append(LanguageVersion(code, name, f"/{code}/", False, False))
        else:
            versions.append(LanguageVersion(code, name, translate_url(path, code), False, True))
    return versions


def _given_versions(alternate_urls, current):
    return [
        LanguageVersion(code, name, alternate_urls[code], code == current, True)
        for code, name in settings.LANGUAGES
    ]


def _compute(_name, compute):
    return compute()


def language_versions(request, page=None, alternate_urls=None, remember=_compute):
    """Each language's version of what the reader sees.

    ``alternate_urls`` ({language: url}) is for views whose addresses cannot be translated by
    swapping the language prefix, such as a topic whose slug is translated. ``remember(name,
    compute)`` may keep a page's translations: they change only when pages are published,
    moved or deleted, so ``home.page_cache.cached`` keeps them with the page tree.
    """
    current = current_language()
    if alternate_urls:
        return _given_versions(alternate_urls, current)
    if isinstance(page, Page) and page.pk:
        return _page_versions(page, request, current, remember)
    return _path_versions(request, current)
