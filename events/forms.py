"""The event editing form: a group editor's events are organised by their own group.

A group editor who looks after one group is not asked: the event is theirs. One who looks after
several finds their first group chosen, and may choose another of theirs only. Everyone else's
chooser opens at the directory in the event's language rather than at the root of the site.
Volunteering opportunities use it too, with their own message (``own_group_message``).
See https://docs.wagtail.org/en/stable/extending/forms.html (``base_form_class``)
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from directory.editors import listings_edited_by
from directory.models import GroupIndexPage
from home.choosers import PageChooserOpeningAt


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
        if "group" not in self.fields:
            return
        locale_id = self.instance.locale_id or (self.parent_page and self.parent_page.locale_id)
        if self.own_groups is None:
            self.fields["group"].widget = PageChooserOpeningAt.replacing(
                self.fields["group"].widget, GroupIndexPage.objects.filter(locale_id=locale_id).first()
            )
            return
        own = sorted(self.own_groups, key=lambda listing: listing.locale_id != locale_id)
        if self.instance.group_id not in (None, *(listing.pk for listing in own)):
            # Another group's event, which the editor may see but not hand to their own group.
            self.fields["group"].required = True
        elif len({listing.translation_key for listing in own}) == 1:
            del self.fields["group"]  # one group: the event is theirs, nothing to ask
            if self.instance.group_id is None:
                self.instance.group = own[0]
        else:
            self.fields["group"].required = True
            if self.instance.group_id is None:
                self.initial["group"] = own[0].pk

    def clean_group(self):
        group = self.cleaned_data.get("group")
        if self.own_groups is not None and (
            group is None or not self.own_groups.filter(pk=group.pk).exists()
        ):
            raise forms.ValidationError(self.own_group_message)
        return group
