"""Kept routes: which page a public address leads to, remembered with the page-tree facts.

Wagtail finds a page by walking down from the site's root one slug at a time: for
``/en/groups/gresford-library/`` it reads the site, the active locale, the root page and its
translation, the directory and then the group, each with its own query (and a second one for
``specific``). Every public request pays for that walk, whatever else it shows.

``KeptRoutesMiddleware`` remembers, under the page-tree version (``home.page_cache``), where the
walk for an address ends: the page to start from (the page shown, or its parent where the parent
loads its children with what they show, ``home.models.RoutesChildrenInOneQuery``) and the path
components left after it. A later request loads that one page by its id and lets it route the
rest (its own sub-routes, its child): Wagtail's own ``route()``, so a page that is no longer
live still gives a 404 and view restrictions are still checked (``before_serve_page``). The
start page's ``url_path`` is checked against the one remembered, so a renamed or moved page is
never reached at its old address even before the version moves on. The site for a host is
kept the same way (saving a site retires both).

Wagtail documents both request attributes it reads first (``request._wagtail_site`` in
``Site.find_for_request`` and ``request._wagtail_route_for_request`` in
``Page.route_for_request``); this fills them. See
https://docs.wagtail.org/en/stable/reference/pages/model_reference.html#wagtail.models.Page.route
"""

from django.apps import apps
from django.http import Http404
from django.http.request import split_domain_port
from wagtail import views as wagtail_views
from wagtail.models import Page, Site

from bilingual.language import current_language

from .models import RoutesChildrenInOneQuery
from .page_cache import cached

NOWHERE = ""  # a kept "no page here": cached() keeps no None


def kept_site(request):
    """The site of the request's host and port (Wagtail's own match), kept with the facts."""
    if not hasattr(request, "_wagtail_site"):
        hostname = split_domain_port(request._get_raw_host())[0]
        site = cached(
            f"site:{hostname}:{request.get_port()}", lambda: Site.find_for_request(request) or NOWHERE
        )
        request._wagtail_site = site or None
    return request._wagtail_site


def _where_routing_starts(request, site, path, components):
    """Route as Wagtail does (the result stays on the request) and say where a later request
    may start: (model label, page id, its url_path, how many path components it consumed)."""
    result = Page.route_for_request(request, path)
    if result is None:
        return NOWHERE
    shown = result.page
    parent = getattr(shown, "_cached_parent_obj", None)
    start = parent if isinstance(parent, RoutesChildrenInOneQuery) else shown
    # Routing began at the root's translation in this language, at the root's depth: the
    # start's url_path below it is the path the start consumed.
    own = start.url_path.strip("/").split("/")[site.root_page.depth - 1 :]
    if start.depth < site.root_page.depth or components[: len(own)] != own:
        return NOWHERE  # reached some other way: Wagtail's
    return (start._meta.label_lower, start.pk, start.url_path, len(own))


def prime_route(request, path):
    """Fill in Wagtail's route for ``path`` from the kept start, or route and keep it."""
    site = kept_site(request)
    if site is None or hasattr(request, "_wagtail_route_for_request"):
        return
    components = [part for part in path.split("/") if part]
    key = f"route:{site.pk}:{current_language()}:{'/'.join(components)}"
    start = cached(key, lambda: _where_routing_starts(request, site, path, components))
    if not start or hasattr(request, "_wagtail_route_for_request"):
        return  # no page there, or just routed while computing it
    label, pk, url_path, consumed = start
    page = apps.get_model(label).objects.filter(pk=pk).first()
    if page is None or page.url_path != url_path:
        return  # gone or moved since: Wagtail routes it afresh
    try:
        request._wagtail_route_for_request = page.route(request, components[consumed:])
    except Http404:
        request._wagtail_route_for_request = None


class KeptRoutesMiddleware:
    """Gives every request its kept site, and starts Wagtail's page serving from the kept
    route (see the module's docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        kept_site(request)  # every view's settings and links ask for it, pages or not
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is wagtail_views.serve:
            prime_route(request, view_args[0] if view_args else view_kwargs.get("path", ""))
        return None
