"""What a community group's editors may do with events: add events under the events listing
of each language, and edit the events their group organises (whoever created them).

Granted through the directory's ``directory_group_editor_permissions`` hook when a group's
editors are set up, and again for each event saved with a group as organiser. Publishing stays
with moderators: every change an editor makes goes through the workflow on the site root.
"""

from django.contrib.auth.models import Permission
from wagtail.models import GroupPagePermission

from directory.models import GroupEditors

from .models import EventIndexPage, EventPage


def _page_permission(codename):
    return Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)


def grant_section_permissions(group, listing, index_model, page_model):
    """``group`` (a listing's editors) may add pages under the ``index_model`` pages of the
    listing's language and edit the ``page_model`` pages whose ``group`` is the listing."""
    add_page = _page_permission("add_page")
    for index in index_model.objects.filter(locale_id=listing.locale_id):
        GroupPagePermission.objects.get_or_create(group=group, page=index, permission=add_page)
    change_page = _page_permission("change_page")
    pages = page_model.objects.filter(
        group__translation_key=listing.translation_key, locale_id=listing.locale_id
    )
    for page in pages:
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=change_page)


def grant_event_permissions(group, listing):
    """``group`` (a listing's editors) may add events in the listing's language and edit its events."""
    grant_section_permissions(group, listing, EventIndexPage, EventPage)


def grant_organisers_editors(sender, instance, **kwargs):
    """post_save of an event (or any page with a ``group``): the group's editors may edit it."""
    if instance.group_id is None:
        return
    editors = GroupEditors.objects.filter(translation_key=instance.group.translation_key).first()
    if editors is not None:
        GroupPagePermission.objects.get_or_create(
            group=editors.group, page=instance, permission=_page_permission("change_page")
        )
