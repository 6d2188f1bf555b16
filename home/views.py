from django.http import HttpResponse, HttpResponsePermanentRedirect, HttpResponseRedirect
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme

from bilingual.language import current_language

from .alerts import SiteAlert, hidden_alert_ids
from .page_cache import HIDDEN_ALERTS_COOKIE
from .public_address import public_url


def robots_txt(request):
    """Everything public may be indexed; the admin may not. Points crawlers at the sitemap."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {public_url(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def hide_site_alert(request, pk):
    """Hide a site alert for this reader and go back to the page they were on.

    A plain link, so it works without JavaScript. The cookie holds only the numbers of the
    hidden alerts that have not ended and expires when the last of them does: nothing about
    the reader is stored, here or on the server (see ``home.alerts``).
    """
    still_on = dict(SiteAlert.objects.filter(ends_at__gt=timezone.now()).values_list("pk", "ends_at"))
    hidden = {alert for alert in hidden_alert_ids(request) | {pk} if alert in still_on}
    back = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts=None):  # a path on this site only
        back = f"/{current_language()}/"
    response = HttpResponseRedirect(back)
    if hidden:
        response.set_cookie(
            HIDDEN_ALERTS_COOKIE,
            ",".join(str(alert) for alert in sorted(hidden)),
            expires=max(still_on[alert] for alert in hidden),
            secure=request.is_secure(),
            httponly=True,
            samesite="Lax",
        )
    return response


# Browsers and crawlers ask for /favicon.ico whatever the page says; the icon itself is a
# static file (static/favicon.ico, with favicon.svg for browsers that take SVG), served with
# WhiteNoise's long cache headers under its hashed name.
def favicon_ico(request):
    return HttpResponsePermanentRedirect(static("favicon.ico"))  # the name is known once collected
