"""The sitemap: live pages of both languages, each with its translations as hreflang alternates.

Wagtail's sitemap lists the site root's descendants, which holds only the English tree (the
Welsh home page is the root's translation, beside it), so this one covers every translation
of the root and adds ``xhtml:link`` alternates, which Django's sitemap template renders.
See https://docs.wagtail.org/en/stable/reference/contrib/sitemaps.html
"""

from collections import defaultdict
from functools import cached_property

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class BilingualSitemap(Sitemap):
    def _pages(self):
        root = self.get_wagtail_site().root_page
        in_any_language = Q()
        for translated_root in root.get_translations(inclusive=True):
            in_any_language |= Q(path__startswith=translated_root.path)
        return Page.objects.live().public().filter(in_any_language).order_by("path")

    def items(self):
        return self._pages().defer_streamfields().specific()

    @cached_property
    def _alternates(self):
        """{page url: [{"lang_code", "location"}, …]} for every page that has translations."""
        urls_by_key, key_by_url = defaultdict(list), {}
        for page in self._pages().select_related("locale").only("url_path", "translation_key", "locale__language_code"):
            url = page.get_full_url(self.request)
            urls_by_key[page.translation_key].append({"lang_code": page.locale.language_code, "location": url})
            key_by_url[url] = page.translation_key
        return {url: urls_by_key[key] for url, key in key_by_url.items() if len(urls_by_key[key]) > 1}

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        for url in urls:
            url["alternates"] = self._alternates.get(url["location"], [])
        return urls
