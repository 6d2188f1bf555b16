"""The page cache: whole pages for anonymous readers, and the facts about the page tree that
every page shows (navigation, footer links, the private sections).

Both are stored under a page-tree "version" that publishing, unpublishing, moving or deleting
any page (or changing who may see it) bumps, so everything cached retires at once and no page
ever shows a stale menu or a stale copy for longer than the cache round trip.
"""

from contextvars import ContextVar

from django.conf import settings
from django.core.cache import cache
from django.core.signals import got_request_exception, request_finished, request_started
from django.dispatch import receiver
from django.utils.cache import has_vary_header

VERSION_KEY = "page-tree-version"
# A reader who has hidden a site alert (home.alerts) sees pages of their own.
HIDDEN_ALERTS_COOKIE = "hidden_alerts"

# The facts this request has read already ({cache key: value}, the version under VERSION_KEY),
# so that a page asking for the navigation, the private sections or the alerts several times
# (a listing checks the private sections for every item) goes to the cache once for each.
# None outside a request: management commands and tests that call these directly read the
# cache every time. Publishing within the request (forget_page_tree) empties it.
_request_facts = ContextVar("page_tree_facts", default=None)


@receiver(request_started)
def _start_reading_facts(**kwargs):
    _request_facts.set({})


@receiver(request_finished)
@receiver(got_request_exception)  # the test client sends no request_finished after a view raises
def _stop_reading_facts(**kwargs):
    _request_facts.set(None)


def tree_key(name):
    facts = _request_facts.get()
    version = facts.get(VERSION_KEY) if facts is not None else None
    if version is None:
        version = cache.get(VERSION_KEY)
        if version is None:
            version = 1
            cache.add(VERSION_KEY, version, None)
        if facts is not None:
            facts[VERSION_KEY] = version
    return f"page-tree:{version}:{name}"


def forget_page_tree(**kwargs):
    facts = _request_facts.get()
    if facts is not None:
        facts.clear()
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not set yet: nothing cached under it
        cache.add(VERSION_KEY, 1, None)


def cached(name, compute, timeout=60 * 60):
    key = tree_key(name)
    facts = _request_facts.get()
    if facts is not None and key in facts:
        return facts[key]
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout)
    if facts is not None:
        facts[key] = value
    return value


def keep_no_longer_than(request, seconds):
    """Say, while rendering, that this page is right for ``seconds`` more at most (a site alert
    starts or ends then); the page cache keeps it no longer."""
    request.page_cache_seconds = min(seconds, keep_page_for(request))


def keep_page_for(request):
    return getattr(request, "page_cache_seconds", settings.PAGE_CACHE_SECONDS)


class AnonymousPageCacheMiddleware:
    """Serve anonymous readers whole pages from the cache.

    A page is cached only for a GET by someone not signed in, without a query string from
    previews, when it is a 200 that sets no cookie, is not marked private and is the same for
    every reader: a page whose rendering used the CSRF token (any form) or that varies with the
    reader's cookies is never stored, since another reader could not post that form. Entries
    live under the page-tree version (``tree_key``), so publishing, unpublishing, moving
    or deleting any page, in either language, retires them all at once. Editors and previews are
    never served from or stored in the cache.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def _cacheable_request(self, request):
        return (
            settings.PAGE_CACHE_SECONDS > 0
            and request.method in ("GET", "HEAD")
            and not request.user.is_authenticated
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and HIDDEN_ALERTS_COOKIE not in request.COOKIES
            and not request.path_info.startswith(("/admin/", "/documents/"))
        )

    @staticmethod
    def _same_for_every_reader(request, response):
        # get_token() flags CSRF_COOKIE_NEEDS_UPDATE; CsrfViewMiddleware, which runs after this
        # middleware on the way out, then sets the cookie and "Vary: Cookie". A view decorated
        # with csrf_protect has done both already, so either signal means "this reader's form".
        return (
            response.status_code == 200
            and not response.cookies
            and not response.streaming
            and "private" not in response.get("Cache-Control", "")
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and not has_vary_header(response, "Cookie")
        )

    def __call__(self, request):
        if not self._cacheable_request(request):
            return self.get_response(request)
        key = tree_key(f"page:{request.get_host()}:{request.get_full_path()}")
        response = cache.get(key)
        if response is not None:
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if hasattr(response, "render") and callable(response.render):
            response.render()  # a template using the CSRF token only says so once rendered
        if self._same_for_every_reader(request, response):
            cache.set(key, response, min(settings.PAGE_CACHE_SECONDS, keep_page_for(request)))
            response["X-Page-Cache"] = "miss"
        return response
