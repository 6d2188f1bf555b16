"""The page cache: whole pages for anonymous readers, and the facts about the page tree that
every page shows (navigation, footer links, the private sections).

Both are stored under a page-tree "version" that publishing, unpublishing, moving or deleting
any page (or changing who may see it) bumps, so everything cached retires at once and no page
ever shows a stale menu or a stale copy for longer than the cache round trip.

Because a fact's key holds the version, a value stored under it never changes: each process
also keeps the facts it has read (``_process_facts``), so a request asks the shared cache for
the version once and for the facts only when the version has moved on. The version starts
from the clock, not from 1, so a cache that was emptied (Redis restarted, a test's
``cache.clear()``) never brings back a version this process still holds facts for.
"""

import hashlib
import time
from collections import OrderedDict
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import cache
from django.core.signals import got_request_exception, request_finished, request_started
from django.dispatch import receiver
from django.middleware.gzip import re_accepts_gzip
from django.utils.cache import has_vary_header

from .compression import GZipPublicPagesMiddleware

VERSION_KEY = "page-tree-version"
# A reader who has hidden a site alert (home.alerts) sees pages of their own.
HIDDEN_ALERTS_COOKIE = "hidden_alerts"

# The facts this request has read already ({cache key: value}, the version under VERSION_KEY),
# so that a page asking for the navigation, the private sections or the alerts several times
# (a listing checks the private sections for every item) goes to the cache once for each.
# None outside a request: management commands and tests that call these directly read the
# cache every time. Publishing within the request (forget_page_tree) empties it.
_request_facts = ContextVar("page_tree_facts", default=None)
# The facts this process has read under a version the shared cache gave ({cache key: (value,
# monotonic time it is kept until)}), the most recently used last; at most PROCESS_FACTS.
_process_facts = OrderedDict()
PROCESS_FACTS = 512
# Marks, in a request's facts, that its version came from the shared cache (not a fallback
# while the cache is unreachable), so that facts under it may be kept by the process.
SHARED_VERSION = "page-tree-version-is-shared"


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
        shared = version is not None
        if version is None:
            version = time.time_ns()
            shared = cache.add(VERSION_KEY, version, None)
        if facts is not None:
            facts[VERSION_KEY] = version
            facts[SHARED_VERSION] = shared
    return f"page-tree:{version}:{name}"


def forget_page_tree(**kwargs):
    facts = _request_facts.get()
    if facts is not None:
        facts.clear()
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not set yet: nothing cached under it
        cache.add(VERSION_KEY, time.time_ns(), None)


def digest(value):
    """A short key part standing for ``value`` (the filters chosen, a search's words): what a
    fact that varies with the reader's choices adds to its name."""
    return hashlib.sha256(repr(value).encode()).hexdigest()[:32]


def cached(name, compute, timeout=60 * 60, still_good=None):
    """The fact ``name`` under the current page-tree version: from this request's or this
    process's own copy, else the shared cache, else ``compute()`` (then stored in both).
    A process keeps the PROCESS_FACTS it used most recently, so facts with many keys (each
    address's route, each choice of filters) push out the least used, never the menus every
    page reads. ``still_good(value)``, for a fact that time alone makes stale (the next events,
    once one of them is over), says whether a kept value may be used; one that may not is
    computed again and stored in its place."""
    key = tree_key(name)
    facts = _request_facts.get()
    if facts is not None and key in facts:
        return facts[key]

    def usable(value):
        return value is not None and (still_good is None or still_good(value))

    keep_in_process = facts is not None and facts.get(SHARED_VERSION)
    kept = _process_facts.get(key) if keep_in_process else None
    if kept is not None and kept[1] > time.monotonic() and usable(kept[0]):
        value = kept[0]
        _process_facts.move_to_end(key)
    else:
        value = cache.get(key)
        if not usable(value):
            value = compute()
            if facts is not None:
                # Computing may itself have changed the tree (Wagtail creates a site's settings
                # the first time they are read): store the value under the version it saw.
                key = tree_key(name)
                keep_in_process = facts.get(SHARED_VERSION)
            cache.set(key, value, timeout)
        if keep_in_process:
            # No longer than the shared cache keeps it (an hour at most, in case it expires).
            _process_facts[key] = (value, time.monotonic() + min(timeout or 3600, 3600))
            if len(_process_facts) > PROCESS_FACTS:
                _process_facts.popitem(last=False)
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

    It sits just below the sessions in MIDDLEWARE, above CSRF, authentication, messages, CSP
    and the rest: a page from the cache is served without them (each added what it adds to the
    stored response on its way out the first time). A page for a browser that takes gzip (the
    key says which) is stored compressed (``GZipPublicPagesMiddleware``, which then leaves it
    alone), so it is compressed once, not for every reader. Nobody signed in has no session
    cookie, so the request is judged by its cookies alone and the response once more by
    ``request.user`` before it is stored.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def _cacheable_request(self, request):
        return (
            settings.PAGE_CACHE_SECONDS > 0
            and request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and "HTTP_AUTHORIZATION" not in request.META
            and HIDDEN_ALERTS_COOKIE not in request.COOKIES
            and not request.path_info.startswith(("/admin/", "/documents/"))
        )

    @staticmethod
    def _same_for_every_reader(request, response):
        # get_token() flags CSRF_COOKIE_NEEDS_UPDATE; CsrfViewMiddleware, below this one, then
        # sets the cookie and "Vary: Cookie" on the way out (so does a view decorated with
        # csrf_protect): any of these signals means "this reader's form".
        user = getattr(request, "user", None)
        return (
            response.status_code == 200
            and not (user is not None and user.is_authenticated)
            and not response.cookies
            and not response.streaming
            and "private" not in response.get("Cache-Control", "")
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and not has_vary_header(response, "Cookie")
        )

    def __call__(self, request):
        if not self._cacheable_request(request):
            return self.get_response(request)
        compressed = bool(re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")))
        key = tree_key(f"page{'-gzip' if compressed else ''}:{request.get_host()}:{request.get_full_path()}")
        response = cache.get(key)
        if response is not None:
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if hasattr(response, "render") and callable(response.render):
            response.render()  # a template using the CSRF token only says so once rendered
        if self._same_for_every_reader(request, response):
            if compressed:
                response = GZipPublicPagesMiddleware(self.get_response).process_response(request, response)
            cache.set(key, response, min(settings.PAGE_CACHE_SECONDS, keep_page_for(request)))
            response["X-Page-Cache"] = "miss"
        return response
