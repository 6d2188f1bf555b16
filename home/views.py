from django.http import HttpResponse
from django.urls import reverse

from .public_address import public_url


def robots_txt(request):
    """Everything public may be indexed; the admin may not. Points crawlers at the sitemap."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {public_url(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
