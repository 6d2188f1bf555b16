"""Uploaded media: images are public at their media URLs; documents only through Wagtail's
document view, which keeps a private collection's files private. Nothing under
/media/documents/ is reachable by its direct path, with DEBUG off (production) or on."""

import importlib
import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.test import Client
from django.urls import clear_url_caches
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction

import portal.urls

from .test_security_and_cache import run_with_production_settings

pytestmark = pytest.mark.django_db


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture(params=[False, True], ids=["production", "debug"])
def debug(request, settings):
    """The site's URLs as built with DEBUG off (as in production) and on (as in development)."""

    def build_urls(debug):
        settings.DEBUG = debug
        importlib.reload(portal.urls)
        clear_url_caches()

    build_urls(request.param)
    yield request.param
    build_urls(False)


@pytest.fixture
def image(media_root):
    picture = io.BytesIO()
    PILImage.new("RGB", (300, 200), "teal").save(picture, "PNG")
    return get_image_model().objects.create(title="Allotment", file=ImageFile(picture, name="allotment.png"))


def document_in(collection, name="minutes.pdf"):
    return get_document_model().objects.create(
        title="Minutes", file=ContentFile(b"%PDF-1.4 minutes", name=name), collection=collection
    )


@pytest.fixture
def private_collection(db):
    collection = Collection.get_first_root_node().add_child(name="Committee only")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    return collection


def test_image_renditions_and_originals_are_served_with_long_cache_headers(media_root, image, debug):
    client = Client()
    rendition = image.get_rendition("fill-100x100")
    for url in (rendition.url, image.file.url):
        assert url.startswith("/media/images/") or url.startswith("/media/original_images/")
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Content-Type"] == "image/png"
        assert "max-age=31536000" in response["Cache-Control"] and "public" in response["Cache-Control"]
        assert b"".join(response.streaming_content).startswith(b"\x89PNG")


def test_a_documents_file_is_only_served_through_wagtails_document_view(media_root, debug):
    document = document_in(Collection.get_first_root_node())
    assert (media_root / document.file.name).exists()
    client = Client()
    assert client.get(f"/media/{document.file.name}").status_code == 404
    assert client.get(f"/media/images/../{document.file.name}").status_code == 404
    served = client.get(document.url)
    assert document.url == f"/documents/{document.pk}/{document.filename}"
    assert served.status_code == 200
    assert b"".join(served.streaming_content) == b"%PDF-1.4 minutes"


def test_a_private_collections_document_is_refused_to_an_anonymous_reader(
    media_root, private_collection, django_user_model, debug
):
    document = document_in(private_collection, name="committee.pdf")
    anonymous = Client()
    refused = anonymous.get(document.url)
    assert refused.status_code == 302  # to Wagtail's sign-in page, then back to the document
    assert "/login/" in refused["Location"] and refused["Location"].endswith(f"?next={document.url}")
    assert anonymous.get(f"/media/{document.file.name}").status_code == 404
    member = Client()
    member.force_login(django_user_model.objects.create_user("member", "m@wrexham.example", "pw"))
    assert member.get(document.url).status_code == 200
    assert member.get(f"/media/{document.file.name}").status_code == 404


def test_images_come_from_the_bucket_when_one_is_configured():
    """Object storage serves its own files: the application then serves no media at all."""
    resolves = (
        "import django; django.setup(); from django.urls import resolve, Resolver404\n"
        "try: resolve('/media/images/a.fill-100x100.png'); print('served')\n"
        "except Resolver404: print('not served')"
    )
    assert run_with_production_settings("-c", resolves).stdout.split() == ["served"]
    bucket = run_with_production_settings("-c", resolves, AWS_STORAGE_BUCKET_NAME="wrexham-media")
    assert bucket.stdout.split() == ["not", "served"], bucket.stderr
