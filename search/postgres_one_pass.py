"""One full-text pass for a whole search on Wagtail's PostgreSQL search backend (see
search/backend.py), started from the index entries.

A search page needs three things from the same matches: the number per type (the type
filters), the number in all (the paginator) and one page of them, best first. Through
Wagtail's API that is three full-text queries (``.facet()``, ``.count()`` and the slice), each
matching and joining every index entry again, and for the facet and the count ranking nothing.
``ranked_rows`` runs one query for the page id and type of every match, best first: the counts
and the page are then taken from that list.

That query starts from Wagtail's index entry table, not from the pages. Wagtail's backend
joins the entries to ``wagtailcore_page`` on ``object_id = page.id::varchar`` (the entry's id
is text) and filters by ``(title || body) @@ query`` on the joined rows; at 10,000 pages
PostgreSQL then cast and looked up an entry for every page of the language, even for a word
no page contains (about 140 ms). Here the match is on the entries alone, which the GIN index
on ``title || body`` (search/migrations/0002) serves, the content types are the entries' own
column, and only the matched entries' ids (cast to integers) meet the pages the search may
show, a subquery of page ids. The ranking is Wagtail's own expression (``ts_rank`` of the
title, weighted by ``title_norm``, plus that of the body) on the same columns, ties broken by
page id as Wagtail's ``order_by(rank.desc(), "-pk")`` does; tests/search/test_backend.py checks
the order, the counts and the plan against Wagtail's backend.

Imported only on PostgreSQL.
"""

from django.db.models import F, IntegerField
from django.db.models.functions import Cast
from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,
    PostgresSearchBackend,
    PostgresSearchResults,
)
from modelsearch.query import Fuzzy, MatchAll, Not
from modelsearch.utils import get_descendants_content_types_pks


class OnePassPostgresSearchResults(PostgresSearchResults):
    def ranked_rows(self, among=None):
        """(page id, content type id) of every match, best first, in one query from the index
        entries; Wagtail's own query where its search is not a ranked full-text match.

        ``among``: the pages the matches must be among, when the searched queryset carries them
        only as a subquery of ids for Wagtail's backend (search.queries.searchable): PostgreSQL
        does not fold a page subquery into another, and at 10,000 pages scanning the pages twice
        cost more than the match (docs/benchmarks.md)."""
        compiler = self.query_compiler
        query = compiler.query
        if (
            isinstance(query, (MatchAll, Not, Fuzzy))
            or compiler.fields is not None
            or not compiler.order_by_relevance
        ):
            return list(self.get_queryset().values_list("pk", "content_type_id"))
        config = compiler.get_config(self.backend)
        search_query = compiler.build_tsquery(query, config=config)
        # The vectors Wagtail's compiler ranks by (get_index_vectors), named from the entry's side.
        rank = compiler._build_rank_expression([(F("title"), F("title_norm")), (F("body"), 1.0)], config)
        entries = (
            IndexEntry.objects.filter(
                content_type_id__in=get_descendants_content_types_pks(compiler.queryset.model)
            )
            .annotate(_vector_=F("title")._combine(F("body"), "||", False))
            .filter(_vector_=search_query)
            .annotate(page_id=Cast("object_id", IntegerField()))
            .filter(page_id__in=(compiler.queryset if among is None else among).order_by().values("pk"))
            .order_by(rank.desc(), F("page_id").desc())
        )
        return list(entries.values_list("page_id", "content_type_id"))


class OnePassPostgresSearchBackend(PostgresSearchBackend):
    results_class = OnePassPostgresSearchResults
