"""The "ask to look after this listing" form, at ``/en/look-after/<listing>/`` (Welsh
``/cy/gofalu-am/<listing>/``), and its thanks page (``directory.claims``)."""

from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from home.breadcrumbs import view_trail
from home.public_forms import TOO_MANY, check_post
from home.visibility import publicly_visible

from .claims import ClaimForm
from .models import GroupPage, ListingClaim


def unclaimed_listing(listing_id):
    """The publicly visible listing, if nobody looks after it yet; else 404."""
    listing = publicly_visible(GroupPage.objects.filter(pk=listing_id)).first()
    if listing is None or listing.has_editors():
        raise Http404
    return listing


def alternate_urls(listing, name):
    urls = {}
    for version in publicly_visible(listing.get_translations(inclusive=True)).select_related("locale"):
        with translation.override(version.locale.language_code):
            urls[version.locale.language_code] = reverse(name, args=[version.pk])
    return urls


def claim_form(request, listing_id):
    listing = unclaimed_listing(listing_id)
    form = ClaimForm(request.POST or None)
    refusal = status = None
    if request.method == "POST":
        may_store, status = check_post(request, form)
        if may_store:
            data = form.cleaned_data
            fields = {name: data[name] for name in ("name", "role", "email", "how_to_check", "language")}
            ListingClaim.objects.create(listing=listing, **fields)
            return redirect("claim_thanks", listing_id=listing.pk)
        if status == TOO_MANY:
            refusal = _("You have sent several requests in the last hour. Please try again later.")
        elif status:
            refusal = _("Your request could not be sent.")
    context = {
        "listing": listing,
        "form": form,
        "refusal": refusal,
        "retention_days": settings.CLAIM_RETENTION_DAYS,
        "alternate_urls": alternate_urls(listing, "claim_listing"),
        "breadcrumbs": view_trail(
            request, [(listing.title, listing.url)], _("Ask to look after this listing")
        ),
    }
    return render(request, "directory/claim_form.html", context, status=status or 200)


def claim_thanks(request, listing_id):
    listing = publicly_visible(GroupPage.objects.filter(pk=listing_id)).first()
    if listing is None:
        raise Http404
    context = {
        "listing": listing,
        "alternate_urls": alternate_urls(listing, "claim_thanks"),
        "breadcrumbs": view_trail(request, [(listing.title, listing.url)], _("Thank you")),
    }
    return render(request, "directory/claim_thanks.html", context)
