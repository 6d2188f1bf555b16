"""Group editors: trusted volunteers who look after one community group's listing.

Each community group gets one Django group with permission to *change* (never publish) its
listing in every language, to add events (through the ``directory_group_editor_permissions``
hook the events app registers) and to upload images into a collection of its own. Their changes
go through the moderation workflow on the site root.
See https://docs.wagtail.org/en/stable/topics/permissions.html
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from wagtail import hooks
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission
from wagtail.users.models import UserProfile

from home.page_cache import forget_page_tree
from home.public_address import public_url

from .models import GroupEditors, GroupPage

IMAGE_ACTIONS = ("add_image", "choose_image", "change_image")


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _english_listing(listing):
    listings = GroupPage.objects.filter(translation_key=listing.translation_key)
    return listings.filter(locale__language_code="en").first() or listing


def ensure_group_editors(listing):
    """The editors' group for ``listing``, with its permissions on every translation."""
    english = _english_listing(listing)
    editors = GroupEditors.objects.filter(translation_key=english.translation_key).first()
    if editors is None:
        # Two groups may share a name ("Friends of the Library"): the editors' group is the
        # listing's, found by its translation key, and named with the key to stay unique.
        key = str(english.translation_key)
        group = Group.objects.create(name=f"Group editors: {english.title}"[:139] + f" ({key[:8]})")
        collection = Collection.get_first_root_node().add_child(
            name=f"{english.title}"[:244] + f" ({key[:8]})"
        )
        editors = GroupEditors.objects.create(
            translation_key=english.translation_key, group=group, collection=collection
        )
        group.permissions.add(_permission("wagtailadmin", "access_admin"))
        for codename in IMAGE_ACTIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=_permission("wagtailimages", codename)
            )
    grant_listing_permissions(editors)
    return editors


def grant_listing_permissions(editors):
    """Change permission on every translation of the listing (new translations included)."""
    change_page = _permission("wagtailcore", "change_page")
    for listing in editors.listings():
        GroupPagePermission.objects.get_or_create(group=editors.group, page=listing, permission=change_page)
        for hook in hooks.get_hooks("directory_group_editor_permissions"):
            hook(editors.group, listing)


def grant_editors_on_new_translation(sender, instance, created, **kwargs):
    """post_save of a listing: a translation made after the editors were invited is theirs too."""
    if created:
        editors = GroupEditors.objects.filter(translation_key=instance.translation_key).first()
        if editors is not None:
            grant_listing_permissions(editors)


def invite_editor(listing, email, language="en"):
    """Make ``email`` an editor of ``listing`` and e-mail them how to sign in, in ``language``.

    This is the one way anyone but a superuser brings a person into the admin: it creates an
    account with no password (or reuses the one with that address) and adds it to this
    listing's editors, nothing else. A new account gets a link to choose a password; an
    existing one keeps its password, its language and its other roles, and is told where to
    sign in.
    """
    editors = ensure_group_editors(listing)
    User = get_user_model()
    user = User.objects.filter(email__iexact=email).first()
    created = user is None
    if created:
        user = User.objects.create_user(username=_free_username(User, email), email=email)
        user.set_unusable_password()
        user.save()
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language  # the admin and Wagtail's e-mails speak it
        profile.save()
    user.groups.add(editors.group)
    forget_page_tree()  # the listing's page no longer offers "ask to look after this listing"
    _send_invitation(user, _english_listing(listing), language)
    return user, created


def _free_username(User, email):
    base = email.lower()[:140]
    username, number = base, 2
    while User.objects.filter(username=username).exists():
        username, number = f"{base}-{number}", number + 1
    return username


def _send_invitation(user, listing, language):
    if user.has_usable_password():
        link = public_url(reverse("wagtailadmin_home"))
    else:
        token = default_token_generator.make_token(user)
        link = public_url(
            reverse(
                "wagtailadmin_password_reset_confirm",
                kwargs={"uidb64": urlsafe_base64_encode(force_bytes(user.pk)), "token": token},
            )
        )
    with translation.override(language):
        context = {
            "user": user,
            "listing": listing.localized,
            "link": link,
            "has_password": user.has_usable_password(),
        }
        subject = render_to_string("directory/emails/invitation_subject.txt", context).strip()
        body = render_to_string("directory/emails/invitation.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])


def editors_of(listing):
    """The accounts that look after ``listing`` (in every language), by user name."""
    return (
        get_user_model()
        .objects.filter(groups__community_group__translation_key=listing.translation_key)
        .order_by("username")
    )


def listings_edited_by(user):
    """The listings a group editor looks after, in every language."""
    keys = GroupEditors.objects.filter(group__user=user).values("translation_key")
    return GroupPage.objects.filter(translation_key__in=keys).select_related("locale").order_by("title")
