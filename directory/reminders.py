"""Review reminders: a listing's editors hear from us when it is 11 months old."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.users.models import UserProfile

from home.public_address import public_url

from .models import GroupEditors, GroupPage, ReviewReminder

REMINDER_AGE = timedelta(days=335)  # 11 months: a month before readers are warned


def listings_due_a_reminder(today=None):
    """English listings with editors, 11 months or more since review and not yet reminded."""
    today = today or timezone.localdate()
    reminded = ReviewReminder.objects.values_list("translation_key", "last_reviewed")
    due = GroupPage.objects.live().filter(
        locale__language_code="en",
        last_reviewed__lte=today - REMINDER_AGE,
        translation_key__in=GroupEditors.objects.values("translation_key"),
    )
    already = set(reminded)
    return [
        listing
        for listing in due.order_by("last_reviewed")
        if (listing.translation_key, listing.last_reviewed) not in already
    ]


def send_reminder(listing):
    editors = GroupEditors.objects.get(translation_key=listing.translation_key)
    users = get_user_model().objects.filter(groups=editors.group, is_active=True).exclude(email="")
    for user in users:
        language = UserProfile.get_for_user(user).get_preferred_language()
        with translation.override(language):
            localized = listing.localized
            context = {
                "listing": localized,
                "edit_url": public_url(reverse("wagtailadmin_pages:edit", args=[localized.pk])),
            }
            subject = render_to_string("directory/emails/review_reminder_subject.txt", context).strip()
            body = render_to_string("directory/emails/review_reminder.txt", context)
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
    ReviewReminder.objects.create(
        translation_key=listing.translation_key, last_reviewed=listing.last_reviewed
    )
    return len(users)
