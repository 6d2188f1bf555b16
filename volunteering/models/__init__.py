"""Volunteering, split by kind: ``opportunities`` (the opportunity pages), ``index`` (the listing
that finds them), ``message`` (what residents send to groups) and ``offer`` (offers of help
without a group in mind)."""

from .index import VolunteeringIndexPage
from .message import LANGUAGES, Message, MessageStatus
from .offer import Offer, OfferReply, OfferStatus, offer_cutoff
from .opportunities import (
    CONTACT_PATH,
    HELP_PATH,
    NEW_OFFER_PATH,
    OFFERS_PATH,
    THANKS_PATH,
    Commitment,
    HoursPer,
    OpportunityPage,
    OpportunityPageForm,
    form_path,
    form_urls,
    open_on,
)

__all__ = [
    "CONTACT_PATH",
    "HELP_PATH",
    "NEW_OFFER_PATH",
    "OFFERS_PATH",
    "THANKS_PATH",
    "Commitment",
    "HoursPer",
    "LANGUAGES",
    "Message",
    "MessageStatus",
    "Offer",
    "OfferReply",
    "OfferStatus",
    "OpportunityPage",
    "OpportunityPageForm",
    "VolunteeringIndexPage",
    "form_path",
    "form_urls",
    "offer_cutoff",
    "open_on",
]
