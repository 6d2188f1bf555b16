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
from wagtail.models import Page, PageViewRestriction

from bilingual.translations import live_originals

from .page_cache import cached


def _restricted_paths():
    return sorted(PageViewRestriction.objects.values_list("page__path", flat=True))


def _served_restricted_paths():
    """The paths below which serving a page finds a view restriction, as Wagtail's
    ``Page.get_view_restrictions`` finds them: each restricted page's, and each alias's of a
    restricted page (an alias takes its source's restrictions; the source's own ancestors are
    not asked)."""
    restricted = PageViewRestriction.objects.values_list("page_id", flat=True)
    paths = set(PageViewRestriction.objects.values_list("page__path", flat=True))
    paths.update(Page.objects.filter(alias_of_id__in=restricted).values_list("path", flat=True))
    return sorted(paths)


def may_be_restricted(page):
    """False only when Wagtail would find no view restriction on ``page`` or above it: it is no
    alias and no restricted page (or alias of one) is above it or itself."""
    if page.alias_of_id is not None:
        return True
    return any(
        page.path.startswith(path) for path in cached("served-restricted-paths", _served_restricted_paths)
    )


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


def visible_version(page, locale_id):
    """The page a link to ``page`` shows to a reader in ``locale_id``: its publicly visible
    translation in that language, else the visible page in another language, else None.

    Every link from one page to another page that is translated (an event's or opportunity's
    group, the group telling a story) is stored as wagtail-localize stores a ``TranslatableField``
    foreign key: rewritten to the page in the linking page's language when that is translated
    (https://wagtail-localize.org/stable/how-to/field-configuration/). The link can still be
    behind: the group may have been translated, or its translation published, after the event
    was. This looks at the page's translations then, in one query; none when the link is
    already right. The page it returns is a plain ``Page``: its title and URL are what links need.
    """
    if page is None:
        return None
    if page.locale_id == locale_id and is_publicly_visible(page):
        return page
    versions = publicly_visible(Page.objects).filter(translation_key=page.translation_key)
    by_locale = {version.locale_id: version for version in versions}
    return by_locale.get(locale_id) or by_locale.get(page.locale_id) or next(iter(by_locale.values()), None)
