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
from django.urls import reverse
from django.utils import translation
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps import views as wagtail_sitemaps
from wagtail.models import Page, Site

from .public_address import public_url, rehomed
from .visibility import publicly_visible

# What a sitemap entry needs of a page, read as plain rows: building 1,000 Page objects and
# asking each for its URL (get_url_parts) took most of a sitemap file's time.
ROW_FIELDS = (
    "url_path",
    "translation_key",
    "locale__language_code",
    "last_published_at",
    "latest_revision_created_at",
)


class BilingualSitemap(Sitemap):
    limit = 1000

    def items(self):
        root = self.get_wagtail_site().root_page
        in_any_language = Q()
        for translated_root in root.get_translations(inclusive=True):
            in_any_language |= Q(path__startswith=translated_root.path)
        # Rows, not pages: no page type changes its sitemap entry (Page.get_sitemap_urls).
        return publicly_visible(Page.objects).filter(in_any_language).order_by("path").values(*ROW_FIELDS)

    def get_latest_lastmod(self):
        """For the index: one aggregate rather than every page's lastmod in Python."""
        return self.items().aggregate(latest=Max("last_published_at"))["latest"]

    def _address_of(self):
        """A function giving a row's full address, as ``Page.get_full_url`` would, from the
        site's root paths (cached by Wagtail) and one ``reverse`` per language."""
        site = self.get_wagtail_site()
        roots = {}
        for root in Site.get_site_root_paths():
            if root.site_id == site.pk:
                roots.setdefault(root.language_code, root)
        beginnings = {}
        for language in roots:
            with translation.override(language):
                beginnings[language] = public_url(reverse("wagtail_serve", args=("",)))

        def address(row):
            root = roots.get(row["locale__language_code"])
            if root is None or not row["url_path"].startswith(root.root_path):
                return None  # outside this site: Page.get_url_parts would give no URL either
            return beginnings[root.language_code] + row["url_path"][len(root.root_path) :]

        return address

    def _alternates(self, rows, address):
        """{translation key: [{"lang_code", "location"}, …]} for ``rows`` that have translations."""
        keys = {row["translation_key"] for row in rows}
        versions = defaultdict(list)
        translations = publicly_visible(Page.objects).filter(translation_key__in=keys).values(*ROW_FIELDS)
        for translation_row in translations.order_by("locale__language_code"):
            location = address(translation_row)
            if location:
                versions[translation_row["translation_key"]].append(
                    {"lang_code": translation_row["locale__language_code"], "location": location}
                )
        return {key: links for key, links in versions.items() if len(links) > 1}

    def _urls(self, page, protocol, domain):
        rows = list(self.paginator.page(page).object_list)
        address = self._address_of()
        alternates = self._alternates(rows, address)
        urls = []
        for row in rows:
            location = address(row)
            if location is None:
                continue
            urls.append(
                {
                    "location": location,
                    "lastmod": row["last_published_at"] or row["latest_revision_created_at"],
                    "alternates": alternates.get(row["translation_key"], []),
                }
            )
        last_mods = {url["lastmod"] for url in urls}
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
