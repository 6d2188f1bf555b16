"""The Open Referral UK API: GET-only JSON, open to every origin, no keys.

Endpoints follow the HSDS 3.0 API reference (``docs/hsds/api_reference.md``,
``schema/openapi.json``); those the UK profile requires are ``/``, ``/services``,
``/services/{id}``, ``/taxonomies``, ``/taxonomies/{id}``, ``/service_at_locations`` and
``/service_at_locations/{id}``. ``/taxonomy_terms`` is optional there and offered so that
clients can look up the ids that ``taxonomy_term_id`` takes.
"""

import math
from functools import cached_property, wraps

from django.http import HttpResponse, JsonResponse
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt

from home.page_cache import cached, digest
from places.postcodes import attribution
from search.models import Topic

from . import hsds, params
from .ids import TAXONOMY_ID, parse_uuid
from .params import ApiError
from .queries import SOURCE_LANGUAGE, Groups

HSDS_VERSION = "3.0"
# The UK profile as the specification names it (docs/hsds/using_profiles.md).
UK_PROFILE_URL = "https://docs.openreferraluk.org/en/latest/"
# The UK profile's OpenAPI document, which the answers follow (its /service_at_locations/{id}
# answers with a service, as schema/compiled/service.json has it).
OPENAPI_URL = "https://raw.githubusercontent.com/OpenReferralUK/uk-profile/main/schema/openapi.json"
# The data's licence: the Open Government Licence v3.0, with the attribution statement it asks
# for, in English and Welsh (the National Archives publishes both versions).
LICENCE = {
    "en": {
        "name": "Open Government Licence v3.0",
        "url": "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
        "attribution": "Contains public sector information licensed under the Open Government Licence v3.0.",
    },
    "cy": {
        "name": "Trwydded Llywodraeth Agored v3.0",
        "url": "https://www.nationalarchives.gov.uk/doc/open-government-licence-cymraeg/version/3/",
        "attribution": "Yn cynnwys gwybodaeth y sector cyhoeddus a drwyddedir o dan y Drwydded "
        "Llywodraeth Agored v3.0.",
    },
}


def json_response(data, status=200):
    return JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})


def error_response(status, message):
    return json_response({"error": message}, status=status)


def api_endpoint(view):
    """GET (and HEAD) only; JSON errors; CORS for any origin; the content language chosen.

    Exempt from CSRF: the API reads no cookie or session and changes nothing, so a cross-site
    POST has nothing to forge, and it must get the documented JSON 405, not Django's HTML 403.

    When the language comes from the Accept-Language header the answer varies by it, so it is
    marked private: the site's page cache keys on the URL alone and must not keep it.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        negotiated = False
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
            response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
            response["Access-Control-Allow-Headers"] = "Accept, Accept-Language"
            response["Access-Control-Max-Age"] = "86400"
        elif request.method not in ("GET", "HEAD"):
            with translation.override(params.header_language(request)):
                response = error_response(405, _("This API is read-only: use GET."))
            response["Allow"] = "GET, HEAD, OPTIONS"
        else:
            # Errors speak the language asked for; a bad ?lang= falls back to the header's.
            with translation.override(params.header_language(request)):
                try:
                    language, negotiated = params.language(request)
                    with translation.override(language):
                        params.check_query(request.GET)
                        response = json_response(view(request, language, *args, **kwargs))
                    response["Content-Language"] = language
                except ApiError as error:
                    response = error_response(error.status, error.message)
        response["Access-Control-Allow-Origin"] = "*"
        if response.status_code == 404:
            request.urlconf = "openreferral.standalone_urls"  # keep the JSON 404 (see that module)
        if negotiated:
            patch_vary_headers(response, ["Accept-Language"])
            patch_cache_control(response, private=True)
        return response

    return csrf_exempt(wrapper)


def paginated(query_params, count, fetch):
    """The list shape of the API reference ("Lists"): a page header, then ``contents``.

    ``count()`` gives the number of entries; ``fetch(offset, limit)`` the page's entries. It
    is not called for a page past the end, which comes back empty rather than as an error.
    """
    page, per_page = params.page_and_size(query_params)
    total = count()
    total_pages = max(1, math.ceil(total / per_page))
    contents = fetch((page - 1) * per_page, per_page) if page <= total_pages else []
    return {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": page,
        "size": len(contents),
        "first_page": page == 1,
        "last_page": page >= total_pages,
        "empty": not contents,
        "contents": contents,
    }


# Whole sentences, so that the Welsh answer names the thing in Welsh too.
NOT_FOUND = {
    "service": gettext_lazy("No service with that id."),
    "service at location": gettext_lazy("No service at location with that id."),
    "organization": gettext_lazy("No organization with that id."),
    "taxonomy": gettext_lazy("No taxonomy with that id."),
    "taxonomy term": gettext_lazy("No taxonomy term with that id."),
}


def not_found(kind):
    return ApiError(str(NOT_FOUND[kind]), status=404)


# --- the endpoints -------------------------------------------------------------------------


@api_endpoint
def root(request, language):
    other = "cy" if language == "en" else "en"
    return {
        "version": HSDS_VERSION,
        "profile": UK_PROFILE_URL,
        "openapi_url": OPENAPI_URL,
        "licence": {**LICENCE[language], "other_language": {"language": other, **LICENCE[other]}},
    }


class ServiceList:
    """Shared by ``/services`` and ``/service_at_locations``: filter, count, fetch a page."""

    def __init__(self, request, language, places_only):
        self.request = request
        self.language = language
        self.groups = Groups()
        self.full = params.boolean(request.GET, "full")
        self.places_only = places_only
        self.queryset = self.groups.filtered(request.GET, places_only=places_only)

    @cached_property
    def ordered_ids(self):
        """The ids of every listing given, in the API's order: kept with the page-tree facts for
        the filters asked (only publishing changes them), so a page is read by its ids alone.
        At 10,000 pages the count and the ordered page each joined every English listing."""
        asked = sorted(
            (name, values)
            for name, values in self.request.GET.lists()
            if name not in ("page", "per_page", "full")
        )
        ids = self.groups.for_display(self.queryset, with_topics=False).values_list("pk", flat=True)
        return cached(f"openreferral-ids:{digest((self.places_only, asked))}", lambda: list(ids))

    def services(self, offset, limit):
        shown = self.queryset.filter(pk__in=self.ordered_ids[offset : offset + limit])
        english = list(self.groups.for_display(shown, with_topics=self.full))
        welsh = self.groups.translations(english, self.language)
        return [
            hsds.Service(page, welsh.get(page.translation_key), self.language, self.request)
            for page in english
        ]

    def page(self, entry):
        def fetch(offset, limit):
            return [entry(service) for service in self.services(offset, limit)]

        answer = paginated(self.request.GET, lambda: len(self.ordered_ids), fetch)
        if self.groups.near is not None:
            # Distances from a postcode come from the ONS Postcode Directory, whose licence asks
            # for this statement wherever they are used.
            answer["postcode_data_attribution"] = attribution()
        return answer


@api_endpoint
def services(request, language):
    listing = ServiceList(request, language, places_only=False)
    return listing.page(lambda service: service.full() if listing.full else service.fields())


def _one_service(request, language, groups, english_listings):
    """The HSDS service for the one listing of ``english_listings``, or None."""
    english = groups.for_display(english_listings, with_topics=True).first()
    if english is None:
        return None
    welsh = groups.translations([english], language)
    return hsds.Service(english, welsh.get(english.translation_key), language, request)


@api_endpoint
def service_detail(request, language, service_id):
    groups = Groups()
    key = parse_uuid(service_id)
    service = key and _one_service(request, language, groups, groups.services().filter(translation_key=key))
    if not service:
        raise not_found("service")
    return service.full()


@api_endpoint
def service_at_locations(request, language):
    listing = ServiceList(request, language, places_only=True)
    return listing.page(lambda service: service.service_at_location(full=listing.full))


@api_endpoint
def service_at_location_detail(request, language, service_at_location_id):
    groups = Groups()
    wanted = parse_uuid(service_at_location_id)
    key = wanted and groups.key_for(groups.with_places(), wanted, "service_at_location")
    service = key and _one_service(
        request, language, groups, groups.with_places().filter(translation_key=key)
    )
    if not service:
        raise not_found("service at location")
    # The UK profile answers this path with the service (schema/compiled/service.json: ``name``
    # and ``status`` required), whose ``service_at_locations`` holds the one asked for; a
    # valid HSDS service all the same.
    return service.full()


@api_endpoint
def organizations(request, language):
    """HSDS 3.0 core's ``/organizations``: each community group is its own organization."""
    listing = ServiceList(request, language, places_only=False)
    return listing.page(lambda service: service.organization(with_services=listing.full))


@api_endpoint
def organization_detail(request, language, organization_id):
    groups = Groups()
    wanted = parse_uuid(organization_id)
    key = wanted and groups.key_for(groups.services(), wanted, "organization")
    service = key and _one_service(request, language, groups, groups.services().filter(translation_key=key))
    if not service:
        raise not_found("organization")
    return service.organization(with_services=True)


@api_endpoint
def taxonomies(request, language):
    entries = [hsds.taxonomy(request, language)]
    return paginated(
        request.GET, lambda: len(entries), lambda offset, limit: entries[offset : offset + limit]
    )


@api_endpoint
def taxonomy_detail(request, language, taxonomy_id):
    if parse_uuid(taxonomy_id) != str(TAXONOMY_ID):
        raise not_found("taxonomy")
    return hsds.taxonomy(request, language)


def _terms(request, language):
    """Every topic as a term, in the language's alphabetical order (from the cached lists)."""
    english_slugs = {pk: slug for pk, slug, _name in Topic.choices_for(SOURCE_LANGUAGE)}
    return [
        hsds.taxonomy_term(request, language, pk, english_slugs.get(pk, slug), name, slug)
        for pk, slug, name in Topic.choices_for(language)
    ]


@api_endpoint
def taxonomy_terms(request, language):
    terms = _terms(request, language)
    taxonomy_id = params.uuid_param(request.GET, "taxonomy_id")
    if taxonomy_id is not None and taxonomy_id != str(TAXONOMY_ID):
        terms = []
    for text in params.texts(request.GET):
        terms = [term for term in terms if text.lower() in term["name"].lower()]
    return paginated(request.GET, lambda: len(terms), lambda offset, limit: terms[offset : offset + limit])


@api_endpoint
def taxonomy_term_detail(request, language, term_id):
    wanted = parse_uuid(term_id)
    for term in _terms(request, language):
        if term["id"] == wanted:
            return term
    raise not_found("taxonomy term")


@api_endpoint
def unknown_endpoint(request, language, path=""):
    raise ApiError(_("No such endpoint."), status=404)
