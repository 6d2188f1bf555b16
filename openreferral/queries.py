"""Which groups the API publishes, filtered, and the few queries that fetch them.

One service per community group, taken from its live, public English listing (the source of
truth for ids, topics, contact details and places); a live Welsh translation supplies the
words when Welsh is asked for. Drafts, unpublished and privacy-restricted pages never appear.
A page of services costs the same few queries however many groups there are.
"""

from django.db.models import Prefetch, Q
from django.db.models.functions import Lower

from directory.models import GroupPage
from home.visibility import publicly_visible
from places.distance import within_miles
from search.models import TaggedPage, Topic

from . import params
from .ids import TAXONOMY_ID, part_id, topic_term_id

SOURCE_LANGUAGE = "en"

# A service has a place (a service_at_location and its location) when the listing gives an
# address, a postcode or both coordinates.
HAS_PLACE = ~Q(address="") | ~Q(postcode="") | Q(latitude__isnull=False, longitude__isnull=False)


class Groups:
    """The published, public listings of one request (``home.visibility``)."""

    def __init__(self):
        self.near = None  # the place a ``postcode`` filter names (see ``filtered``)

    def published(self, language):
        return publicly_visible(GroupPage.objects).filter(locale__language_code=language)

    def services(self):
        return self.published(SOURCE_LANGUAGE)

    def with_places(self):
        return self.services().filter(HAS_PLACE)

    def welsh_matching(self, condition):
        """Translation keys of live Welsh translations meeting ``condition`` (a subquery)."""
        return self.published("cy").filter(condition).values("translation_key")

    def filtered(self, query_params, places_only=False):
        """The English listings matching every filter given (the filters combine with AND)."""
        groups = self.with_places() if places_only else self.services()
        for text in params.texts(query_params):
            # Title or summary, in either language: a Welsh word finds the group too.
            matches = Q(title__icontains=text) | Q(summary__icontains=text)
            groups = groups.filter(matches | Q(translation_key__in=self.welsh_matching(matches)))
        term_id = params.uuid_param(query_params, "taxonomy_term_id")
        if term_id is not None:
            topic_pk = topic_pk_for_term(term_id)
            groups = groups.filter(tagged_topics__tag_id=topic_pk) if topic_pk else groups.none()
        taxonomy_id = params.uuid_param(query_params, "taxonomy_id")
        if taxonomy_id is not None:
            if taxonomy_id == str(TAXONOMY_ID):
                groups = groups.filter(pk__in=TaggedPage.objects.values("content_object_id"))
            else:
                groups = groups.none()
        organization_id = params.uuid_param(query_params, "organization_id")
        if organization_id is not None:
            key = self.key_for(groups, organization_id, "organization")
            groups = groups.filter(translation_key=key) if key else groups.none()
        self.near = params.place_param(query_params)
        if self.near is not None:  # the UK profile's postcode and proximity: nearest first
            groups = within_miles(groups, self.near, params.proximity_miles(query_params))
        modified_after = params.datetime_param(query_params, "modified_after")
        if modified_after is not None:
            # Publishing either language changes the service.
            changed = Q(last_published_at__gte=modified_after)
            groups = groups.filter(changed | Q(translation_key__in=self.welsh_matching(changed)))
        return groups

    @staticmethod
    def key_for(groups, derived_id, part):
        """The translation key whose ``part_id(key, part)`` is ``derived_id``, or None.

        Version 5 UUIDs cannot be reversed, so this hashes the keys of the candidate listings
        (one query for their keys, however many there are).
        """
        for key in groups.values_list("translation_key", flat=True):
            if part_id(key, part) == derived_id:
                return key
        return None

    def for_display(self, groups, with_topics):
        ordering = ("distance_order", "pk") if self.near is not None else (Lower("title"), "pk")
        groups = groups.select_related("locale", "area").order_by(*ordering)
        if with_topics:
            topics = TaggedPage.objects.select_related("tag").order_by(Lower("tag__name"))
            groups = groups.prefetch_related(Prefetch("tagged_topics", queryset=topics))
        return groups

    def translations(self, english_pages, language):
        """The live Welsh translation of each listing, by translation key, in one query."""
        if language == SOURCE_LANGUAGE or not english_pages:
            return {}
        keys = [page.translation_key for page in english_pages]
        welsh = self.published(language).filter(translation_key__in=keys).select_related("locale")
        return {page.translation_key: page for page in welsh}


def topic_pk_for_term(term_id):
    """The topic whose term id is ``term_id`` (from the cached topic list), or None."""
    for pk, _slug, _name in Topic.choices_for(SOURCE_LANGUAGE):
        if topic_term_id(pk) == term_id:
            return pk
    return None
