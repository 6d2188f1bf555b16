"""Breadcrumbs: where a page sits, from its language's home page down.

Shown on every page but the home page as the GOV.UK Design System's breadcrumbs
(https://design-system.service.gov.uk/components/breadcrumbs/), and given to search engines as
a schema.org BreadcrumbList (https://schema.org/BreadcrumbList) that ends with the page itself.

The links to the ancestors are kept with the page-tree facts (``home.page_cache``: renaming,
moving or unpublishing a section retires them at once), for each page, language and site; when
they are not kept, they come from the ancestors Wagtail's routing left on each page
(treebeard's ``get_parent`` cache) or from one query. A preview never reads or keeps them.
Views that are not pages (search, topics) build their own trail with ``view_trail``.
"""

from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.translation import gettext
from wagtail.models import Page

from bilingual.language import current_language

from .page_cache import cached
from .public_address import public_base_url, public_page_url

# The tree's root is depth 1; each language's home page sits just below it.
HOME_DEPTH = 2


@dataclass(frozen=True)
class Crumb:
    title: str
    url: str  # for links on the page: relative on a single site
    full_url: str | None  # for search engines


@dataclass(frozen=True)
class Trail:
    """The links above the page (``links``, home first) and the page itself (``current``)."""

    links: list = field(default_factory=list)
    current: Crumb | None = None

    def structured_data(self):
        crumbs = [*self.links, self.current] if self.current else self.links
        return {
            "@context": "https://schema.org",
            "@type": "BreadcrumbList",
            "itemListElement": [
                {"@type": "ListItem", "position": position, "name": crumb.title, "item": crumb.full_url}
                for position, crumb in enumerate(crumbs, start=1)
            ],
        }


def _home_crumb(url, full_url):
    return Crumb(gettext("Home"), url, full_url)


def _page_crumb(page, request):
    return Crumb(page.title, page.get_url(request), public_page_url(page, request))


def _ancestors(page):
    """The page's ancestors from the home page down: those routing cached on each page, else
    one query (``Page.route`` sets ``_cached_parent_obj``, which ``get_parent`` returns)."""
    chain, node = [], page
    while node.depth > HOME_DEPTH:
        if "_cached_parent_obj" not in node.__dict__:
            return list(Page.objects.ancestor_of(page).filter(depth__gte=HOME_DEPTH).order_by("depth"))
        node = node.get_parent()
        chain.append(node)
    return chain[::-1]


def _crumbs(pages, request):
    """Crumbs for the live, routable ``pages`` (the home page's says "Home")."""
    links = []
    for page in pages:
        crumb = _page_crumb(page, request)
        if not page.live or crumb.url is None:
            continue
        links.append(_home_crumb(crumb.url, crumb.full_url) if page.depth == HOME_DEPTH else crumb)
    return links


def _links_above(page, request, include_page):
    """Links to the live, routable ancestors (and the page itself if ``include_page``)."""
    own = _crumbs([page], request) if include_page else []
    if getattr(request, "is_preview", False):
        return _crumbs(_ancestors(page), request) + own
    site = getattr(request, "_wagtail_site", None)
    key = f"crumbs:{getattr(site, 'pk', '')}:{current_language()}:{page.path}"
    return cached(key, lambda: _crumbs(_ancestors(page), request)) + own


def _is_sub_route(page, request):
    """True on a routable page's extra view (/events/past/, /groups/suggest/): the page itself
    then belongs in the trail."""
    match = getattr(request, "routable_resolver_match", None)
    if match is None or getattr(match.func, "__self__", None) is not page:
        return False
    return match.url_name != "index_route"


def page_trail(page, request):
    """The trail for a Wagtail page, or None on a home page."""
    if page.depth is None or page.depth <= HOME_DEPTH:
        return None
    if _is_sub_route(page, request):  # the extra view's own title is only in its template
        return Trail(_links_above(page, request, include_page=True))
    return Trail(_links_above(page, request, include_page=False), _page_crumb(page, request))


def view_trail(request, links, current_title):
    """The trail for a view that is not a page: ``links`` are (title, URL) pairs below the home
    page; the view itself is the current crumb, at its address without the query string."""
    root_url = public_base_url()
    home_url = reverse("wagtail_serve", args=[""])
    crumbs = [_home_crumb(home_url, root_url + home_url)]
    crumbs += [Crumb(title, url, root_url + url) for title, url in links]
    return Trail(crumbs, Crumb(current_title, request.path, root_url + request.path))
