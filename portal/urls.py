from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps import views as sitemaps
from wagtail.documents import urls as wagtaildocs_urls

from home import media
from home.account import account_view
from home.sitemap import BilingualSitemap, sitemap_index
from home.views import favicon_ico, hide_site_alert, robots_txt

SITEMAPS = {"pages": BilingualSitemap}

# Outside the language prefix: the admin (each editor picks their own language) and documents.
urlpatterns = [
    # Before Wagtail's own account page, which it replaces (names optional, see home/account.py).
    path("admin/account/", account_view, name="wagtailadmin_account"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path(
        "sitemap.xml",
        sitemap_index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path("sitemap-<section>.xml", sitemaps.sitemap, {"sitemaps": SITEMAPS}, name="sitemap_section"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("favicon.ico", favicon_ico, name="favicon"),
    path("api/openreferral/", include("openreferral.urls")),
]

# Uploaded images (public) from a local media folder, in production as in development; never
# the documents beside them, which only Wagtail's document view serves (see home/media.py).
urlpatterns += media.urlpatterns(settings.MEDIA_URL)

# Every public page lives under /en/ or /cy/; "/" is redirected by LocaleMiddleware to the
# reader's language (cookie, then Accept-Language, then English).
urlpatterns += i18n_patterns(
    path("alerts/<int:pk>/hide/", hide_site_alert, name="hide_site_alert"),
    path("", include("search.urls")),
    path("", include("directory.urls")),
    path("", include("events.urls")),
    path("", include("reports.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
