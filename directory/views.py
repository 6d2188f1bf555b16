"""The "still correct" page: a group's editor confirms from the reminder e-mail, in one click,
that their listing needs no change (``directory.reviews``).

The link carries a signed, dated token naming the editor and the listing, so no sign-in is
needed while it is fresh; GET only shows the question, the POST (with its CSRF token) records
the review. An expired, altered or no longer permitted link sends the editor to sign in instead.
"""

from django.contrib.auth import get_user_model
from django.core import signing
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache

from bilingual.language import current_language
from home.breadcrumbs import view_trail

from .models import GroupPage
from .reviews import mark_reviewed, may_confirm, read_expired_token, read_still_correct_token


def _in_reader_language(translation_key):
    listings = GroupPage.objects.filter(translation_key=translation_key)
    return listings.filter(locale__language_code=current_language()).first() or listings.first()


def _sign_in_instead(request, listing, status):
    next_url = (
        reverse("wagtailadmin_pages:edit", args=[listing.pk]) if listing else reverse("wagtailadmin_home")
    )
    context = {
        "listing": listing,
        "sign_in_url": f"{reverse('wagtailadmin_login')}?next={next_url}",
        "breadcrumbs": view_trail(request, [], gettext("Check a listing")),
    }
    return render(request, "directory/still_correct_sign_in.html", context, status=status)


@never_cache
def still_correct(request, token):
    try:
        claim = read_still_correct_token(token)
    except signing.SignatureExpired:
        listing = _in_reader_language(read_expired_token(token)["listing"])
        return _sign_in_instead(request, listing, status=410)
    except (signing.BadSignature, ValueError, TypeError):
        return _sign_in_instead(request, None, status=400)
    listing = _in_reader_language(claim["listing"])
    user = get_user_model().objects.filter(pk=claim["user"]).first()
    if listing is None or user is None or not may_confirm(user, listing.translation_key):
        return _sign_in_instead(request, listing, status=403)
    alternate_urls = {}
    for code in ("en", "cy"):
        with translation.override(code):
            alternate_urls[code] = reverse("directory_still_correct", args=[token])
    context = {
        "listing": listing,
        "alternate_urls": alternate_urls,
        "breadcrumbs": view_trail(request, [], gettext("Check a listing")),
    }
    if request.method == "POST":
        mark_reviewed(listing.translation_key)
        listing.refresh_from_db(fields=["last_reviewed"])
        return render(request, "directory/still_correct_done.html", context)
    return render(request, "directory/still_correct.html", context)
