"""The sitemap: live pages of both languages, each with its translations as hreflang alternates.

Wagtail's sitemap lists the site root's descendants, which holds only the English tree (the
Welsh home page is the root's translation, beside it), so this one covers every translation
of the root and adds ``xhtml:link`` alternates, which Django's sitemap template renders.
``/sitemap.xml`` is an index of files of a thousand pages each (``/sitemap-pages.xml?p=2``),
so that no request has to render ten thousand addresses; each file takes the same few queries.
See https://docs.wagtail.org/en/stable/reference/contrib/sitemaps.html
"""

from collections import defaultdict

from django.db.models import Max, Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps import views as wagtail_sitemaps
from wagtail.models import Page

from .public_address import public_page_url, rehomed
from .visibility import publicly_visible


class BilingualSitemap(Sitemap):
    limit = 1000

    def items(self):
        root = self.get_wagtail_site().root_page
        in_any_language = Q()
        for translated_root in root.get_translations(inclusive=True):
            in_any_language |= Q(path__startswith=translated_root.path)
        # Plain pages, not ``specific()``: no page type changes its sitemap entry, and the
        # specific rows would take a query per page type.
        return publicly_visible(Page.objects).filter(in_any_language).order_by("path")

    def get_latest_lastmod(self):
        """For the index: one aggregate rather than every page's lastmod in Python."""
        return self.items().aggregate(latest=Max("last_published_at"))["latest"]

    def _alternates(self, pages):
        """{translation key: [{"lang_code", "location"}, …]} for ``pages`` that have translations."""
        keys = {page.translation_key for page in pages}
        versions = defaultdict(list)
        translations = (
            publicly_visible(Page.objects).filter(translation_key__in=keys).select_related("locale")
        )
        for translation in translations.order_by("locale__language_code"):
            versions[translation.translation_key].append(
                {
                    "lang_code": translation.locale.language_code,
                    "location": public_page_url(translation, self.request),
                }
            )
        return {key: links for key, links in versions.items() if len(links) > 1}

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        alternates = self._alternates(pages)
        urls = []
        for item in pages:
            for url in item.get_sitemap_urls(self.request):
                url["location"] = rehomed(url["location"])
                url["alternates"] = alternates.get(item.translation_key, [])
                urls.append(url)
        last_mods = {url.get("lastmod") for url in urls}
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls


def sitemap_index(request, **kwargs):
    """Wagtail's sitemap index, its files named at the public address rather than at the
    request's host (Django's index view builds them from ``get_current_site``)."""
    response = wagtail_sitemaps.index(request, **kwargs)
    for item in response.context_data["sitemaps"]:
        item.location = rehomed(item.location)
    return response
