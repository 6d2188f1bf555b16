"""Reviews that actually happen: chasing a listing's "last reviewed" date until someone checks it.

A listing is due for review ``REVIEW_INTERVAL_DAYS`` after it was last reviewed. From then on,
each run of ``send_review_reminders`` (daily) takes the step the listing has reached, once:

1. on the due date, the group's editors get a reminder with a one-click "still correct" link;
2. ``REVIEW_SECOND_REMINDER_DAYS`` later, a second reminder;
3. ``REVIEW_FLAG_DAYS`` after the due date, the listing is listed to council editors (their
   dashboard panel and the weekly ``send_review_digest`` e-mail);
4. more than ``REVIEW_STALE_DAYS`` overdue, readers see "not checked recently" on its page and
   it sinks below checked listings in the directory and in search;
5. more than ``REVIEW_UNPUBLISH_DAYS`` overdue, it is unpublished in every language (never
   deleted) and council editors are told. Publishing it again gives it a fresh review date.

Every e-mail is in its recipient's language (the admin language in their Wagtail profile).
"""

import json
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import send_mail
from django.core.serializers.json import DjangoJSONEncoder
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Revision
from wagtail.users.models import UserProfile
from wagtail_localize.models import TranslationSource

from home.page_cache import forget_page_tree
from home.public_address import public_url

from .models import GroupEditors, GroupPage, ReviewReminder, overdue_since

COUNCIL_EDITORS = "Council editors"
STILL_CORRECT_SALT = "directory.reviews.still-correct"
Step = ReviewReminder.Step


def _days(setting):
    return timedelta(days=getattr(settings, setting))


def flagged_listings(today=None):
    """English live listings whose review is REVIEW_FLAG_DAYS or more overdue, oldest first:
    what council editors are shown on their dashboard and in the weekly digest."""
    return (
        GroupPage.objects.live()
        .filter(locale__language_code="en", last_reviewed__lte=overdue_since("REVIEW_FLAG_DAYS", today))
        .order_by("last_reviewed", "path")
    )


def step_reached(last_reviewed, today):
    """The step of the chase a listing last reviewed on ``last_reviewed`` has reached, or None."""
    overdue = (today - last_reviewed - _days("REVIEW_INTERVAL_DAYS")).days
    if overdue > settings.REVIEW_UNPUBLISH_DAYS:
        return Step.UNPUBLISHED
    if overdue >= settings.REVIEW_SECOND_REMINDER_DAYS:
        return Step.SECOND_REMINDER
    if overdue >= 0:
        return Step.FIRST_REMINDER
    return None


def steps_due(today=None):
    """[(listing, step)] for each English live listing with a step not yet taken, oldest first.

    A step comes once per listing and review date; a listing whose editors cannot be reminded
    (it has none) is not reminded, but is still flagged and, in the end, unpublished.
    """
    today = today or timezone.localdate()
    taken = set(ReviewReminder.objects.values_list("translation_key", "last_reviewed", "step"))
    with_editors = set(GroupEditors.objects.values_list("translation_key", flat=True))
    due = GroupPage.objects.live().filter(
        locale__language_code="en", last_reviewed__lte=today - _days("REVIEW_INTERVAL_DAYS")
    )
    steps = []
    for listing in due.order_by("last_reviewed", "path"):
        step = step_reached(listing.last_reviewed, today)
        if (listing.translation_key, listing.last_reviewed, step) in taken:
            continue
        if step != Step.UNPUBLISHED and listing.translation_key not in with_editors:
            continue
        steps.append((listing, step))
    return steps


def take_step(listing, step):
    """Send the reminder or unpublish the listing, and record the step; returns e-mails sent.

    A reminder is recorded once sent, so one the mail server refused goes out the next day. An
    unpublishing is recorded first: if the council's notice then fails, the weekly digest still
    lists the listing as unpublished.
    """

    def record():
        ReviewReminder.objects.create(
            translation_key=listing.translation_key, last_reviewed=listing.last_reviewed, step=step
        )

    if step == Step.UNPUBLISHED:
        record()
        return unpublish_unchecked(listing)
    sent = send_reminder(listing, step)
    record()
    return sent


def _language_of(user):
    return UserProfile.get_for_user(user).get_preferred_language()


def _mail(user, template, context):
    """E-mail ``user`` the ``template`` (and its ``_subject``) in their admin language."""
    with translation.override(_language_of(user)):
        context = {key: value() if callable(value) else value for key, value in context.items()}
        subject = render_to_string(f"directory/emails/{template}_subject.txt", context).strip()
        body = render_to_string(f"directory/emails/{template}.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])


def _in_language(listing):
    """The listing in the active language, live or not (``.localized`` finds only live ones)."""
    same = GroupPage.objects.filter(translation_key=listing.translation_key)
    return same.filter(locale__language_code=translation.get_language()).first() or listing


def _edit_url(listing):
    return public_url(reverse("wagtailadmin_pages:edit", args=[listing.pk]))


def still_correct_link(user, listing):
    """The signed "still correct" address for ``user``, in the active language."""
    token = signing.TimestampSigner(salt=STILL_CORRECT_SALT).sign_object(
        {"user": user.pk, "listing": str(listing.translation_key)}
    )
    return public_url(reverse("directory_still_correct", args=[token]))


def read_still_correct_token(token):
    """{"user", "listing"} from a "still correct" link; raises ``signing.SignatureExpired``
    after REVIEW_LINK_MAX_AGE_DAYS and ``signing.BadSignature`` if it was altered."""
    return signing.TimestampSigner(salt=STILL_CORRECT_SALT).unsign_object(
        token, max_age=_days("REVIEW_LINK_MAX_AGE_DAYS")
    )


def read_expired_token(token):
    """What an expired (but genuine) link was for, to send its reader to the right edit page."""
    return signing.TimestampSigner(salt=STILL_CORRECT_SALT).unsign_object(token)


def _active_with_email(users):
    return users.filter(is_active=True).exclude(email="").order_by("pk")


def council_editors():
    return _active_with_email(get_user_model().objects.filter(groups__name=COUNCIL_EDITORS))


def send_reminder(listing, step=Step.FIRST_REMINDER):
    """Remind each of the listing's editors, in their language, with their own signed link."""
    editors = GroupEditors.objects.get(translation_key=listing.translation_key)
    users = list(_active_with_email(get_user_model().objects.filter(groups=editors.group)))
    for user in users:
        _mail(
            user,
            "review_reminder",
            {
                "listing": lambda: _in_language(listing),
                "edit_url": lambda: _edit_url(_in_language(listing)),
                "still_correct_url": lambda user=user: still_correct_link(user, listing),
                "second": step == Step.SECOND_REMINDER,
            },
        )
    return len(users)


def unpublish_unchecked(listing):
    """Take the listing off the site in every language (kept, with its history) and tell the
    council; returns the number of council editors told."""
    for page in GroupPage.objects.live().filter(translation_key=listing.translation_key):
        page.unpublish()
    users = list(council_editors())
    for user in users:
        _mail(
            user,
            "review_unpublished",
            {"listing": lambda: _in_language(listing), "edit_url": lambda: _edit_url(_in_language(listing))},
        )
    return len(users)


def send_digest(today=None):
    """The weekly digest to council editors: listings flagged for review and those unpublished
    in the last week. Nothing is sent when both lists are empty; returns e-mails sent."""
    today = today or timezone.localdate()
    flagged = list(flagged_listings(today))
    since = timezone.now() - timedelta(days=7)
    unpublished_keys = ReviewReminder.objects.filter(step=Step.UNPUBLISHED, sent_at__gte=since).values(
        "translation_key"
    )
    unpublished = list(
        GroupPage.objects.filter(locale__language_code="en", translation_key__in=unpublished_keys, live=False)
    )
    if not flagged and not unpublished:
        return 0
    users = list(council_editors())

    def listed(listings):
        return lambda: [
            {"listing": _in_language(page), "edit_url": _edit_url(_in_language(page))} for page in listings
        ]

    for user in users:
        _mail(user, "review_digest", {"flagged": listed(flagged), "unpublished": listed(unpublished)})
    return len(users)


def may_confirm(user, translation_key):
    """Only the listing's own editors and council editors may say a listing is still correct."""
    if not user.is_active:
        return False
    if user.has_perm("directory.change_area"):  # council editors
        return True
    return user.groups.filter(community_group__translation_key=translation_key).exists()


def mark_reviewed(translation_key, day=None):
    """Set "last reviewed" to ``day`` (today) on the listing in every language, without an edit.

    The date is a synchronised field, so it is written where each copy of it lives: the pages,
    their live and latest revisions (so publishing a draft later keeps it) and wagtail-localize's
    copy of the source (so the next translation sync brings the same date, not the old one).
    """
    day = day or timezone.localdate()
    pages = GroupPage.objects.filter(translation_key=translation_key)
    pages.update(last_reviewed=day)
    revision_ids = {pk for pair in pages.values_list("live_revision_id", "latest_revision_id") for pk in pair}
    for revision in Revision.objects.filter(pk__in=revision_ids - {None}):
        revision.content["last_reviewed"] = day.isoformat()
        revision.save(update_fields=["content"])
    for source in TranslationSource.objects.filter(object_id=translation_key):
        content = json.loads(source.content_json)
        content["last_reviewed"] = day.isoformat()
        source.content_json = json.dumps(content, cls=DjangoJSONEncoder)
        source.save(update_fields=["content_json"])
    forget_page_tree()


def revive_on_publish(sender, instance, **kwargs):
    """A listing unpublished for want of review and published again gets a fresh review date,
    so the chase starts again from the beginning instead of unpublishing it the next morning."""
    if ReviewReminder.objects.filter(
        translation_key=instance.translation_key, last_reviewed=instance.last_reviewed, step=Step.UNPUBLISHED
    ).exists():
        mark_reviewed(instance.translation_key)
        instance.last_reviewed = timezone.localdate()
