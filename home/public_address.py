"""The site's one public address, for every absolute URL it writes.

Sitemaps, feeds, calendars, JSON-LD, the Open Referral API and e-mails all name pages by
absolute URL, and another system (a search engine, a feed reader, a calendar, a neighbouring
directory) stores them: the same thing must have the same address whichever host name the
request came in by (``localhost`` or ``127.0.0.1``, a proxy's internal name…). The address is
the ``PUBLIC_BASE_URL`` setting when it is set, else the default Wagtail ``Site``'s host and
port (``Site.root_url``, which keeps the port in development so that the addresses open).

Wagtail's ``Page.get_full_url`` uses the root URL of the page's own Site and Django's
``request.build_absolute_uri`` the request's host; neither is used for published addresses
(tests/home/test_public_address.py checks). See
https://docs.wagtail.org/en/stable/reference/models.html#wagtail.models.Site.root_url
"""

from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from wagtail.models import Site

from .page_cache import cached, forget_page_tree


def _default_site_address():
    site = Site.objects.filter(is_default_site=True).first() or Site.objects.order_by("pk").first()
    return site.root_url if site else settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def public_base_url():
    """``https://example.org`` (no trailing slash): the setting, else the default Site's address.

    Kept with the page-tree facts (one query per change of the Sites, see
    ``forget_public_base_url``)."""
    configured = getattr(settings, "PUBLIC_BASE_URL", "")
    if configured:
        return configured.rstrip("/")
    return cached("public-base-url", _default_site_address)


def forget_public_base_url(**kwargs):
    """Signal receiver: a Site was saved or deleted, so the default address (and the pages'
    addresses) may have changed."""
    forget_page_tree()


def public_url(path):
    """The public absolute URL of a site path (``/en/events/``). A URL that is already absolute
    (an image in object storage with a domain of its own) is returned as it is."""
    if "://" in path:
        return path
    return public_base_url() + path


def rehomed(url):
    """An absolute URL that Django or Wagtail built from some host (the request's, a Site's),
    moved to the public address: the same path and query string."""
    parts = urlsplit(url)
    return public_url(urlunsplit(("", "", parts.path, parts.query, parts.fragment)))


def public_page_url(page, request=None):
    """A page's public absolute URL, in its own language's path; None if it is not routable."""
    parts = page.get_url_parts(request)
    if parts is None:
        return None
    _site_id, _root_url, page_path = parts
    return public_url(page_path)
