"""Volunteering, split by kind: ``opportunities`` (the opportunity pages), ``index`` (the listing
that finds them) and ``message`` (what residents send to groups)."""

from .index import VolunteeringIndexPage
from .message import Message, MessageStatus
from .opportunities import (
    CONTACT_PATH,
    HELP_PATH,
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
    "THANKS_PATH",
    "Commitment",
    "HoursPer",
    "Message",
    "MessageStatus",
    "OpportunityPage",
    "OpportunityPageForm",
    "VolunteeringIndexPage",
    "form_path",
    "form_urls",
    "open_on",
]
