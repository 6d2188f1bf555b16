"""How pages travel: gzip for public HTML and JSON (never beside a CSRF token), the favicon,
and a meta description even where the editor left the SEO field empty."""

import gzip

import pytest
from django.middleware import gzip as django_gzip
from django.test import Client

from tests.helpers import parse

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader():
    return Client(enforce_csrf_checks=True, headers={"accept-encoding": "gzip, deflate, br"})


def test_public_pages_are_gzipped(reader, make_group):
    make_group("Gresford Library")
    response = reader.get("/en/groups/")
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    assert "Gresford Library" in gzip.decompress(response.content).decode()


def test_json_is_gzipped(reader, make_group):
    for number in range(3):
        make_group(f"Group {number}")
    response = reader.get("/api/openreferral/services")
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert b"Group 1" in gzip.decompress(response.content)


def test_a_cached_page_is_compressed_once_and_keeps_every_header(reader, make_group, settings, monkeypatch):
    """The page cache serves a page above CSRF, CSP and the rest: a page from it has the
    headers they gave it the first time, and the stored copy is compressed once for every
    reader whose browser takes gzip; one who does not gets it plain."""
    settings.PAGE_CACHE_SECONDS = 600
    make_group("Gresford Library")
    reader.get("/cy/")  # the site's settings are made on the first visit
    compressions = []
    original = django_gzip.compress_string
    monkeypatch.setattr(
        django_gzip, "compress_string", lambda *a, **k: compressions.append(1) or original(*a, **k)
    )
    first, second, third = (reader.get("/en/groups/") for _ in range(3))
    assert [first["X-Page-Cache"], second["X-Page-Cache"], third["X-Page-Cache"]] == ["miss", "hit", "hit"]
    assert len(compressions) == 1
    for response in (second, third):
        assert response["Content-Encoding"] == "gzip"
        assert "Gresford Library" in gzip.decompress(response.content).decode()
        for header in ("Content-Security-Policy", "X-Frame-Options", "Content-Language"):
            assert response[header] == first[header], header
    plain = Client(enforce_csrf_checks=True)
    assert [plain.get("/en/groups/")["X-Page-Cache"] for _ in range(2)] == ["miss", "hit"]
    hit = plain.get("/en/groups/")
    assert "Content-Encoding" not in hit and "Gresford Library" in hit.content.decode()


def test_a_page_with_a_csrf_token_is_not_compressed(reader, directory):
    response = reader.get("/en/groups/suggest/")
    assert response.status_code == 200
    assert "csrfmiddlewaretoken" in response.content.decode()
    assert "Content-Encoding" not in response


def test_a_signed_in_editors_page_is_not_compressed(reader, make_group, django_user_model):
    make_group("Gresford Library")
    reader.force_login(django_user_model.objects.create_superuser("editor", "editor@wrexham.example", "pw"))
    response = reader.get("/en/groups/")
    assert response.status_code == 200
    assert "Content-Encoding" not in response


def test_a_reader_who_does_not_take_gzip_gets_plain_html(make_group):
    make_group("Gresford Library")
    response = Client().get("/en/groups/")
    assert "Content-Encoding" not in response
    assert "Gresford Library" in response.content.decode()


def test_favicon_at_the_root_and_in_the_static_files(client, home_pages):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"] == "/static/favicon.ico"
    icon = client.get("/static/favicon.ico")
    assert icon.status_code == 200
    assert b"".join(icon.streaming_content)[:4] == b"\x00\x00\x01\x00"  # the ICO header
    soup = parse(client.get("/en/"))
    icons = {link["href"] for link in soup.select('link[rel="icon"]')}
    assert icons == {"/static/favicon.ico", "/static/favicon.svg"}
    assert client.get("/static/favicon.svg").status_code == 200


def test_meta_description_falls_back_to_the_summary(client, make_group):
    make_group("Gresford Library", summary="A library run by <volunteers> in Gresford.")
    make_group("Rhos Café", summary="Tea and cake.", search_description="The café for Rhos.")
    plain = parse(client.get("/en/groups/gresford-library/"))
    assert (
        plain.select_one('meta[name="description"]')["content"]
        == "A library run by <volunteers> in Gresford."
    )
    chosen = parse(client.get("/en/groups/rhos-cafe/"))
    assert chosen.select_one('meta[name="description"]')["content"] == "The café for Rhos."


@pytest.mark.parametrize("language", ["en", "cy"])
def test_the_home_search_and_topic_pages_have_a_meta_description_in_their_language(
    client, home_pages, topics, language
):
    """Lighthouse's SEO audit wants one on every page: the home page's introduction, and a
    sentence of their own for the views that are not pages."""
    home = home_pages[language]
    home.introduction = {"en": "Give some time in Wrexham.", "cy": "Rhowch ychydig o amser yn Wrecsam."}[
        language
    ]
    home.save_revision().publish()
    search, topic_list = {"en": ("search", "topics"), "cy": ("chwilio", "pynciau")}[language]
    expected = {
        f"/{language}/": home.introduction,
        f"/{language}/{search}/?q=library": {
            "en": "Together in Wrexham: search the community groups, events, volunteering opportunities, stories and guides, in Welsh or English.",
            "cy": "Gyda'n Gilydd yn Wrecsam: chwiliwch drwy'r grwpiau cymunedol, y digwyddiadau, y cyfleoedd gwirfoddoli, y straeon a'r canllawiau, yn Gymraeg neu'n Saesneg.",
        }[language],
        f"/{language}/{topic_list}/": {
            "en": "Together in Wrexham: every topic, with its community groups, events, volunteering opportunities, stories and guides.",
            "cy": "Gyda'n Gilydd yn Wrecsam: y pynciau i gyd, a'r grwpiau cymunedol, y digwyddiadau, y cyfleoedd gwirfoddoli, y straeon a'r canllawiau ar bob un.",
        }[language],
        {"en": "/en/topics/food/", "cy": "/cy/pynciau/bwyd/"}[language]: {
            "en": "Food: the community groups, events, volunteering opportunities, stories and guides of Together in Wrexham on this topic.",
            "cy": "Bwyd: grwpiau cymunedol, digwyddiadau, cyfleoedd gwirfoddoli, straeon a chanllawiau Gyda'n Gilydd yn Wrecsam ar y pwnc hwn.",
        }[language],
    }  # fmt: skip
    for path, description in expected.items():
        response = client.get(path)
        assert response.status_code == 200, path
        assert parse(response).select_one('meta[name="description"]')["content"] == description, path
