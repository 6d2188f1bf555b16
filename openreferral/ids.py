"""Stable HSDS identifiers for records that have no UUID of their own.

A service's id is its English listing's ``translation_key`` (the same for the listing and its
Welsh translation, and unchanged by edits, moves and renames). Everything that hangs off a
service (its organization, location, address, phone, schedule, languages, attributes) gets a
name-based UUID (RFC 4122 version 5) in the namespace of that key, so the same listing always
gives the same ids, in both languages, without storing anything.

Topics have integer keys; their term ids are version 5 UUIDs in the namespace of the taxonomy.
"""

import uuid

# Fixed once for this site; changing it would change every taxonomy and topic id.
SITE_NAMESPACE = uuid.UUID("de81f6ac-c505-47c9-a2db-1e40f5f187a7")
TAXONOMY_ID = uuid.uuid5(SITE_NAMESPACE, "taxonomy/topics")


def part_id(translation_key, part):
    """The id of one part of a service, e.g. ``part_id(key, "organization")``."""
    return str(uuid.uuid5(uuid.UUID(str(translation_key)), part))


def topic_term_id(topic_pk):
    return str(uuid.uuid5(TAXONOMY_ID, f"topic/{topic_pk}"))


def parse_uuid(value):
    """The UUID in canonical form, or None if ``value`` is not one."""
    try:
        return str(uuid.UUID(str(value)))
    except (TypeError, ValueError, AttributeError):
        return None
