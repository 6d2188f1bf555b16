"""Demo content for volunteering: opportunities with the directory's demo groups, in both languages.

Dates in ``home/demo/volunteering.json`` are days from the day it is loaded (``start_days``,
``closing_days``), so the demo always has opportunities open, some closing soon, and a couple
that are over. Its ``offers`` are residents' offers of help a council editor has approved,
some written in Welsh and some in English, as residents write them (offers are not translated).
"""

from datetime import timedelta

from django.utils import timezone

from demo.helpers import ensure_child_page, ensure_translation, load_json, locales
from directory.models import Area, GroupPage
from events.models import Venue
from home.models import HomePage
from search.models import Topic
from volunteering.models import Offer, OfferStatus, OpportunityPage, VolunteeringIndexPage

TRANSLATED_FIELDS = ("title", "slug", "summary", "what_you_do", "what_you_get")
OPTIONAL_TRANSLATED_FIELDS = ("pattern", "skills", "checks", "accessibility")
FLAGS = ("weekdays", "evenings", "weekends", "from_home", "suits_families", "suits_newcomers",
         "suits_welsh_learners", "welsh_needed", "expenses_paid", "is_closed")  # fmt: skip
NUMBERS = ("hours", "minimum_age", "people_wanted")


def ensure_volunteering_index(data):
    language_locales = locales()
    english_home = HomePage.objects.get(depth=2, locale=language_locales["en"])
    english_fields = dict(data["en"])
    english, _ = ensure_child_page(
        english_home, VolunteeringIndexPage, english_fields.pop("slug"), show_in_menus=True, **english_fields
    )
    ensure_translation(english, language_locales["cy"], **data["cy"])
    return english


def _texts(opportunity, language):
    fields = {name: opportunity[f"{name}_{language}"] for name in TRANSLATED_FIELDS}
    for name in OPTIONAL_TRANSLATED_FIELDS:
        field = "skills_and_training" if name == "skills" else name
        fields[field] = opportunity.get(f"{name}_{language}", "")
    return fields


def _shared(opportunity, today, venues, areas, groups):
    def day(key):
        return today + timedelta(days=opportunity[key]) if key in opportunity else None

    fields = {name: opportunity.get(name, False) for name in FLAGS}
    fields.update({name: opportunity.get(name) for name in NUMBERS})
    venue = venues.get(opportunity.get("venue"))
    fields.update(
        group=groups[opportunity["group"]],
        commitment=opportunity["commitment"],
        hours_per=opportunity.get("hours_per", "week"),
        start_date=day("start_days"),
        end_date=day("end_days"),
        closing_date=day("closing_days"),
        venue=venue,
        area=areas.get(opportunity.get("area")) or (venue.area if venue else None),
    )
    return fields


def load_opportunities(log):
    data = load_json("volunteering.json")
    directory = load_json("directory.json")
    welsh_locale = locales()["cy"]
    english_index = ensure_volunteering_index(data["index"])
    topic_slugs = {topic["key"]: topic["slug_en"] for topic in directory["topics"]}
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    group_slugs = {group["key"]: group["slug_en"] for group in directory["groups"]}
    groups_by_slug = {group.slug: group for group in GroupPage.objects.filter(locale=english_index.locale)}
    groups = {key: groups_by_slug[slug] for key, slug in group_slugs.items() if slug in groups_by_slug}
    venues = {venue.slug: venue for venue in Venue.objects.select_related("area")}
    areas = {area.slug: area for area in Area.objects.all()}
    today = timezone.localdate()
    for opportunity in data["opportunities"]:
        english_fields = _texts(opportunity, "en")
        english, _ = ensure_child_page(
            english_index,
            OpportunityPage,
            english_fields.pop("slug"),
            topics=[topics[topic_slugs[key]] for key in opportunity["topics"]],
            **_shared(opportunity, today, venues, areas, groups),
            **english_fields,
        )
        ensure_translation(english, welsh_locale, **_texts(opportunity, "cy"))
    log(f"Volunteering opportunities: {len(data['opportunities'])} in English and Welsh")


def load_offers(log):
    """A handful of approved offers of help; their confirmations count as sent, so that
    ``send_pending_messages`` e-mails no demo address."""
    areas = {area.slug: area for area in Area.objects.all()}
    for number, offer in enumerate(load_json("volunteering.json")["offers"], start=1):
        Offer.objects.get_or_create(
            what=offer["what"],
            defaults={
                "area": areas.get(offer.get("area")),
                "when": offer.get("when", ""),
                "language": offer["language"],
                "name": f"Demo resident {number}",
                "email": f"resident{number}@example.org",
                "status": OfferStatus.APPROVED,
                "confirmation_sent_at": timezone.now(),
            },
        )
    log(f"Offers of help: {Offer.objects.listed().count()} listed")
