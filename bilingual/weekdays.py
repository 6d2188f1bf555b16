"""The days of the week inside a sentence, in both languages: "Every Tuesday", "Bob dydd
Mawrth", "Second Monday of every month", "Yr ail ddydd Llun bob mis".

Shared by the events' repeat rules (``events.recurrence``) and the directory's weekly schedules
(``directory.schedule``) so that the two say a day the same way.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class WeekOfMonth(models.IntegerChoices):
    FIRST = 1, _("First")
    SECOND = 2, _("Second")
    THIRD = 3, _("Third")
    FOURTH = 4, _("Fourth")
    LAST = -1, _("Last")


# Day names as they read inside a sentence. Welsh softens "dydd" to "ddydd" after "ail"
# ("every other", "second"), so those sentences take the names in a context of their own, as
# Django's own MONTHS_ALT does for languages whose month names change with the grammar.
DAY_NAMES = [
    pgettext_lazy("day of the week in a sentence", "Monday"),
    pgettext_lazy("day of the week in a sentence", "Tuesday"),
    pgettext_lazy("day of the week in a sentence", "Wednesday"),
    pgettext_lazy("day of the week in a sentence", "Thursday"),
    pgettext_lazy("day of the week in a sentence", "Friday"),
    pgettext_lazy("day of the week in a sentence", "Saturday"),
    pgettext_lazy("day of the week in a sentence", "Sunday"),
]
DAY_NAMES_AFTER_OTHER = [
    pgettext_lazy("day of the week after 'other' or 'second' (Welsh: after ail)", "Monday"),
    pgettext_lazy("day of the week after 'other' or 'second' (Welsh: after ail)", "Tuesday"),
    pgettext_lazy("day of the week after 'other' or 'second' (Welsh: after ail)", "Wednesday"),
    pgettext_lazy("day of the week after 'other' or 'second' (Welsh: after ail)", "Thursday"),
    pgettext_lazy("day of the week after 'other' or 'second' (Welsh: after ail)", "Friday"),
    pgettext_lazy("day of the week after 'other' or 'second' (Welsh: after ail)", "Saturday"),
    pgettext_lazy("day of the week after 'other' or 'second' (Welsh: after ail)", "Sunday"),
]
# (sentence, day names it takes) for each way of repeating.
WEEKLY_TEXT = (_("Every %(day)s"), DAY_NAMES)
FORTNIGHTLY_TEXT = (_("Every other %(day)s"), DAY_NAMES_AFTER_OTHER)
MONTHLY_TEXT = {
    WeekOfMonth.FIRST: (_("First %(day)s of every month"), DAY_NAMES),
    WeekOfMonth.SECOND: (_("Second %(day)s of every month"), DAY_NAMES_AFTER_OTHER),
    WeekOfMonth.THIRD: (_("Third %(day)s of every month"), DAY_NAMES),
    WeekOfMonth.FOURTH: (_("Fourth %(day)s of every month"), DAY_NAMES),
    WeekOfMonth.LAST: (_("Last %(day)s of every month"), DAY_NAMES),
}
