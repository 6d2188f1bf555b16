from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language_from_path

from .site_cache import tree_key


class RememberLanguageMiddleware:
    """Remember the language of the last page read, so that ``/`` sends the reader back to it.

    Django's LocaleMiddleware reads the language cookie but nothing sets it when a reader
    follows the language switcher (a plain link), so set it here when it changes.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        language = get_language_from_path(request.path_info)
        if language and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != language:
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                samesite="Lax",
                secure=settings.SESSION_COOKIE_SECURE,
            )
        return response


class AnonymousPageCacheMiddleware:
    """Serve anonymous readers whole pages from the cache.

    A page is cached only for a GET by someone not signed in, without a query string from
    previews, when it is a 200 that sets no cookie and is not marked private. Entries live under
    the page-tree version (``home.site_cache``), so publishing, unpublishing, moving or deleting
    any page, in either language, retires them all at once. Editors and previews are never
    served from or stored in the cache.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def _cacheable_request(self, request):
        return (
            settings.PAGE_CACHE_SECONDS > 0
            and request.method in ("GET", "HEAD")
            and not request.user.is_authenticated
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not request.path_info.startswith(("/admin/", "/documents/"))
        )

    def __call__(self, request):
        if not self._cacheable_request(request):
            return self.get_response(request)
        key = tree_key(f"page:{request.get_host()}:{request.get_full_path()}")
        response = cache.get(key)
        if response is not None:
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if (
            response.status_code == 200
            and not response.cookies
            and not response.streaming
            and "private" not in response.get("Cache-Control", "")
        ):
            if hasattr(response, "render") and callable(response.render):
                response.render()
            cache.set(key, response, settings.PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        return response
