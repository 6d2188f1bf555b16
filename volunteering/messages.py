""" "I'd like to help" and "Contact this group": a resident's message relayed to a group.

The message is stored first; the e-mails go once the transaction has committed (the group's
contacts, in the group's language, with the resident's address as reply-to; a confirmation to
the resident in the language they chose). A mail server that is down costs the resident
nothing: ``send_pending_messages`` sends later. The group's e-mail address is never shown.
Bots are kept out as on "suggest a group": a honeypot, a per-address hourly limit
(``home.throttle``), a length limit and a limit on web links.
"""

import re
from functools import partial

from django import forms
from django.conf import settings
from django.core.mail import EmailMessage
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from bilingual.language import current_language
from directory.editors import editors_of
from home.mail import send_once, store_then_send
from home.public_address import public_url
from home.public_forms import TOO_MANY, PublicForm, check_post

from .models.message import LANGUAGES, Message

MESSAGES_PER_HOUR = 5
MAX_LINKS = 2
LINK = re.compile(r"https?://|www\.", re.IGNORECASE)


class ResidentForm(PublicForm):
    """What every public form of this app asks of a resident (name, e-mail, the language for
    replies, consent) and the honeypot bots fill in; each form adds its own fields."""

    throttle_name = "group-messages"
    per_hour = MESSAGES_PER_HOUR

    name = forms.CharField(
        label=_("Your name"), max_length=100, error_messages={"required": _("Enter your name")}
    )
    email = forms.EmailField(
        label=_("Your e-mail address"),
        error_messages={
            "required": _("Enter your e-mail address"),
            "invalid": _("Enter an e-mail address in the right format, like name@example.com"),
        },
    )
    language = forms.ChoiceField(
        label=_("Which language should the group reply in?"), choices=LANGUAGES, widget=forms.RadioSelect
    )
    consent = forms.BooleanField(
        label=_("I agree that my details are passed to the group so that they can reply to me."),
        error_messages={"required": _("Tick the box to agree that we pass your details to the group")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = current_language()


def with_few_links(text):
    """``text``, unless it has more web links than a person writing to a group would need."""
    if len(LINK.findall(text)) > MAX_LINKS:
        raise forms.ValidationError(_("Leave out web links: a message can have two at most"))
    return text


class MessageForm(ResidentForm):
    phone = forms.CharField(label=_("Your phone number (optional)"), max_length=30, required=False)
    text = forms.CharField(
        label=_("Your message"),
        help_text=_("Say a little about yourself and when you are free. 2,000 characters at most."),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": _("Write a message to the group"),
            "max_length": _("Make your message shorter: 2,000 characters at most"),
        },
    )

    def clean_text(self):
        return with_few_links(self.cleaned_data["text"])


def resident_form_view(page, request, form, store, thanks_url, template, context):
    """A public form on ``page``'s route: show it, refuse bots (400) and floods (429, counted
    per address before anything is stored), or ``store(cleaned_data)`` and go to ``thanks_url``."""
    refusal = status = None
    if request.method == "POST":
        may_store, status = check_post(request, form)
        if may_store:
            store(form.cleaned_data)
            return redirect(thanks_url)
        if status == TOO_MANY:
            refusal = _("You have sent several messages in the last hour. Please try again later.")
        elif status:
            refusal = _("Your message could not be sent.")
    response = page.render(
        request,
        template=template,
        context_overrides={
            "form": form,
            "refusal": refusal,
            "retention_days": settings.MESSAGE_RETENTION_DAYS,
            **context,
        },
    )
    if status:
        response.status_code = status
    return response


def message_form_view(page, request, group, opportunity, form_url, thanks_url, alternate_urls):
    """ "I'd like to help" (with an opportunity) or "Contact this group" on ``page``'s route."""

    def store(data):
        fields = {name: data[name] for name in ("name", "email", "phone", "text", "language")}
        return store_then_send(Message, send_message, group=group, opportunity=opportunity, **fields)

    return resident_form_view(
        page,
        request,
        MessageForm(request.POST or None),
        store,
        thanks_url,
        "volunteering/message_form.html",
        {"group": group, "opportunity": opportunity, "form_url": form_url, "alternate_urls": alternate_urls},
    )


def group_language(group):
    """The language the group chose for the e-mails its contacts receive (its listing's
    "language for e-mails to the group")."""
    return group.email_language


def group_recipients(group):
    """The group's own address and its editors'; the council's if the group has neither."""
    from home.models import PortalSettings

    addresses = [group.email] if group.email else []
    addresses += [user.email for user in editors_of(group) if user.email and user.email not in addresses]
    if not addresses:
        portal = PortalSettings.objects.filter(site__is_default_site=True).first()
        addresses = [portal.contact_email if portal else settings.DEFAULT_FROM_EMAIL]
    return addresses


def title_in(page, language):
    """The page's title in ``language`` (its translation's), else its own; "" for no page."""
    if page is None:
        return ""
    translation = page.get_translation_or_none(Locale.objects.get(language_code=language))
    return (translation or page).title


def relay_email(template, language, to, context, reply_to=None):
    """The e-mail ``volunteering/emails/<template>.txt`` (and its ``_subject.txt``) in ``language``."""
    context = {
        **context,
        "admin_url": public_url(reverse("volunteering_messages:index")),
    }
    with translation.override(language):
        subject = render_to_string(f"volunteering/emails/{template}_subject.txt", context).strip()
        body = render_to_string(f"volunteering/emails/{template}.txt", context)
    return EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, to, reply_to=reply_to)


def send_message(message):
    """E-mail the group and the resident whatever has not gone yet; returns how many went."""
    group, opportunity = message.group, message.opportunity

    def email(template, language, to, reply_to=None):
        context = {
            "message": message,
            "group_name": title_in(group, language),
            "opportunity_title": title_in(opportunity, language),
            "reply_language": dict(LANGUAGES)[message.language],
            "admin_url": public_url(reverse("volunteering_messages:index")),
        }
        return relay_email(template, language, to, context, reply_to)

    to_group = partial(email, "to_group", group_language(group), group_recipients(group), [message.email])
    confirmation = partial(email, "confirmation", message.language, [message.email])
    return send_once(message, "sent_to_group_at", to_group) + send_once(
        message, "confirmation_sent_at", confirmation
    )
