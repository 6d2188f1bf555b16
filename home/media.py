"""Uploaded images, served by the application when they are kept in a local folder.

Wagtail's images are public: their original files (``original_images/``) and renditions
(``images/``) are linked from pages as plain media URLs. Documents are not: they live under
``documents/`` in the same folder and are served only through Wagtail's document view, which
applies the privacy of their collection (``WAGTAILDOCS_SERVE_METHOD = "serve_view"``). So only
the two image folders are served here, never the whole of MEDIA_ROOT; a proxy in front may
serve the same two folders itself, faster (see README, "Media"). With object storage
(``AWS_STORAGE_BUCKET_NAME``) images come from the bucket and nothing here is used.

See https://docs.wagtail.org/en/stable/advanced_topics/images/image_serve_view.html and
https://docs.wagtail.org/en/stable/advanced_topics/documents/storing_and_serving.html
"""

import posixpath
import re

from django.core.files.storage import FileSystemStorage, storages
from django.http import Http404
from django.urls import re_path
from django.utils.cache import patch_cache_control
from django.views.static import serve

PUBLIC_FOLDERS = ("images", "original_images")

# A rendition's file name carries its filter and focal point, and a replaced image gets a new
# file name, so a URL's bytes never change: browsers may keep them for a year.
ONE_YEAR = 60 * 60 * 24 * 365


def public_image(request, path):
    """One file from a public image folder; anything else, however the path is spelled, 404s."""
    path = posixpath.normpath(path).lstrip("/")
    if path.split("/", 1)[0] not in PUBLIC_FOLDERS:  # e.g. "images/../documents/secret.pdf"
        raise Http404
    response = serve(request, path, document_root=storages["default"].location)
    patch_cache_control(response, public=True, max_age=ONE_YEAR, immutable=True)
    return response


def urlpatterns(media_url):
    """The URL patterns for the public image folders under ``media_url``, if stored locally."""
    if not isinstance(storages["default"], FileSystemStorage):
        return []
    prefix = re.escape(media_url.lstrip("/"))
    folders = "|".join(PUBLIC_FOLDERS)
    return [re_path(rf"^{prefix}(?P<path>(?:{folders})/.+)$", public_image, name="public_image")]
