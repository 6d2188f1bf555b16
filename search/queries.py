"""Finding pages: the search across content types, and everything on one topic.

Both list only live pages of the reader's language, of the page types that declare a
``search_type`` (groups, events, stories, guides), and cost the same number of queries
however many pages match.
"""

import difflib
from collections import Counter

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db.models import Count
from django.utils import timezone
from wagtail import hooks
from wagtail.models import Page, get_page_models
from wagtail.search.query import And, Or, PlainText

from bilingual.language import current_language
from bilingual.welsh import query_alternatives, words
from home.listing import fetched_when_shown
from home.models import active_locale_id
from home.page_cache import cached, digest
from home.visibility import publicly_visible

from .models import Topic, prefetch_topics

PER_PAGE = 20


def searchable_models():
    """{search_type: page model} for every page type shown in search and on topic pages."""
    return {model.search_type: model for model in get_page_models() if getattr(model, "search_type", None)}


def positions():
    """{page model: (latitude field, longitude field)} of the searchable types with a place
    (``position_fields`` on the model), for the "near a postcode" filter."""
    return {
        model: model.position_fields
        for model in searchable_models().values()
        if getattr(model, "position_fields", None)
    }


def type_labels():
    """[(search_type, label)] in display order, for the type filters."""
    return [
        (search_type, model._meta.verbose_name_plural.capitalize())
        for search_type, model in searchable_models().items()
    ]


def type_of_content_type():
    models = searchable_models()
    content_types = ContentType.objects.get_for_models(*models.values())
    return {content_types[model].pk: search_type for search_type, model in models.items()}


def live_pages_in_language(search_types=None):
    """Every page the public may see listed (home.visibility), live, in the reader's language,
    of the searchable types (``search_types``, default all): one query of the page table."""
    models = searchable_models()
    chosen = [models[search_type] for search_type in (search_types or models)]
    return publicly_visible(Page.objects.live().filter(locale_id=active_locale_id())).type(*chosen)


def searchable(pages):
    """``pages`` as Wagtail's search backend can search them: it filters only on indexed fields
    (id, locale, live…), so the other rules (what the public may see, a topic, a section) come
    in as a subquery of ids."""
    return Page.objects.filter(id__in=pages.values("id"))


def shown_results(pages, positions=None):
    """``pages`` (base pages or their ids, in display order) as home.listing's ``Listed`` items,
    whose specific pages and topics are fetched only for a card not kept already;
    ``positions``: {pk: (latitude, longitude)} near a place."""

    def specific_pages(ids):
        return Page.objects.filter(pk__in=ids).specific().prefetch_related(prefetch_topics())

    shown = {pk: {"position": position} for pk, position in (positions or {}).items()}
    return fetched_when_shown([getattr(page, "pk", page) for page in pages], specific_pages, shown)


def build_query(alternatives):
    """Every word must match, in any of its forms."""

    def either(queries):
        return queries[0] if len(queries) == 1 else Or(queries)

    terms = [either([PlainText(form) for form in sorted(forms)]) for forms in alternatives]
    return terms[0] if len(terms) == 1 else And(terms)


def matching(pages, query):
    """``pages`` (any page queryset) narrowed to those the site search finds for ``query``, in
    the reader's language: every word, in any of its forms ("gymuned" finds "Cymuned"). A query
    with no words leaves ``pages`` as they are.

    For a section's own search box, such as the directory's; the section keeps its own order.
    """
    alternatives = query_alternatives(query, current_language())
    if not alternatives:
        return pages
    # The search backend filters only on indexed fields, so the section's own rules (its parent,
    # what the public may see) come in as a subquery of ids.
    found = searchable(pages).search(build_query(alternatives), order_by_relevance=False)
    return pages.filter(id__in=[page.pk for page in found])


def demoted_pages():
    """A subquery of the ids of pages that come after all the others in search results, or
    None. Each content app may name some through a ``search_demoted_pages`` hook (a function
    returning a queryset of page ids): the directory's listings not checked recently, say."""
    querysets = [hook() for hook in hooks.get_hooks("search_demoted_pages")]
    if not querysets:
        return None
    ids = querysets[0]
    for queryset in querysets[1:]:
        ids = ids.union(queryset)
    return Page.objects.filter(id__in=ids).values("id")


class DemotedLast:
    """Two sets of search results as one sequence for the paginator: ``first`` in its own
    order, then ``last`` in its own. A match's rank depends on the match alone, so this is the
    order of the whole search with the demoted pages moved, in their order, to the end."""

    def __init__(self, first, last, counts=None):
        """``counts``: the two parts' lengths, where the caller knows them already."""
        self.first, self.last = first, last
        self._counts = counts

    def counts(self):
        if self._counts is None:
            self._counts = (self.first.count(), self.last.count())
        return self._counts

    def count(self):
        return sum(self.counts())

    def __len__(self):
        return self.count()

    def __getitem__(self, item):
        if not isinstance(item, slice):
            return self[item : item + 1][0]
        first_count = self.counts()[0]
        start, stop = item.start or 0, item.stop if item.stop is not None else self.count()
        taken = list(self.first[start:stop]) if start < first_count else []
        if stop > first_count:
            taken += list(self.last[max(start - first_count, 0) : stop - first_count])
        return taken


def demoted_to_the_end(rows, demoted):
    """``rows`` ((pk, …) tuples, best first) with the demoted pages' rows after the others."""
    if demoted is None:
        return rows
    # Kept for the day (a listing's review date moves it; marking one reviewed retires it).
    late = set(
        cached(f"search-demoted:{timezone.localdate()}", lambda: list(demoted.values_list("id", flat=True)))
    )
    return [row for row in rows if row[0] not in late] + [row for row in rows if row[0] in late]


def counts_by_type(facets):
    types = type_of_content_type()
    counts = dict.fromkeys(searchable_models(), 0)
    for content_type_id, count in facets.items():
        if content_type_id in types:
            counts[types[content_type_id]] += count
    return counts


def search(query, search_type=None, topic=None, page_number=None, near=None):
    """A page of results for ``query`` with the number of matches per type.

    ``near`` (``near_pages`` of the search form's "near a postcode" fields, when the reader
    gave a place) narrows the pages to those within the radius and orders them nearest first;
    then the query may be empty (everything near the place).
    """
    alternatives = query_alternatives(query, current_language())
    if not alternatives and near is None:
        return None
    pages = live_pages_in_language()
    if topic is not None:
        pages = pages.filter(id__in=topic.tagged_pages.values("content_object_id"))
    if near is not None:
        return nearest_first(near(pages), alternatives, search_type, page_number)
    search_query = build_query(alternatives)
    results = searchable(pages).search(search_query)
    demoted = demoted_pages()
    if hasattr(results, "ranked_rows"):
        # The matches of these words, best first, are kept with the page-tree facts (only
        # publishing changes them) for the day (the demoted listings move with the date).
        words = digest(sorted(sorted(forms) for forms in alternatives))
        kept_as = f"search:{active_locale_id()}:{topic.pk if topic else ''}:{timezone.localdate()}:{words}"
        counts, page_of_results = counted_in_one_pass(
            results, pages, search_type, page_number, demoted, kept_as
        )
    else:
        counts = counts_by_type(results.facet("content_type_id"))
        if search_type:
            pages = pages.type(searchable_models()[search_type])
            results = searchable(pages).search(search_query)
        if demoted is not None:
            results = DemotedLast(
                searchable(pages.exclude(id__in=demoted)).search(search_query),
                searchable(pages.filter(id__in=demoted)).search(search_query),
            )
        page_of_results = Paginator(results, PER_PAGE).get_page(page_number)
    page_of_results.object_list = shown_results(page_of_results.object_list)
    return {"alternatives": alternatives, "counts": counts, "page_of_results": page_of_results}


def nearest_first(pages, alternatives, search_type, page_number):
    """Search results near a place: ``pages`` (annotated by ``near``) matching the query's
    words, if any, counted per type and paged in the database, nearest first.

    Each result carries ``position`` (latitude, longitude) for the distance its card shows.
    """
    if alternatives:
        found = searchable(pages).search(build_query(alternatives), order_by_relevance=False)
        pages = pages.filter(id__in=[page.pk for page in found])
    counts = counts_by_type(dict(pages.order_by().values_list("content_type").annotate(Count("id"))))
    if search_type:
        pages = pages.type(searchable_models()[search_type])
    page_of_results = Paginator(pages, PER_PAGE).get_page(page_number)
    position_of = {page.pk: (page.position_latitude, page.position_longitude) for page in page_of_results}
    page_of_results.object_list = shown_results(page_of_results.object_list, position_of)
    return {"alternatives": alternatives, "counts": counts, "page_of_results": page_of_results, "near": True}


def counted_in_one_pass(results, pages, search_type, page_number, demoted, kept_as):
    """The counts per type and a page of ``results`` (the search of ``pages``; of
    ``search_type`` alone, if given), from one full-text query for every match's id and type
    (search/postgres_one_pass.py, search/sqlite_ranking.py), which meets ``pages`` itself rather
    than the subquery of ids Wagtail's backend needed (``searchable``). That list is the
    page-tree fact ``kept_as`` (home.page_cache.cached): the same words asked again, for another
    type or page of results, cost no query until something is published.

    The same counts and the same order as ``.facet()``, ``.count()`` and slicing would give:
    a match's rank depends on that match alone, so leaving out the other types keeps the order
    (and moving the ``demoted`` pages to the end gives what ``DemotedLast`` gives).
    """
    types = type_of_content_type()

    def ranked():
        return demoted_to_the_end(results.ranked_rows(among=pages), demoted)

    rows = cached(kept_as, ranked)
    counts = counts_by_type(Counter(content_type_id for _pk, content_type_id in rows))
    ids = [pk for pk, content_type_id in rows if not search_type or types.get(content_type_id) == search_type]
    return counts, Paginator(ids, PER_PAGE).get_page(page_number)


def suggestions(query, limit=3):
    """Topics with a name close to the query or one of its words, for "Did you mean…?"."""
    topic_by_word = {}
    for _pk, slug, name in Topic.choices_for(current_language()):
        for key in [" ".join(words(name)), *words(name)]:
            topic_by_word.setdefault(key, (slug, name))
    query_words = words(query)[:5]
    found = []
    for word in [" ".join(query_words), *query_words]:
        for match in difflib.get_close_matches(word, topic_by_word, n=limit, cutoff=0.75):
            if topic_by_word[match] not in found:
                found.append(topic_by_word[match])
    return found[:limit]


def topic_counts():
    """{topic pk: number of live pages of the reader's language on that topic}, kept with the
    page-tree facts (only publishing changes it; the GROUP BY joins every tagged page)."""

    def count():
        rows = (
            live_pages_in_language()
            .filter(tagged_topics__isnull=False)
            .order_by()
            .values("tagged_topics__tag")
            .annotate(pages=Count("id"))
        )
        return {row["tagged_topics__tag"]: row["pages"] for row in rows}

    return cached(f"topic-counts:{active_locale_id()}", count)


def pages_on_topic(topic, search_type=None, page_number=None):
    """A page of the pages on ``topic`` (of ``search_type`` alone, if given), by type and then
    title, with the number per type.

    Which pages those are, in order, is kept with the page-tree facts (only publishing, or
    tagging a page, which saves it, changes it): at 10,000 pages the three queries it took
    (the counts, the total and the page, each joining the topic's pages) cost 20 ms."""

    def in_order():
        pages = live_pages_in_language().filter(tagged_topics__tag=topic)
        return list(pages.order_by("content_type_id", "title").values_list("pk", "content_type_id"))

    rows = cached(f"pages-on-topic:{topic.pk}:{active_locale_id()}", in_order)
    counts = counts_by_type(Counter(content_type_id for _pk, content_type_id in rows))
    types = type_of_content_type()
    ids = [pk for pk, content_type_id in rows if not search_type or types.get(content_type_id) == search_type]
    page_of_results = Paginator(ids, PER_PAGE).get_page(page_number)
    page_of_results.object_list = shown_results(page_of_results.object_list)
    return {"counts": counts, "page_of_results": page_of_results}
