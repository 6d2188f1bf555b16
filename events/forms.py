"""The event editing form: a group editor's events are organised by their own group.

Volunteering opportunities use it too, with their own message (``own_group_message``).
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from directory.editors import listings_edited_by


def organisers_for(user):
    """The groups ``user`` may name as an event's organiser: all of them, unless the user is
    only a group editor, who may name their own group's listing (in either language) alone."""
    if user.is_superuser or user.groups.exclude(community_group__isnull=False).exists():
        return None
    listings = listings_edited_by(user)
    return listings if listings.exists() else None


class EventPageForm(WagtailAdminPageForm):
    own_group_message = _(
        "Choose your own group as the organiser: you can add events for the group you look after only."
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.own_groups = organisers_for(self.for_user) if self.for_user else None
        if self.own_groups is not None and "group" in self.fields:
            self.fields["group"].required = True

    def clean_group(self):
        group = self.cleaned_data.get("group")
        if self.own_groups is not None and (
            group is None or not self.own_groups.filter(pk=group.pk).exists()
        ):
            raise forms.ValidationError(self.own_group_message)
        return group
