"""Reading a neighbour's Open Referral (HSDS 3.0 / UK profile) feed into draft group listings.

``manage.py import_openreferral URL_OR_FILE`` uses this. Each service becomes a *draft*
``GroupPage`` in the English directory (never published: council editors review the drafts in
moderation), with an ``ImportedListing`` row as its provenance note (source, record id,
fetched at). The row is how a second run finds the listing again, so it updates the draft
rather than adding another. A record that cannot be read is reported and skipped; the run
goes on.
"""

import json
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit
from urllib.request import Request, urlopen

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from directory.models import GroupIndexPage, GroupPage

from .models import ImportedListing

FETCH_TIMEOUT = 30  # seconds for one page of the feed
PER_PAGE = 50
MAX_PAGES = 1000  # a feed that never says it is on its last page stops here


class FeedError(Exception):
    """The feed (or one page of it) cannot be read at all."""


def fetch_json(url):
    """One page of a feed over HTTP(S), as JSON."""
    request = Request(url, headers={"Accept": "application/json"})
    try:
        with urlopen(request, timeout=FETCH_TIMEOUT) as response:  # noqa: S310 (http(s) only, see pages)
            return json.loads(response.read().decode("utf-8"))
    except (OSError, ValueError) as error:
        raise FeedError(f"{url}: {error}") from error


def services_url(url, page):
    """The feed's ``/services`` list (fully nested) at ``page``, from its root or list address."""
    parts = urlsplit(url)
    path = parts.path if parts.path.rstrip("/").endswith("services") else parts.path.rstrip("/") + "/services"
    query = dict(parse_qsl(parts.query))
    query.update(full="true", page=str(page), per_page=query.get("per_page", str(PER_PAGE)))
    return urlunsplit((parts.scheme, parts.netloc, path, urlencode(query), ""))


def pages(source):
    """Yield (page number, total pages, records) for each page of ``source`` (URL or file).

    A file holds one list page (``{"contents": [...]}``) or a JSON list of services."""
    if source.startswith(("http://", "https://")):
        number = 1
        while number <= MAX_PAGES:
            document = fetch_json(services_url(source, number))
            if not isinstance(document, dict) or not isinstance(document.get("contents"), list):
                raise FeedError(f"{source}: page {number} is not an HSDS list page")
            total = document.get("total_pages") if isinstance(document.get("total_pages"), int) else number
            yield number, max(total, number), document["contents"]
            if document.get("last_page", True) or not document["contents"] or number >= total:
                return
            number += 1
        return
    try:
        document = json.loads(Path(source).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise FeedError(f"{source}: {error}") from error
    if isinstance(document, dict) and isinstance(document.get("contents"), list):
        yield 1, 1, document["contents"]
    elif isinstance(document, list):
        yield 1, 1, document
    else:
        raise FeedError(f"{source}: neither an HSDS list page nor a list of services")


def _text(value, limit=None):
    text = value.strip() if isinstance(value, str) else ""
    return text[:limit] if limit else text


def _coordinate(value):
    try:
        return Decimal(str(value)).quantize(Decimal("0.000001")) if value is not None else None
    except InvalidOperation:
        return None


def listing_fields(record):
    """The GroupPage fields of one HSDS service; ValueError if it is not a usable service."""
    if not isinstance(record, dict):
        raise ValueError("not an object")
    record_id, name = record.get("id"), _text(record.get("name"), 255)
    if not isinstance(record_id, str) or not record_id.strip():
        raise ValueError("no id")
    if not name:
        raise ValueError("no name")
    organization = record.get("organization") if isinstance(record.get("organization"), dict) else {}
    fields = {
        "title": name,
        "summary": _text(record.get("description"), 300),
        "website": _text(organization.get("website") or record.get("url"), 200),
        "email": _text(record.get("email") or organization.get("email"), 254),
        "how_to_join": _text(record.get("application_process")),
    }
    phones = [phone for phone in record.get("phones") or [] if isinstance(phone, dict)]
    fields["phone"] = _text(phones[0].get("number"), 30) if phones else ""
    schedules = [item for item in record.get("schedules") or [] if isinstance(item, dict)]
    fields["meeting_times"] = "\n".join(_text(item.get("description")) for item in schedules).strip()
    places = [item for item in record.get("service_at_locations") or [] if isinstance(item, dict)]
    location = places[0].get("location") if places and isinstance(places[0].get("location"), dict) else {}
    fields["latitude"] = _coordinate(location.get("latitude"))
    fields["longitude"] = _coordinate(location.get("longitude"))
    if fields["latitude"] is None or fields["longitude"] is None:
        fields["latitude"] = fields["longitude"] = None
    addresses = [item for item in location.get("addresses") or [] if isinstance(item, dict)]
    if addresses:
        address = addresses[0]
        lines = [_text(address.get(key)) for key in ("address_1", "address_2", "city")]
        fields["address"] = "\n".join(line for line in lines if line)
        fields["postcode"] = _text(address.get("postal_code"), 10)
    accessibility = [item for item in location.get("accessibility") or [] if isinstance(item, dict)]
    fields["accessibility"] = "\n".join(_text(item.get("description")) for item in accessibility).strip()
    return record_id.strip(), fields


@dataclass
class Report:
    created: int = 0
    updated: int = 0
    skipped: int = 0
    invalid: int = 0
    problems: list = field(default_factory=list)


def _unique_slug(directory, title):
    base = slugify(title)[:70] or "group"
    slug, number = base, 2
    while GroupPage.objects.filter(slug=slug).exists() or directory.get_children().filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def import_record(source, record, directory, fetched_at, report):
    """Create or update the draft listing of one record; count it in ``report``."""
    try:
        record_id, fields = listing_fields(record)
    except ValueError as error:
        report.invalid += 1
        report.problems.append(f"invalid record ({error}): {str(record)[:120]}")
        return
    provenance = (
        ImportedListing.objects.filter(source=source, record_id=record_id).select_related("listing").first()
    )
    try:
        with transaction.atomic():
            if provenance is None:
                listing = GroupPage(live=False, slug=_unique_slug(directory, fields["title"]), **fields)
                listing.full_clean(exclude=["path", "depth", "url_path", "translation_key", "locale"])
                directory.add_child(instance=listing)
                listing.save_revision()
                ImportedListing.objects.create(
                    source=source, record_id=record_id, fetched_at=fetched_at, listing=listing
                )
                report.created += 1
                return
            listing = provenance.listing.get_latest_revision_as_object()
            if all(getattr(listing, name) == value for name, value in fields.items()):
                report.skipped += 1
            else:
                for name, value in fields.items():
                    setattr(listing, name, value)
                listing.full_clean(exclude=["path", "depth", "url_path", "translation_key", "locale"])
                listing.save_revision()  # a draft: the live version, if editors published one, stays
                report.updated += 1
            provenance.fetched_at = fetched_at
            provenance.save(update_fields=["fetched_at"])
    except Exception as error:  # noqa: BLE001 (any bad record is reported, never ends the run)
        report.invalid += 1
        report.problems.append(f"invalid record {record_id}: {error}")


def import_feed(source, progress=None):
    """Import every service of ``source``; ``progress(page, total)`` after each page."""
    directory = GroupIndexPage.objects.filter(locale__language_code="en").first()
    if directory is None:
        raise FeedError("This site has no English group directory to put the drafts in.")
    report = Report()
    for number, total, records in pages(source):
        fetched_at = timezone.now()
        for record in records:
            import_record(source, record, directory, fetched_at, report)
        if progress:
            progress(number, total)
    return report
