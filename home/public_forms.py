"""What every public form of the site shares: the honeypot and the hourly limit per address.

A resident's form ("suggest a group", "contact this group", "report a problem with this
listing", ...) inherits ``PublicForm`` and adds its own fields; its view calls ``check_post``
before storing anything. Bots are kept out without third-party services: a field people never
see (bots fill it in), and a limit on how many posts one address may make in an hour, counted
atomically on the reader's real address behind the proxy (``home.throttle``).
"""

from django import forms
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from .throttle import within_the_hourly_limit
from .visibility import publicly_visible

BOT = 400
TOO_MANY = 429


class PublicForm(forms.Form):
    """A public form with the honeypot; ``throttle_name`` names what the hourly limit counts."""

    throttle_name = "public-forms"
    per_hour = 5

    # The honeypot: hidden from people (and from screen readers), filled in by bots.
    homepage = forms.CharField(label=_("Leave this field empty"), required=False)

    @property
    def is_from_a_bot(self):
        return bool(self.data.get("homepage"))

    @classmethod
    def within_the_hourly_limit(cls, request):
        """Count one more post of this form from the reader's address; False once over the limit."""
        return within_the_hourly_limit(request, cls.throttle_name, cls.per_hour)


def check_post(request, form):
    """For a posted ``form``: ``(may_store, refusal_status)``.

    ``may_store`` is True for a valid form from a person within the hourly limit (counted only
    for a valid form, before anything is stored). ``refusal_status`` is ``BOT`` (400) when the
    honeypot is filled in, ``TOO_MANY`` (429) over the limit, else None (an invalid form is
    shown again with its errors).
    """
    if form.is_from_a_bot:
        return False, BOT
    if not form.is_valid():
        return False, None
    if not form.within_the_hourly_limit(request):
        return False, TOO_MANY
    return True, None


def alternate_urls(page, url_name):
    """The address of the form ``url_name`` about ``page`` in each language the page is
    published in (``{language: path}``, for the language switcher): the forms about a page
    take that language's page id."""
    urls = {}
    for version in publicly_visible(page.get_translations(inclusive=True)).select_related("locale"):
        with translation.override(version.locale.language_code):
            urls[version.locale.language_code] = reverse(url_name, args=[version.pk])
    return urls
