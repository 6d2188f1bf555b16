"""The portal's pictograms: one simple picture per topic, drawn for the portal (no downloads).

A page without a picture of its own is shown in lists with its first topic's pictogram instead
(``{% topic_pictogram %}`` in ``search_tags``), so listings look deliberate without uploads
and never show a photo that is not there. Each pictogram is an SVG in ``static/pictograms/``
with its topic's colour behind a white line drawing; it is decorative (``alt=""``) because the
page's title is always beside it. Council editors choose a topic's pictogram in the topic's
snippet form (``Topic.pictogram``).
"""

from django.templatetags.static import static
from django.utils.translation import gettext_lazy as _

# name (the file static/pictograms/<name>.svg) -> what it shows, for the editors' choice
PICTOGRAMS = {
    "community": _("People together (any topic)"),
    "volunteering": _("A heart (volunteering)"),
    "reading": _("An open book (libraries and reading)"),
    "food": _("A bowl of soup (food)"),
    "sport": _("A football (sport)"),
    "young-people": _("A kite (young people)"),
    "older-people": _("A cup of tea (older people)"),
    "environment": _("A leaf (environment)"),
    "heritage": _("A castle (arts and heritage)"),
    "welsh-language": _("A speech bubble (the Welsh language)"),
    "health": _("A cross (health and wellbeing)"),
    "building": _("A house (community buildings)"),
    "music": _("Musical notes (music)"),
    "repair": _("Arrows in a circle (repair and reuse)"),
    "families": _("A grown-up and a child (families)"),
    "befriending": _("Two friends (befriending)"),
    "money": _("A pound sign (money and advice)"),
}
DEFAULT_PICTOGRAM = "community"


def pictogram_url(name):
    """The static address of a pictogram; an unknown name gives the default one."""
    return static(f"pictograms/{name if name in PICTOGRAMS else DEFAULT_PICTOGRAM}.svg")


def pictogram_for(page):
    """The pictogram name of a page's first topic (by name), from its prefetched topics when
    the listing prefetched them; the default pictogram for a page without topics."""
    topics = (
        page.topic_list
        if hasattr(page, "topic_list")
        else sorted(page.topics.all(), key=lambda topic: topic.name)
    )
    return topics[0].pictogram if topics else DEFAULT_PICTOGRAM
