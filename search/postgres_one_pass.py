"""One full-text pass for a whole search on Wagtail's PostgreSQL search backend (see
search/backend.py).

A search page needs three things from the same matches: the number per type (the type
filters), the number in all (the paginator) and one page of them, best first. Through
Wagtail's API that is three full-text queries (``.facet()``, ``.count()`` and the slice), each
matching and joining every index entry again, and for the facet and the count ranking nothing.
``ranked_rows`` runs the backend's own query once, in its own order (the same filter, the same
``ts_rank`` expression, ties broken by id), for a few plain columns of every match: the counts
and the page are then taken from that list.

Imported only on PostgreSQL.
"""

from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend, PostgresSearchResults


class OnePassPostgresSearchResults(PostgresSearchResults):
    def ranked_rows(self, *fields):
        """``fields`` of every match, best first: one query, ordered as Wagtail's backend orders."""
        return list(self.get_queryset().values_list(*fields))


class OnePassPostgresSearchBackend(PostgresSearchBackend):
    results_class = OnePassPostgresSearchResults
