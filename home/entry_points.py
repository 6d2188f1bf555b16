"""The home page's entry points: the few things a resident comes for, as big links.

Each content app offers its own through the ``home_page_entry_points`` hook (a function (home
page, request) -> None or the dict ``entry_point`` makes), so the home page links to the
directory, the events or the guides without importing them. The address of each section's
listing is kept with the page tree (``home.page_cache``): publishing or moving a page retires it.
See https://docs.wagtail.org/en/stable/reference/hooks.html
"""

from wagtail import hooks
from wagtail.models import Page

from .page_cache import cached
from .visibility import publicly_visible


def section_urls(home_page):
    """{model label: address} of the home page's public sections (its child pages), found in
    one query and kept with the page tree."""

    def urls():
        sections = publicly_visible(Page.objects.child_of(home_page)).select_related("content_type")
        return {
            f"{page.content_type.app_label}.{page.content_type.model}": page.get_url()
            for page in sections.order_by("-path")  # the first of a type wins
        }

    return cached(f"section-urls:{home_page.pk}", urls)


def entry_point(index_model, home_page, title, description, pictogram, query="", order=0):
    """A link to ``index_model``'s listing in the home page's language (with ``query`` after
    it, such as ``?when=week``); None while that section has no public listing page."""
    url = section_urls(home_page).get(index_model._meta.label_lower)
    if url is None:
        return None
    return {
        "title": title,
        "description": description,
        "url": url + query,
        "pictogram": pictogram,
        "order": order,
    }


def entry_points(home_page, request):
    """The entry points the apps offer for this home page, in their order."""
    points = (hook(home_page, request) for hook in hooks.get_hooks("home_page_entry_points"))
    return sorted((point for point in points if point), key=lambda point: point["order"])
