"""Cached facts about the page tree that every page shows (navigation, footer links).

They change only when pages are published, unpublished, moved or deleted, so they are cached
under a tree "version" that those events bump; no page ever shows a stale menu for longer
than the cache round trip.
"""

from django.core.cache import cache

VERSION_KEY = "page-tree-version"


def tree_key(name):
    version = cache.get(VERSION_KEY)
    if version is None:
        version = 1
        cache.add(VERSION_KEY, version, None)
    return f"page-tree:{version}:{name}"


def forget_page_tree(**kwargs):
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not set yet: nothing cached under it
        cache.add(VERSION_KEY, 1, None)


def cached(name, compute, timeout=60 * 60):
    key = tree_key(name)
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout)
    return value
