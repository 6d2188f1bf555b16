from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.urls import reverse


def robots_txt(request):
    """Everything public may be indexed; the admin may not. Points crawlers at the sitemap."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


# Browsers and crawlers ask for /favicon.ico whatever the page says; the icon itself is a
# static file (static/favicon.ico, with favicon.svg for browsers that take SVG), served with
# WhiteNoise's long cache headers under its hashed name.
def favicon_ico(request):
    return HttpResponsePermanentRedirect(static("favicon.ico"))  # the name is known once collected
