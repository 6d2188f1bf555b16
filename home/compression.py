"""Gzip for HTML and JSON, except where a page carries a secret (the BREACH attack).

BREACH recovers a secret from a compressed HTTPS response by sending guesses that the page
reflects and watching the response's size. Django's ``GZipMiddleware`` already pads each
response with random bytes ("Heal the Breach", Django 4.2), which slows the attack down but does
not rule it out, so this middleware does not compress a response that may hold a secret at all:
one that sets the CSRF cookie (every page whose form carries a CSRF token does) or the session
cookie, or one for a reader with a session (a signed-in editor's page, a message from the
session). Public pages, the same for every reader, are the ones compressed; the language cookie
that any page may set is no secret.
Static files are compressed ahead of time by WhiteNoise (``CompressedManifestStaticFilesStorage``).
See https://docs.djangoproject.com/en/5.2/ref/middleware/#module-django.middleware.gzip
"""

from django.conf import settings
from django.middleware.gzip import GZipMiddleware


def may_hold_a_secret(request, response):
    secret_cookies = (settings.CSRF_COOKIE_NAME, settings.SESSION_COOKIE_NAME)
    return settings.SESSION_COOKIE_NAME in request.COOKIES or any(
        name in response.cookies for name in secret_cookies
    )


class GZipPublicPagesMiddleware(GZipMiddleware):
    """``GZipMiddleware`` for responses that hold no CSRF token and nothing from the session.

    Sits above ``CsrfViewMiddleware`` and ``SessionMiddleware`` so that it sees the cookies
    they set on the way out.
    """

    def process_response(self, request, response):
        if may_hold_a_secret(request, response):
            return response
        return super().process_response(request, response)
