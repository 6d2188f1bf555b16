"""The API on its own, without the language-prefixed site.

A 404 from the API is given this URLconf (``request.urlconf``) so that Django's LocaleMiddleware,
which redirects any 404 outside the language prefix to ``/en/…`` when that path exists (and
Wagtail's catch-all makes every path exist), leaves the API's JSON 404 alone.
"""

from django.urls import include, path

urlpatterns = [path("api/openreferral/", include("openreferral.urls"))]
