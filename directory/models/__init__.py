"""The community group directory, split by kind: ``groups`` (the group pages, areas, editors,
reminders and suggestions) and ``index`` (the directory page that lists and finds them)."""

from .claims import ClaimState, ListingClaim
from .groups import (
    ACCESS_FEATURES,
    Area,
    Cost,
    GroupEditors,
    GroupLanguage,
    GroupPage,
    GroupSuggestion,
    ReviewReminder,
    SocialLinkBlock,
    overdue_since,
    related_sections,
    unchecked_before,
)
from .index import SUGGEST_PATH, THANKS_PATH, GroupIndexPage

__all__ = [
    "SUGGEST_PATH",
    "THANKS_PATH",
    "Area",
    "ClaimState",
    "GroupEditors",
    "GroupIndexPage",
    "ACCESS_FEATURES",
    "Cost",
    "GroupLanguage",
    "GroupPage",
    "GroupSuggestion",
    "ListingClaim",
    "ReviewReminder",
    "SocialLinkBlock",
    "overdue_since",
    "related_sections",
    "unchecked_before",
]
