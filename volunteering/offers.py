""" "Offers of help": a resident offers something without a group in mind, council editors
approve it, and its anonymised summary is listed below the volunteering listing
(``offers/``, Welsh ``cynigion/``), where any group's editors can answer it.

The form is the message form's (``volunteering.messages``): the same honeypot, per-address
limit, link limit and privacy notice; the offer is stored before the resident's confirmation
is e-mailed, and ``send_pending_messages`` sends what could not go. A group's answer reaches
the resident the same way, in the resident's language, with the group's contacts as reply-to:
the group never sees the resident's address, and the resident decides whether to reply.
"""

from functools import partial

from django import forms
from django.conf import settings
from django.core.paginator import Paginator
from django.utils.translation import gettext_lazy as _

from directory.models import Area
from home.mail import send_once, store_then_send

from .messages import (
    ResidentForm,
    group_recipients,
    relay_email,
    resident_form_view,
    title_in,
    with_few_links,
)
from .models.message import LANGUAGES
from .models.offer import Offer

OFFERS_PER_PAGE = 20


class OfferForm(ResidentForm):
    throttle_name = "offers-of-help"

    what = forms.CharField(
        label=_("What can you offer?"),
        help_text=_(
            "For example: “I can drive a minibus on Saturdays” or “we have a room free on Tuesday "
            "evenings”. This is shown on the website, so leave out your name and contact details. "
            "1,000 characters at most."
        ),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": _("Say what you can offer"),
            "max_length": _("Make your offer shorter: 1,000 characters at most"),
        },
    )
    area = forms.ModelChoiceField(
        label=_("Where in the county? (optional)"),
        queryset=Area.objects.all(),
        required=False,
        empty_label=_("Anywhere in the county"),
    )
    when = forms.CharField(
        label=_("When are you free? (optional)"),
        help_text=_("For example: Saturday mornings, or one evening a month."),
        max_length=200,
        required=False,
        error_messages={"max_length": _("Make this shorter: 200 characters at most")},
    )
    language = forms.ChoiceField(
        label=_("Which language should groups reply in?"), choices=LANGUAGES, widget=forms.RadioSelect
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that my offer is shown on this website without my name or e-mail address, and that "
            "groups can answer it through the website."
        ),
        error_messages={"required": _("Tick the box to agree to how we use your offer")},
    )

    def clean_what(self):
        return with_few_links(self.cleaned_data["what"])


def offer_list_context(request):
    """The approved offers that have not expired, newest first, one page of them."""
    offers = Offer.objects.listed().select_related("area")
    paginator_page = Paginator(offers, OFFERS_PER_PAGE).get_page(request.GET.get("page"))
    return {"paginator_page": paginator_page, "expiry_days": settings.OFFER_EXPIRY_DAYS}


def offer_form_view(page, request, form_url, thanks_url, alternate_urls):
    def store(data):
        fields = {name: data[name] for name in ("what", "area", "when", "name", "email", "language")}
        return store_then_send(Offer, send_offer_confirmation, **fields)

    return resident_form_view(
        page,
        request,
        OfferForm(request.POST or None),
        store,
        thanks_url,
        "volunteering/offer_form.html",
        {"form_url": form_url, "alternate_urls": alternate_urls, "expiry_days": settings.OFFER_EXPIRY_DAYS},
    )


def send_offer_confirmation(offer):
    """Tell the resident their offer arrived and what happens next, in their language."""
    context = {"offer": offer, "expiry_days": settings.OFFER_EXPIRY_DAYS}
    build = partial(relay_email, "offer_confirmation", offer.language, [offer.email], context)
    return send_once(offer, "confirmation_sent_at", build)


def send_offer_reply(reply):
    """Pass a group's answer to the resident, in the resident's language, replying to the group."""
    offer = reply.offer
    context = {"reply": reply, "offer": offer, "group_name": title_in(reply.group, offer.language)}
    build = partial(
        relay_email, "offer_reply", offer.language, [offer.email], context, group_recipients(reply.group)
    )
    return send_once(reply, "sent_at", build)
