"""Reading the query string: every parameter is checked, and a bad one is a 400, never a 500.

The parameter names are those of the HSDS 3.0 API reference (``schema/openapi.json``,
``components/parameters``); ``text`` is accepted as well as the spec's ``search``.
"""

import re
from datetime import UTC, datetime, time

from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _

from places.postcodes import find_place, normalise

from .ids import parse_uuid

LANGUAGES = ("en", "cy")
DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 100
TRUE_VALUES = {"true": True, "1": True, "false": False, "0": False}
# "+01:00" arrives as " 01:00" when a client forgets to encode the plus sign.
UNENCODED_PLUS = re.compile(r" (\d\d(:?\d\d)?)$")


class ApiError(Exception):
    """An error the client can fix (400) or a missing record (404), answered as JSON in the
    language of the answer (see ``views.api_endpoint``)."""

    def __init__(self, message, status=400):
        super().__init__(message)
        self.message = message
        self.status = status


def language(request):
    """The content language asked for, and whether it came from the Accept-Language header.

    ``?lang=`` wins; then the first of our languages in Accept-Language (by quality); then
    English. Cookies are not read: an API answer depends only on the URL and that header.
    """
    value = request.GET.get("lang")
    if value is not None:
        code = value.strip().lower().split("-")[0]
        if code not in LANGUAGES:
            raise ApiError(_("lang must be 'en' or 'cy'."))
        return code, False
    return header_language(request), True


def accepted_languages(header):
    """The language codes of an Accept-Language header, by quality (best first), "q=0" left out."""
    weighted = []
    for part in header.split(","):
        code, _, params = (piece.strip() for piece in part.partition(";"))
        try:
            quality = float(params[2:]) if params.startswith("q=") else 1.0
        except ValueError:
            quality = 0.0
        if code and quality > 0:
            weighted.append((quality, code))
    return [code for _quality, code in sorted(weighted, key=lambda item: -item[0])]


def header_language(request):
    """The first of our languages in Accept-Language (by quality), else English."""
    for code in accepted_languages(request.headers.get("Accept-Language", "")):
        primary = code.split("-")[0].lower()
        if primary in LANGUAGES:
            return primary
    return "en"


def positive_int(params, name, default, maximum=None):
    value = params.get(name)
    if value is None or value == "":
        return default
    try:
        number = int(value)
    except ValueError:
        raise ApiError(_("%(name)s must be a whole number.") % {"name": name}) from None
    if number < 1:
        raise ApiError(_("%(name)s must be 1 or more.") % {"name": name})
    if maximum is not None and number > maximum:
        raise ApiError(_("%(name)s must be %(maximum)s or less.") % {"name": name, "maximum": maximum})
    return number


def page_and_size(params):
    return (
        positive_int(params, "page", 1),
        positive_int(params, "per_page", DEFAULT_PER_PAGE, maximum=MAX_PER_PAGE),
    )


def boolean(params, name, default=False):
    value = params.get(name)
    if value is None or value == "":
        return default
    try:
        return TRUE_VALUES[value.strip().lower()]
    except KeyError:
        raise ApiError(_("%(name)s must be true or false.") % {"name": name}) from None


def uuid_param(params, name):
    value = params.get(name)
    if value is None or value.strip() == "":
        return None
    parsed = parse_uuid(value.strip())
    if parsed is None:
        raise ApiError(_("%(name)s must be a UUID.") % {"name": name})
    return parsed


def datetime_param(params, name):
    """An ISO 8601 date-time (or date); without a UTC offset it is taken as UTC."""
    value = params.get(name)
    if value is None or value.strip() == "":
        return None
    value = UNENCODED_PLUS.sub(r"+\1", value.strip())
    try:
        moment = parse_datetime(value)
        if moment is None:
            day = parse_date(value)
            moment = datetime.combine(day, time.min) if day else None
    except (ValueError, OverflowError):
        moment = None
    if moment is None:
        raise ApiError(
            _("%(name)s must be an ISO 8601 date-time such as 2024-05-01T09:30:00Z.") % {"name": name}
        )
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment


MAX_TEXT = 200


def texts(params):
    """The free-text searches (``search`` from the spec, ``text`` as an alias): all must match."""
    found = []
    for name in ("search", "text"):
        value = (params.get(name) or "").strip()
        if not value:
            continue
        if len(value) > MAX_TEXT or "\x00" in value:
            raise ApiError(
                _("%(name)s must be at most %(maximum)s characters of text.")
                % {"name": name, "maximum": MAX_TEXT}
            )
        found.append(value)
    return found


# Filters of the UK profile's API that this API does not implement: refused by name rather than
# silently ignored, so that a client never takes an unfiltered answer for a filtered one.
# (Groups have no ages or meeting days as data.)
UNSUPPORTED_FILTERS = ("minimum_age", "maximum_age", "day")
# The UK profile's ``proximity`` is in metres from ``postcode``; without it, 10 miles.
DEFAULT_PROXIMITY_METRES = 16093
LONGEST_PROXIMITY_METRES = 100_000
METRES_PER_MILE = 1609.344


def place_param(params):
    """The place ``postcode`` names (a full postcode or an outward code such as "LL12"), found in
    the postcode table (``places``), or None when no postcode is given."""
    value = (params.get("postcode") or "").strip()
    if not value:
        if (params.get("proximity") or "").strip():
            raise ApiError(_("proximity needs a postcode to measure from."))
        return None
    place = find_place(value) if normalise(value) else None
    if place is None:
        raise ApiError(_("postcode must be a UK postcode we know, such as LL12 0AB."))
    return place


def proximity_miles(params):
    """``proximity`` (metres, more than 0 and at most 100 km) in miles."""
    value = (params.get("proximity") or "").strip()
    if not value:
        return DEFAULT_PROXIMITY_METRES / METRES_PER_MILE
    try:
        metres = float(value)
    except ValueError:
        metres = -1
    if not 0 < metres <= LONGEST_PROXIMITY_METRES:
        raise ApiError(_("proximity must be a distance in metres, more than 0 and at most 100000."))
    return metres / METRES_PER_MILE


def check_query(params):
    """Refuse what the endpoints would otherwise misread: a parameter given twice (the views read
    one value, so ``?page=x&page=1`` must not let ``x`` pass unchecked), an unsupported filter,
    and a format other than JSON."""
    for name in params:
        if len(params.getlist(name)) > 1:
            raise ApiError(_("%(name)s may be given only once.") % {"name": name})
    for name in UNSUPPORTED_FILTERS:
        if name in params:
            raise ApiError(_("The %(name)s filter is not supported by this API.") % {"name": name})
    value = params.get("format")
    if value not in (None, "", "json"):
        raise ApiError(_("Only format=json is supported."))
