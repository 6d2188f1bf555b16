"""What the public may see in any list: one rule for every listing, feed, calendar, search
result, JSON-LD link, sitemap and API answer.

A page is publicly visible when it is live, outside every view-restricted section (Wagtail's
login, password and group "privacy" settings cover a page and everything below it) and a real
page rather than a wagtail-localize alias (a synchronised copy of a page in another language,
which is not a translation anybody wrote). Wagtail's own ``PageQuerySet.public()`` asks the
database for the restrictions each time; they change rarely, so their paths are cached with
the page tree (``home.page_cache``), which a change of restriction retires.
See https://docs.wagtail.org/en/stable/reference/pages/queryset_reference.html#wagtail.query.PageQuerySet.public
"""

from django.db.models import Q
from wagtail.models import PageViewRestriction

from bilingual.translations import live_originals

from .page_cache import cached


def _restricted_paths():
    return sorted(PageViewRestriction.objects.values_list("page__path", flat=True))


def private_q():
    """Matches every page in a view-restricted section (the restricted page included)."""
    q = Q(pk__in=[])
    for path in cached("restricted-paths", _restricted_paths):
        q |= Q(path__startswith=path)
    return q


def publicly_visible(pages):
    """``pages`` (any page queryset) narrowed to what an anonymous reader may see listed."""
    return live_originals(pages).exclude(private_q())


def is_publicly_visible(page):
    """The same rule for one page already loaded."""
    return (
        page.live
        and page.alias_of_id is None
        and not any(page.path.startswith(path) for path in cached("restricted-paths", _restricted_paths))
    )
