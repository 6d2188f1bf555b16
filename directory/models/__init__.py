"""The community group directory, split by kind: ``groups`` (the group pages, areas, editors,
reminders and suggestions) and ``index`` (the directory page that lists and finds them)."""

from .claims import ClaimState, ListingClaim
from .groups import (
    REVIEW_INTERVAL,
    Area,
    GroupEditors,
    GroupLanguage,
    GroupPage,
    GroupSuggestion,
    ReviewReminder,
    SocialLinkBlock,
    related_sections,
)
from .index import SUGGEST_PATH, THANKS_PATH, GroupIndexPage

__all__ = [
    "REVIEW_INTERVAL",
    "SUGGEST_PATH",
    "THANKS_PATH",
    "Area",
    "ClaimState",
    "GroupEditors",
    "GroupIndexPage",
    "GroupLanguage",
    "GroupPage",
    "GroupSuggestion",
    "ListingClaim",
    "ReviewReminder",
    "SocialLinkBlock",
    "related_sections",
]
