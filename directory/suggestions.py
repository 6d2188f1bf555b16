""" "Suggest a group": the public proposes a missing group; moderators decide.

A valid suggestion becomes a *draft* listing in the reader's language, submitted to the
moderation workflow; nothing is published without a moderator's approval. The reader's text is
stored and shown escaped. Bots are kept out without third-party services: a honeypot field
people never see, and a limit of five suggestions an hour from one address.
"""

from datetime import timedelta
from functools import partial

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.html import escape, linebreaks
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale
from wagtail_localize.operations import TranslationCreator

from bilingual.names import BilingualChoiceField
from home.mail import send_once
from home.public_address import public_page_url
from home.public_forms import PublicForm
from home.throttle import throttle_key

from .models.groups import Area, GroupPage, GroupSuggestion

SUGGESTIONS_PER_HOUR = 5
DUPLICATE_WINDOW = timedelta(minutes=10)  # the same suggestion again within it is a double click
SLUG_ATTEMPTS = 5
# Enough for "Knitting for the hospital", too few for a stray letter; moderators need words to judge.
DESCRIPTION_MIN_LENGTH = 20


class SuggestGroupForm(PublicForm):
    throttle_name = "group-suggestions"
    per_hour = SUGGESTIONS_PER_HOUR

    name = forms.CharField(
        label=_("Name of the group"),
        max_length=120,
        error_messages={"required": _("Enter the name of the group")},
    )
    description = forms.CharField(
        label=_("What does the group do?"),
        help_text=_("Who it is for, what it does and where it meets."),
        max_length=2000,
        min_length=DESCRIPTION_MIN_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": _("Tell us what the group does"),
            "min_length": _(
                "Tell us a little more about what the group does: at least %(limit_value)d characters "
                "(you wrote %(show_value)d)"
            ),
        },
    )
    area = BilingualChoiceField(Area, label=_("Area"))
    contact_email = forms.EmailField(
        label=_("The group's e-mail address (optional)"),
        required=False,
        error_messages={"invalid": _("Enter an e-mail address in the right format, like name@example.com")},
    )
    contact_phone = forms.CharField(
        label=_("The group's phone number (optional)"), max_length=30, required=False
    )
    website = forms.URLField(
        label=_("The group's website (optional)"),
        required=False,
        assume_scheme="https",
        error_messages={"invalid": _("Enter a web address, like https://example.org")},
    )
    submitter_email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("We will tell you when the group is listed. We do not publish it."),
        error_messages={
            "required": _("Enter your e-mail address"),
            "invalid": _("Enter an e-mail address in the right format, like name@example.com"),
        },
    )
    consent = forms.BooleanField(
        label=_("I agree that the council may keep my e-mail address to contact me about this suggestion."),
        error_messages={"required": _("Tick the box to agree that we may contact you")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].load_choices()


def _rate_key(request):
    return throttle_key(request, SuggestGroupForm.throttle_name)


def within_the_hourly_limit(request):
    """Count one more suggestion from the reader's address; False once it is over the limit."""
    return SuggestGroupForm.within_the_hourly_limit(request)


def _unique_slug(index, name):
    """The name's slug, numbered if another page below the directory has it already."""
    base = slugify(name)[:70] or "group"
    existing = set(index.get_children().filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 2
    while slug in existing:
        slug, number = f"{base}-{number}", number + 1
    return slug


def _add_under_a_free_slug(index, listing):
    """Add the listing below the directory, numbering its slug again if another suggestion
    took that one in the meantime (Wagtail refuses a slug a sibling has)."""
    for attempt in range(1, SLUG_ATTEMPTS + 1):
        listing.slug = _unique_slug(index, listing.title)
        try:
            with transaction.atomic():
                index.add_child(instance=listing)
            return
        except ValidationError as error:
            if "slug" not in error.message_dict or attempt == SLUG_ATTEMPTS:
                raise


def start_translation_into_the_default_language(listing):
    """A listing suggested in Welsh gets its English page too, made from it by wagtail-localize
    as a draft translation (the Welsh text waiting to be translated), so the group is not
    missing from the English site or the API once it is translated and published. The Welsh
    page stays the source text; translators find it in wagtail-localize's translation editor."""
    default = Locale.get_default()
    if listing.locale_id != default.pk:
        TranslationCreator(None, [default]).create_translations(listing, include_related_objects=False)


def create_draft_listing(index, form):
    """The draft listing for a valid suggestion, in the index's language, in moderation (and
    its draft translation into the site's default language); the reader's confirmation e-mail
    goes once it is stored.

    The draft, its first revision, its moderation and who suggested it are made in one
    transaction, after locking the directory's row: suggestions arriving together are made
    one after another, so that a double click finds the draft its first click made (the same
    name from the same e-mail address within DUPLICATE_WINDOW) rather than making another.
    """
    data = form.cleaned_data
    with transaction.atomic():
        index = type(index).objects.select_for_update().get(pk=index.pk)
        earlier = GroupSuggestion.objects.filter(
            listing__path__startswith=index.path,
            listing__title=data["name"],
            submitter_email__iexact=data["submitter_email"],
            created_at__gte=timezone.now() - DUPLICATE_WINDOW,
        ).first()
        if earlier:
            return earlier.listing
        listing = GroupPage(
            title=data["name"],
            summary=Truncator(data["description"]).chars(300),
            body=[("paragraph", linebreaks(escape(data["description"])))],
            area_id=form.fields["area"].pk_by_slug.get(data.get("area")),
            email=data["contact_email"],
            phone=data["contact_phone"],
            website=data["website"],
            live=False,
            last_reviewed=timezone.localdate(),
        )
        _add_under_a_free_slug(index, listing)
        listing.save_revision()
        listing.get_workflow().start(listing, user=None)
        suggestion = GroupSuggestion.objects.create(
            listing=listing, submitter_email=data["submitter_email"], language=index.locale.language_code
        )
        start_translation_into_the_default_language(listing)
        # Only once the draft is safely stored, and never holding the transaction open.
        transaction.on_commit(partial(send_confirmation, suggestion))
    return listing


def _send(suggestion, sent_field, template, context):
    """E-mail the reader, in the language they wrote in, one of the two messages the form
    promises; ``sent_field`` records that it went.

    Sent once (``home.mail.send_once``): if the mail server cannot be reached, the failure is
    logged; the reader has their thanks page all the same, and send_pending_confirmations
    tries again. Returns whether this call sent it.
    """

    def build():
        with translation.override(suggestion.language):
            subject = render_to_string(f"directory/emails/{template}_subject.txt", context).strip()
            body = render_to_string(f"directory/emails/{template}.txt", context)
        return EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [suggestion.submitter_email])

    return send_once(suggestion, sent_field, build)


def send_confirmation(suggestion):
    """Tell the reader their suggestion has arrived (see ``_send``)."""
    return _send(
        suggestion, "confirmation_sent_at", "suggestion_received", {"name": suggestion.listing.title}
    )


def send_listed(suggestion):
    """Keep the form's promise, "We will tell you when the group is listed" (see ``_send``)."""
    listing = suggestion.listing
    context = {"name": listing.title, "url": public_page_url(listing)}
    return _send(suggestion, "listed_email_sent_at", "suggestion_listed", context)


def suggested_listing_published(sender, instance, **kwargs):
    """``page_published`` receiver: the first time a suggested listing goes live, record it and
    then (once the publication is committed) tell whoever suggested it. Later publications of
    the same listing send nothing."""
    if not GroupSuggestion.objects.filter(listing_id=instance.pk, listed_at=None).update(
        listed_at=timezone.now()
    ):
        return
    for suggestion in GroupSuggestion.objects.filter(listing_id=instance.pk, listed_email_sent_at=None):
        transaction.on_commit(partial(send_listed, suggestion))
