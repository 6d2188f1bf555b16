"""The demo guides: six in each language, one in three parts, loaded once per module."""

import json

import pytest
from wagtail.models import Page, Revision

from demo.guides import load_guides
from guides.models import GuideIndexPage, GuidePage
from tests.helpers import parse


def quietly(message):
    pass


@pytest.fixture(scope="module")
def demo_guides(demo_site, django_db_blocker):
    """The demo site (groups included) with the guides added, rolled back with it."""
    with django_db_blocker.unblock():
        load_guides(quietly)


@pytest.fixture
def guides(demo_guides, db):
    return GuidePage.objects.live()


def test_six_guides_in_each_language_one_in_three_parts(guides):
    for language in ("en", "cy"):
        index = GuideIndexPage.objects.get(locale__language_code=language)
        assert guides.child_of(index).count() == 6
    main = guides.get(slug="take-over-a-community-building")
    assert main.get_children().live().count() == 3
    for guide in guides.filter(locale__language_code="en"):
        welsh = guide.get_translations().filter(locale__language_code="cy").live().first()
        assert welsh is not None, guide.title
        assert welsh.title != guide.title


def test_every_guide_renders_in_its_language_with_numbered_steps_and_howto(client, guides):
    for guide in guides.specific():
        soup = parse(client.get(guide.url))
        assert soup.html["lang"] == guide.locale.language_code
        anchors = [link["href"] for link in soup.select(".contents__list a")]
        assert anchors == [f"#step-{number}" for number in range(1, len(guide.steps) + 1)], guide.url
        assert [f"#{step['id']}" for step in soup.select(".steps > .step")] == anchors
        data = json.loads(soup.select_one('script[type="application/ld+json"]').string)
        assert data["@type"] == "HowTo" and len(data["step"]) == len(guide.steps)


def test_multi_part_guide_in_welsh(client, demo_guides, db):
    soup = parse(client.get("/cy/canllawiau/cymryd-adeilad-cymunedol-drosodd/cynllunio-ac-ymgynghori/"))
    assert [item.get_text(strip=True) for item in soup.select(".guide-parts__list li")] == [
        "Cymryd adeilad cymunedol drosodd", "Cynllunio ac ymgynghori",
        "Ysgrifennu cynllun busnes a gwneud cais", "Cymryd yr adeilad drosodd a'i redeg",
    ]  # fmt: skip
    assert soup.select_one('.guide-pagination a[rel="next"]')["href"] == (
        "/cy/canllawiau/cymryd-adeilad-cymunedol-drosodd/ysgrifennu-cynllun-busnes-a-gwneud-cais/"
    )


def test_welsh_guides_link_welsh_pages_and_working_documents(client, demo_guides, db):
    soup = parse(client.get("/cy/canllawiau/dechrau-grwp-cymunedol/"))
    related = [link["href"] for link in soup.select(".guide-list a")]
    assert related and all("/cy/" in href for href in related)
    document = soup.select_one(".step__document a")["href"].removeprefix("http://testserver")
    response = client.get(document)
    assert response.status_code == 200
    assert "CYFANSODDIAD ENGHREIFFTIOL" in b"".join(response.streaming_content).decode()


def test_group_pages_list_the_guides_that_name_them(client, demo_guides, db):
    soup = parse(client.get("/cy/grwpiau/neuadd-bentref-marchwiail/"))
    titles = [link.get_text() for link in soup.select(".guide-section a")]
    assert "Cynnal digwyddiad diogel" in titles and "Cymryd adeilad cymunedol drosodd" in titles


def test_loading_the_guides_again_changes_nothing(demo_guides, db):
    from wagtail.documents import get_document_model

    before = (Page.objects.count(), Revision.objects.count(), get_document_model().objects.count())
    load_guides(quietly)
    assert (Page.objects.count(), Revision.objects.count(), get_document_model().objects.count()) == before


def test_translators_can_translate_every_demo_page_with_wagtail_localize(guides):
    from wagtail_localize.segments.extract import extract_segments

    for page in guides.filter(locale__language_code="en").specific():
        assert extract_segments(page), page.url_path
