"""The community group directory, split by kind: ``groups`` (the group pages, areas, editors,
reminders and suggestions) and ``index`` (the directory page that lists and finds them)."""

from .groups import (
    ACCESS_FEATURES,
    REVIEW_INTERVAL,
    Area,
    Cost,
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
    "GroupEditors",
    "GroupIndexPage",
    "ACCESS_FEATURES",
    "Cost",
    "GroupLanguage",
    "GroupPage",
    "GroupSuggestion",
    "ReviewReminder",
    "SocialLinkBlock",
    "related_sections",
]
