"""One-pass relevance ranking for Wagtail's SQLite FTS5 search backend (see search/backend.py).

Both ways of searching get it: ``.search()`` (whole words, the site's search) and
``.autocomplete()`` (the last word a prefix, which the admin's page search and page chooser
use); each compiler brings its own index columns, match and score.

Imported only on SQLite: the FTS index model it uses exists on no other database.
"""

from django.db.models import IntegerField
from django.db.models.functions import Cast
from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteAutocompleteQueryCompiler,
    SQLiteFTSIndexEntry,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
    SQLiteSearchResults,
)
from modelsearch.query import MatchAll, Not
from modelsearch.utils import get_descendants_content_types_pks


class OnePassRanking:
    """Mixed into a SQLite query compiler: the ranking from the FTS side, in one query."""

    def _ranked_matches(self, config, among=None):
        """The matching index entries of the pages searched (or of ``among``: see
        ``RankedSQLiteSearchResults.ranked_rows``), best first, each annotated with its page's
        key (``object_pk``); None where Wagtail's own way is needed."""
        query = normalize(self.query)
        if isinstance(query, (MatchAll, Not)):
            return None
        # As SQLiteSearchQueryCompiler.search builds its index query (same match, same score).
        matches = (
            SQLiteFTSIndexEntry.objects.filter(
                MatchExpression(
                    self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(query, config=config)
                )
            )
            .filter(index_entry__content_type__in=get_descendants_content_types_pks(self.queryset.model))
            .annotate(score=self._build_rank_expression(self.get_search_vectors(), config))
        )
        return (
            matches.filter(
                index_entry__object_id__in=(self.queryset if among is None else among).values("pk")
            )
            .annotate(object_pk=Cast("index_entry__object_id", IntegerField()))
            .order_by("score", "-object_pk")
        )

    def ranked_ids(self, config, start, stop):
        """The page's primary keys, best match first, or None where Wagtail's own way is needed."""
        matches = self._ranked_matches(config)
        return None if matches is None else list(matches.values_list("object_pk", flat=True)[start:stop])

    def ranked_rows(self, config, among=None):
        """(page key, content type id) of every match, best first, or None (as ``ranked_ids``)."""
        matches = self._ranked_matches(config, among)
        return (
            None
            if matches is None
            else list(matches.values_list("object_pk", "index_entry__content_type_id"))
        )


class RankedSQLiteQueryCompiler(OnePassRanking, SQLiteSearchQueryCompiler):
    pass


class RankedSQLiteAutocompleteQueryCompiler(OnePassRanking, SQLiteAutocompleteQueryCompiler):
    pass


class RankedSQLiteSearchResults(SQLiteSearchResults):
    def _do_search(self):
        compiler = self.query_compiler
        ids = None
        if compiler.order_by_relevance and self._score_field is None:
            ids = compiler.ranked_ids(compiler.get_config(self.backend), self.start, self.stop)
        if ids is None:
            return super()._do_search()
        found = compiler.queryset.in_bulk(ids)
        return [found[pk] for pk in ids if pk in found]

    def ranked_rows(self, among=None):
        """(page id, content type id) of every match, best first, in one full-text query, for
        ``search.queries.counted_in_one_pass`` (the counts per type and a page, as on
        PostgreSQL); Wagtail's own query where its search is not a ranked match.

        ``among``: the pages the matches must be among, when the searched queryset carries them
        only as the subquery of ids Wagtail's backend needs (search.queries.searchable)."""
        compiler = self.query_compiler
        rows = None
        if compiler.order_by_relevance and self._score_field is None and compiler.fields is None:
            rows = compiler.ranked_rows(compiler.get_config(self.backend), among)
        if rows is None:
            return list(self.get_queryset().values_list("pk", "content_type_id"))
        return rows


class RankedSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = RankedSQLiteQueryCompiler
    autocomplete_query_compiler_class = RankedSQLiteAutocompleteQueryCompiler
    results_class = RankedSQLiteSearchResults
