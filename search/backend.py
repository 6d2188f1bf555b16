"""Wagtail's database search backend, with relevance ranking on SQLite done in one pass.

On SQLite, Wagtail's backend (django-modelsearch) ranks by giving every matching page a
correlated subquery that runs the FTS5 match again for that page alone: fine for a hundred
matches, about a second for a word found on 1,500 pages of a 10,000-page site
(wagtail/django-modelsearch#46, #85). Here, when results are ordered by relevance, the
ranking runs once from the FTS side, the same BM25 expression over the same match, restricted
to the pages the query allows, and only the page of results asked for is fetched. Counts,
facets and everything else are Wagtail's.

On PostgreSQL, Wagtail's backend with one addition: ``ranked_rows()`` on its results, so the
search page takes its counts and its page of results from one full-text pass instead of three
(search/postgres_one_pass.py). MySQL gets Wagtail's backend as is.

Configured as ``WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backend"}}``.
"""

from modelsearch.backends import database


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks up in a backend module)
    # Each database's module imports models and functions that exist only on that database.
    backend = database.SearchBackend(params)
    if type(backend).__name__ == "SQLiteSearchBackend":
        from .sqlite_ranking import RankedSQLiteSearchBackend

        return RankedSQLiteSearchBackend(params)
    if type(backend).__name__ == "PostgresSearchBackend":
        from .postgres_one_pass import OnePassPostgresSearchBackend

        return OnePassPostgresSearchBackend(params)
    return backend
