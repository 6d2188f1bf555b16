"""Our models as HSDS 3.0 objects: field names and required fields as the specification has them.

See https://github.com/openreferral/specification (``schema/*.json``) and the mapping table in
the README. Optional fields we have nothing for are left out rather than filled with guesses;
required ones are always present. Ids come from ``openreferral.ids``: the same in both
languages.
"""

from django.urls import NoReverseMatch, reverse
from django.utils import translation

from directory import schedule as meetings
from directory.models import ACCESS_FEATURES, Cost, GroupLanguage
from home.public_address import public_page_url, public_url

from .ids import TAXONOMY_ID, part_id, topic_term_id

# The county borough every listed group is in: the town of an address whose listing names no
# area, and the address's state/province (as the site's schema.org data does).
COUNTY = {"en": "Wrexham", "cy": "Wrecsam"}
COUNTRY = "GB"  # ISO 3166-1 alpha-2, as address.country asks
LANGUAGE_NAMES = {"en": {"en": "English", "cy": "Welsh"}, "cy": {"en": "Saesneg", "cy": "Cymraeg"}}
# Words that are data, not interface: the API's one taxonomy, in both languages.
TAXONOMY_TEXT = {
    "en": {
        "name": "Together in Wrexham topics",
        "description": "The topics council editors use to describe community groups and other pages "
        "on the Together in Wrexham website.",
    },
    "cy": {
        "name": "Pynciau Gyda'n Gilydd yn Wrecsam",
        "description": "Y pynciau y mae golygyddion y cyngor yn eu defnyddio i ddisgrifio grwpiau "
        "cymunedol a thudalennau eraill ar wefan Gyda'n Gilydd yn Wrecsam.",
    },
}


def without_empty(data):
    """Drop optional fields we have no value for (None, "" or [])."""
    return {key: value for key, value in data.items() if value not in (None, "", [])}


def published_email(listing):
    """The group's e-mail address if the listing says the group publishes it, else None.

    The one place the open feed decides on personal contact details: a group's address is often
    a volunteer's own, so it stays out of the feed unless the listing's "Show our e-mail address
    on the page" choice (``GroupPage.public_email``) says otherwise."""
    return listing.public_email or None


def absolute(request, view_name, language, args=()):
    try:
        with translation.override(language):
            return public_url(reverse(view_name, args=args))
    except NoReverseMatch:
        return None


def taxonomy(request, language):
    text = TAXONOMY_TEXT[language]
    return without_empty(
        {
            "id": str(TAXONOMY_ID),
            "name": text["name"],
            "description": text["description"],
            "uri": absolute(request, "topics", language),
        }
    )


def taxonomy_term(request, language, pk, code, name, slug):
    """A topic as a term of our one taxonomy.

    ``code`` is the English slug (the same in both languages); ``name`` and ``slug`` are in
    ``language``. Topics have no description of their own, and the spec requires one, so the
    term's description is its name.
    """
    return without_empty(
        {
            "id": topic_term_id(pk),
            "code": code,
            "name": name,
            "description": name,
            "taxonomy": TAXONOMY_TEXT[language]["name"],
            "taxonomy_id": str(TAXONOMY_ID),
            "language": language,
            "term_uri": absolute(request, "topic", language, args=[slug]) if slug else None,
        }
    )


def topic_term(request, language, topic):
    welsh = language == "cy"
    return taxonomy_term(
        request,
        language,
        topic.pk,
        topic.slug,
        topic.name_cy if welsh else topic.name,
        topic.slug_cy if welsh else topic.slug,
    )


class Service:
    """One community group as an HSDS service.

    ``english`` is the live English listing (ids, topics, contact details and places);
    ``words`` the page whose text is shown: its live Welsh translation when Welsh is asked for
    and there is one, else the English listing.
    """

    def __init__(self, english, words, language, request):
        self.english = english
        self.words = words or english
        self.language = language
        self.request = request
        self.id = str(english.translation_key)

    def part(self, name):
        return part_id(self.english.translation_key, name)

    # --- the service -------------------------------------------------------------------------

    def fields(self):
        """The service's own (one-to-one) fields and its organization: a list entry."""
        english, words = self.english, self.words
        data = without_empty(
            {
                "id": self.id,
                "organization_id": self.part("organization"),
                "name": words.title,
                "description": words.summary,
                "url": public_page_url(words, self.request),
                "email": published_email(english),
                "status": "active",  # only live listings are published
                "application_process": words.how_to_join,
                "assured_date": english.last_reviewed.isoformat() if english.last_reviewed else None,
                "minimum_age": english.minimum_age,
                "maximum_age": english.maximum_age,
            }
        )
        data["organization"] = self.organization()
        return data

    def full(self, with_locations=True):
        """The fully nested service of ``/services/{id}``."""
        data = self.fields()
        data.update(
            without_empty(
                {
                    "phones": self.phones(),
                    "schedules": self.schedules(),
                    "languages": self.languages(),
                    "cost_options": self.cost_options(),
                    "attributes": self.attributes(),
                }
            )
        )
        if with_locations:
            data["service_at_locations"] = (
                [self.service_at_location(full=True, with_service=False)] if self.has_place else []
            )
        return data

    def organization(self, with_services=False):
        """The community group itself, as the organization that provides the service; with its
        one service for ``/organizations/{id}`` (and ``/organizations?full=true``)."""
        english, words = self.english, self.words
        data = {
            "id": self.part("organization"),
            "name": words.title,
            "description": words.summary,  # required by the spec, even when empty
            **without_empty({"email": published_email(english), "website": english.website}),
        }
        if with_services:
            service = self.full()
            service.pop("organization", None)
            data["services"] = [service]
        return data

    def phones(self):
        if not self.english.phone:
            return []
        return [{"id": self.part("phone"), "service_id": self.id, "number": self.english.phone}]

    def schedules(self):
        """One schedule per regular session (iCalendar FREQ and BYDAY, opening and closing
        times), then the free-text notes on times, if any, as a schedule of their own."""
        rows = meetings.rows(self.english.schedule)
        notes = [row.get("notes", "") for row in meetings.rows(self.words.schedule)]
        if len(notes) != len(rows):  # a translation not yet synchronised: the English notes
            notes = [row.get("notes", "") for row in rows]
        sessions = [
            without_empty(
                {
                    "id": self.part(f"schedule/{number}"),
                    "service_id": self.id,
                    "freq": "MONTHLY" if row.get("weeks") else "WEEKLY",
                    "wkst": "MO",
                    "byday": meetings.ical_byday(row),
                    "opens_at": meetings.clock(row["start"]),
                    "closes_at": meetings.clock(row["end"]) if row.get("end") else None,
                    "description": meetings.row_text({**row, "notes": ""}),
                    "notes": note,
                }
            )
            for number, (row, note) in enumerate(zip(rows, notes, strict=True), start=1)
        ]
        if self.words.meeting_times:
            sessions.append(
                {"id": self.part("schedule"), "service_id": self.id, "description": self.words.meeting_times}
            )
        return sessions

    def languages(self):
        note = str(GroupLanguage(self.english.group_language).label)  # in the active language
        return [
            {
                "id": self.part(f"language/{code}"),
                "service_id": self.id,
                "name": LANGUAGE_NAMES[self.language][code],
                "code": code,  # ISO 639-1
                "note": note,
            }
            for code in self.english.spoken_languages
        ]

    def cost_options(self):
        """Free, low cost or paid, with the listing's note on cost (in the language asked for)."""
        english = self.english
        if not (english.cost or self.words.cost_note):
            return []
        return [
            without_empty(
                {
                    "id": self.part("cost_option"),
                    "service_id": self.id,
                    "option": str(Cost(english.cost).label) if english.cost else None,
                    "currency": "GBP" if english.cost == Cost.FREE else None,
                    "amount": 0 if english.cost == Cost.FREE else None,
                    "amount_description": self.words.cost_note,
                }
            )
        ]

    def attributes(self):
        """The listing's topics, each linking the service to a term of our taxonomy."""
        return [
            {
                "id": self.part(f"attribute/topic/{tagged.tag_id}"),
                "link_id": self.id,
                "link_entity": "service",
                "taxonomy_term_id": topic_term_id(tagged.tag_id),
                "taxonomy_term": topic_term(self.request, self.language, tagged.tag),
            }
            for tagged in self.english.tagged_topics.all()
        ]

    # --- where it happens --------------------------------------------------------------------

    @property
    def has_place(self):
        english = self.english
        return bool(
            english.address
            or english.postcode
            or (english.latitude is not None and english.longitude is not None)
        )

    def service_at_location(self, full, with_service=True):
        data = {
            "id": self.part("service_at_location"),
            "service_id": self.id,
            "location_id": self.part("location"),
            "location": self.location(full),
        }
        if with_service:
            data["service"] = self.full(with_locations=False) if full else self.fields()
        return data

    def location(self, full):
        english = self.english
        data = {"id": self.part("location"), "location_type": "physical"}
        if english.latitude is not None and english.longitude is not None:
            data["latitude"] = float(english.latitude)
            data["longitude"] = float(english.longitude)
        if full:
            data.update(without_empty({"addresses": self.addresses(), "accessibility": self.accessibility()}))
        return data

    def addresses(self):
        english = self.english
        if not (english.address or english.postcode):
            return []
        postcode = english.postcode.strip()
        squashed = postcode.replace(" ", "").upper()
        # The postcode has its own field; drop it where editors repeated it in the address.
        lines = [
            line.strip(" ,")
            for line in self.words.address.splitlines()
            if line.strip(" ,") and line.replace(" ", "").replace(",", "").upper() != squashed
        ]
        area = english.area
        town = (area.name_cy if self.language == "cy" else area.name) if area else COUNTY[self.language]
        return [
            {
                "id": self.part("address"),
                "location_id": self.part("location"),
                "address_1": lines[0] if lines else "",  # required: empty when only a postcode is known
                **without_empty({"address_2": ", ".join(lines[1:])}),
                "city": town,
                "state_province": COUNTY[self.language],
                "postal_code": postcode,
                "country": COUNTRY,
                "address_type": "physical",
            }
        ]

    def accessibility(self):
        """Each access feature the listing ticks, then its note on access, if any."""
        features = [
            {
                "id": self.part(f"accessibility/{name}"),
                "location_id": self.part("location"),
                "description": str(label),  # in the active language
            }
            for name, label in ACCESS_FEATURES
            if getattr(self.english, name)
        ]
        if self.words.accessibility:
            features.append(
                {
                    "id": self.part("accessibility"),
                    "location_id": self.part("location"),
                    "description": self.words.accessibility,
                }
            )
        return features
