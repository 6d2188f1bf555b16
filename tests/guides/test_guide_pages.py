import json

import pytest
from django.core.cache import caches
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.documents import get_document_model
from wagtail.models import Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from guides.models import GuideDocument, GuideGroup, GuideIndexPage, GuidePage, GuideRelatedGuide
from home.models import PortalSettings
from home.public_address import public_base_url, public_url
from tests.helpers import in_welsh, parse, translate

# What the admin sends for a step's optional parts left empty.
STEP_EXTRAS = {
    "image": {"image": "", "decorative": "", "alt_text": ""},
    "checklist": {"heading": "", "entries": {"count": 0}},
    "council_contact": "",
    "document": "",
}

pytestmark = pytest.mark.django_db


def step_titles(soup):
    return [heading.get_text(" ", strip=True) for heading in soup.select(".steps .step__title")]


def contents(soup):
    return [(link["href"], link.get_text()) for link in soup.select(".contents__list a")]


def sections(soup):
    """{topic heading: [guide titles]} of the guide index."""
    return {
        section.h2.get_text(): [link.get_text() for link in section.select(".guide-list__title a")]
        for section in soup.select(".guide-topic")
    }


@pytest.fixture
def document(db):
    return get_document_model().objects.create(
        title="Model constitution", file=ContentFile(b"Name of the group: ...", name="constitution.txt")
    )


def test_editor_creates_a_guide_in_the_admin_and_it_renders_in_both_languages(
    client, django_user_model, guide_index, make_guide, make_group, document, locales
):
    client.force_login(django_user_model.objects.create_superuser("editor", "editor@wrexham.example", "pw"))
    group = make_group("Marchwiel Village Hall")
    other_guide = make_guide("Find volunteers")
    step = {"title": "", "body": "", **STEP_EXTRAS}
    data = nested_form_data({
        "title": "Start a community group",
        "slug": "start-a-community-group",
        "summary": "How to get a new group going.",
        "topics": "Volunteering",
        "audience": "Residents who have not run a group before.",
        "time_needed": "2",
        "time_unit": "months",
        "steps": streamfield([
            ("step", {**step, "title": "Talk to people", "body": rich_text("<p>Ask your neighbours.</p>"), "document": document.pk}),
            ("step", {**step, "title": "Hold a first meeting", "body": rich_text("<p>Book a room.</p>")}),
            ("step", {**step, "title": "Agree a constitution", "body": rich_text("<p>Use the model.</p>")}),
        ]),
        "documents": inline_formset([{"document": document.pk}]),
        "related_guides": inline_formset([{"page": other_guide.pk}]),
        "groups_that_can_help": inline_formset([{"group": group.pk}]),
        "action-publish": "publish",
    })  # fmt: skip
    response = client.post(f"/admin/pages/add/guides/guidepage/{guide_index['en'].pk}/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    guide = GuidePage.objects.get(slug="start-a-community-group")
    assert guide.live and guide.time_needed == 2
    assert [link.group_id for link in guide.groups_that_can_help.all()] == [group.pk]

    en = parse(client.get("/en/guides/start-a-community-group/"))
    assert en.html["lang"] == "en"
    assert en.h1.get_text() == "Start a community group"
    assert "2 months" in en.select_one(".summary-list").get_text()
    assert step_titles(en) == [
        "Step 1 : Talk to people",
        "Step 2 : Hold a first meeting",
        "Step 3 : Agree a constitution",
    ]
    assert contents(en) == [
        ("#step-1", "Talk to people"),
        ("#step-2", "Hold a first meeting"),
        ("#step-3", "Agree a constitution"),
    ]
    assert [step["id"] for step in en.select(".steps > .step")] == ["step-1", "step-2", "step-3"]
    assert en.select_one("#step-1 .step__document a").get_text() == "Model constitution"
    assert [link.get_text() for link in en.select(".document-list a")] == ["Model constitution"]

    translate(group, locales["cy"], title="Neuadd Bentref Marchwiail", slug="neuadd-bentref-marchwiail")
    translate(
        guide, locales["cy"], title="Dechrau grŵp cymunedol", slug="dechrau-grwp-cymunedol",
        steps=[("step", {"title": "Siarad â phobl", "body": rich_text("<p>Holwch eich cymdogion.</p>")})],
    )  # fmt: skip
    cy = parse(client.get("/cy/canllawiau/dechrau-grwp-cymunedol/"))
    assert cy.html["lang"] == "cy"
    assert cy.h1.get_text() == "Dechrau grŵp cymunedol"
    assert contents(cy) == [("#step-1", "Siarad â phobl")]
    assert step_titles(cy) == [in_welsh("Step %(number)s") % {"number": 1} + " : Siarad â phobl"]
    with translation.override("cy"):
        assert (
            translation.ngettext("%(count)d month", "%(count)d months", 2) % {"count": 2}
            in cy.select_one(".summary-list").get_text()
        )
    assert (
        cy.select_one('nav.language-switcher a[hreflang="en"]')["href"]
        == "/en/guides/start-a-community-group/"
    )
    # The group's Welsh page lists the Welsh guide, though the link was copied from English.
    assert [
        link.get_text()
        for link in parse(client.get("/cy/grwpiau/neuadd-bentref-marchwiail/")).select(".guide-section a")
    ] == ["Dechrau grŵp cymunedol"]


def test_editor_adds_a_chapter_in_the_admin(client, django_user_model, make_guide):
    client.force_login(django_user_model.objects.create_superuser("editor", "editor@wrexham.example", "pw"))
    main = make_guide("Take over a building")
    data = nested_form_data({
        "title": "Plan and consult", "slug": "plan-and-consult", "time_unit": "weeks",
        "steps": streamfield([("step", {"title": "Ask the community", "body": rich_text("<p>Run a survey.</p>"),
                                        **STEP_EXTRAS})]),
        "documents": inline_formset([]), "related_guides": inline_formset([]), "groups_that_can_help": inline_formset([]),
        "action-publish": "publish",
    })  # fmt: skip
    response = client.post(f"/admin/pages/add/guides/guidepage/{main.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    soup = parse(client.get("/en/guides/take-over-a-building/plan-and-consult/"))
    assert soup.select_one('.guide-pagination a[rel="prev"]')["href"] == "/en/guides/take-over-a-building/"


def test_guides_go_under_an_index_and_chapters_are_one_level_deep(guide_index, make_guide, home_pages):
    assert not GuideIndexPage.can_create_at(home_pages["en"])  # one index per home page
    assert not GuidePage.can_create_at(home_pages["en"])
    main = make_guide("Take over a building")
    chapter = make_guide("Plan", parent=main)
    assert GuidePage.can_create_at(guide_index["en"])
    assert GuidePage.can_create_at(main)
    assert not GuidePage.can_create_at(chapter)


@pytest.fixture
def guide_in_parts(make_guide, locales):
    """A main guide with three chapters, in English and in Welsh."""
    main = make_guide("Take over a building", step_titles=("Check the building",))
    chapters = [
        make_guide(title, parent=main, step_titles=("First", "Second"))
        for title in ("Plan", "Apply", "Run it")
    ]
    main.save_revision().publish()
    welsh_main = translate(main, locales["cy"], title="Cymryd adeilad drosodd", slug="cymryd-adeilad-drosodd")
    welsh_main.refresh_from_db()
    for chapter, title, slug in zip(
        chapters,
        ("Cynllunio", "Gwneud cais", "Ei redeg"),
        ("cynllunio", "gwneud-cais", "ei-redeg"),
        strict=True,
    ):
        chapter.save_revision().publish()
        translate(chapter, locales["cy"], title=title, slug=slug)
    return main


def part_links(soup):
    return [item.get_text(strip=True) for item in soup.select(".guide-parts__list li")]


def test_multi_part_guide_links_its_parts_in_order(client, guide_in_parts):
    main = parse(client.get("/en/guides/take-over-a-building/"))
    assert part_links(main) == ["Take over a building", "Plan", "Apply", "Run it"]
    assert main.select_one('.guide-parts [aria-current="page"]').get_text() == "Take over a building"
    assert not main.select('.guide-pagination a[rel="prev"]')
    assert (
        main.select_one('.guide-pagination a[rel="next"]')["href"] == "/en/guides/take-over-a-building/plan/"
    )

    middle = parse(client.get("/en/guides/take-over-a-building/apply/"))
    assert part_links(middle) == ["Take over a building", "Plan", "Apply", "Run it"]
    assert middle.select_one('.guide-parts [aria-current="page"]').get_text() == "Apply"
    assert (
        middle.select_one('.guide-pagination a[rel="prev"]')["href"]
        == "/en/guides/take-over-a-building/plan/"
    )
    assert (
        middle.select_one('.guide-pagination a[rel="next"]')["href"]
        == "/en/guides/take-over-a-building/run-it/"
    )
    assert middle.select_one(".guide__caption a")["href"] == "/en/guides/take-over-a-building/"
    assert contents(middle) == [("#step-1", "First"), ("#step-2", "Second")]

    last = parse(client.get("/en/guides/take-over-a-building/run-it/"))
    assert (
        last.select_one('.guide-pagination a[rel="prev"]')["href"] == "/en/guides/take-over-a-building/apply/"
    )
    assert not last.select('.guide-pagination a[rel="next"]')

    welsh = parse(client.get("/cy/canllawiau/cymryd-adeilad-drosodd/gwneud-cais/"))
    assert welsh.html["lang"] == "cy"
    assert part_links(welsh) == ["Cymryd adeilad drosodd", "Cynllunio", "Gwneud cais", "Ei redeg"]
    assert (
        welsh.select_one('.guide-pagination a[rel="next"]')["href"]
        == "/cy/canllawiau/cymryd-adeilad-drosodd/ei-redeg/"
    )


def test_single_page_guide_has_no_parts_navigation(client, make_guide):
    make_guide("Find volunteers")
    soup = parse(client.get("/en/guides/find-volunteers/"))
    assert not soup.select(".guide-parts") and not soup.select(".guide-pagination")


def test_guide_has_schema_org_howto(client, make_guide):
    make_guide("Run a safe event", step_titles=("Book a venue", "Assess the risks"), time_needed=6, time_unit="weeks",
               summary="Plan an event everyone can enjoy.")  # fmt: skip
    soup = parse(client.get("/en/guides/run-a-safe-event/"))
    data = json.loads(soup.select_one('script[type="application/ld+json"]').string)
    assert data["@type"] == "HowTo"
    assert data["name"] == "Run a safe event"
    assert data["totalTime"] == "P6W"
    assert data["inLanguage"] == "en"
    assert data["step"] == [
        {"@type": "HowToStep", "position": 1, "name": "Book a venue", "text": "How to book a venue.",
         "url": "http://localhost/en/guides/run-a-safe-event/#step-1"},
        {"@type": "HowToStep", "position": 2, "name": "Assess the risks", "text": "How to assess the risks.",
         "url": "http://localhost/en/guides/run-a-safe-event/#step-2"},
    ]  # fmt: skip
    # Every step's address points at an anchor on the page.
    for step in data["step"]:
        assert soup.select_one(f"#{step['url'].split('#')[1]}")


def test_guide_prints_well(client, make_guide, document):
    guide = make_guide("Apply for a small grant")
    guide.documents = [GuideDocument(document=document)]
    guide.save()
    soup = parse(client.get("/en/guides/apply-for-a-small-grant/"))
    assert soup.select_one('link[rel="stylesheet"][href="/static/css/guides.css"]')
    # Printed links show their address, so the guide writes them in full; the document is
    # served through Wagtail's document view.
    link = soup.select_one(".document-list a")["href"]
    assert link.startswith(public_url("/documents/"))
    assert client.get(link.removeprefix(public_base_url())).status_code == 200
    stylesheet = client.get("/static/css/guides.css")
    css = b"".join(stylesheet.streaming_content).decode()
    assert "@media print" in css and ".site-nav" in css


@pytest.mark.parametrize(
    "language, path, heading",
    [("en", "/en/guides/", "How-to guides"), ("cy", "/cy/canllawiau/", "Canllawiau")],
)
def test_guide_index_groups_guides_by_topic_in_both_languages(
    client, make_guide, topics, language, path, heading
):
    make_guide("Find volunteers" if language == "en" else "Dod o hyd i wirfoddolwyr", language=language,
               topics=[topics["volunteering"], topics["food"]])  # fmt: skip
    make_guide(
        "Start a lunch club" if language == "en" else "Dechrau clwb cinio",
        language=language,
        topics=[topics["food"]],
    )
    make_guide("Write a newsletter" if language == "en" else "Ysgrifennu cylchlythyr", language=language)
    soup = parse(client.get(path))
    assert soup.html["lang"] == language
    assert soup.h1.get_text() == heading
    with translation.override(language):
        other = translation.gettext("Other guides")
    if language == "en":
        assert sections(soup) == {
            "Food": ["Find volunteers", "Start a lunch club"],
            "Volunteering": ["Find volunteers"],
            other: ["Write a newsletter"],
        }
    else:
        assert sections(soup) == {
            "Bwyd": ["Dechrau clwb cinio", "Dod o hyd i wirfoddolwyr"],
            "Gwirfoddoli": ["Dod o hyd i wirfoddolwyr"],
            other: ["Ysgrifennu cylchlythyr"],
        }
    assert [link["href"] for link in soup.select(".contents__list a")][:1] == [
        f"#{soup.select_one('.guide-topic h2')['id']}"
    ]


@pytest.mark.parametrize(
    ("language", "path", "link"),
    [
        ("en", "/en/guides/", ("All 10 guides on Volunteering", "/en/topics/volunteering/?type=guides")),
        (
            "cy",
            "/cy/canllawiau/",
            ("Pob un o'r 10 canllaw ar y pwnc Gwirfoddoli", "/cy/pynciau/gwirfoddoli/?type=guides"),
        ),
    ],
)
def test_a_topic_with_many_guides_shows_the_first_and_links_to_the_rest(
    client, make_guide, topics, guide_index, language, path, link
):
    for number in range(10):
        make_guide(f"Guide {number:02d}", language=language, topics=[topics["volunteering"]])
    make_guide("Guide on food", language=language, topics=[topics["food"]])
    soup = parse(client.get(path))
    shown = guide_index[language].guides_per_topic
    listed = sections(soup)
    assert [len(titles) for titles in listed.values()] == [1, shown]  # food, then volunteering
    more = [(a.get_text(), a["href"]) for a in soup.select(".guide-topic p a")]
    assert more == [link]  # only the topic with more guides than are shown links onwards
    assert client.get(link[1]).status_code == 200


def test_guide_index_sorts_welsh_titles_in_welsh_order_and_leaves_out_chapters(client, make_guide, topics):
    for title in ("Llogi neuadd", "Lansio gwefan", "Cynnal cyfarfod", "Chwilio am arian"):
        make_guide(title, language="cy", topics=[topics["food"]])
    main = make_guide("Cymryd adeilad drosodd", language="cy", topics=[topics["food"]])
    make_guide("Pennod un", language="cy", parent=main, topics=[topics["food"]])
    soup = parse(client.get("/cy/canllawiau/"))
    assert sections(soup)["Bwyd"] == [
        "Cymryd adeilad drosodd",
        "Cynnal cyfarfod",
        "Chwilio am arian",
        "Lansio gwefan",
        "Llogi neuadd",
    ]


def test_group_page_lists_guides_that_name_it(client, make_guide, make_group):
    group = make_group("Marchwiel Village Hall")
    other = make_group("Other Group")
    make_guide("Run a safe event", groups=[group])
    make_guide("Hire a hall", groups=[group, other])
    make_guide("Unrelated", groups=[other])
    section = parse(client.get("/en/groups/marchwiel-village-hall/")).select_one(".guide-section")
    assert section.h2.get_text() == "Guides"
    assert [link.get_text() for link in section.select("a")] == ["Hire a hall", "Run a safe event"]


def test_group_page_without_guides_has_no_guide_section(client, make_guide, make_group):
    make_group("Quiet Group")
    assert not parse(client.get("/en/groups/quiet-group/")).select(".guide-section")


def test_newly_published_guide_appears_on_its_group_page_at_once(client, make_guide, make_group):
    group = make_group("Marchwiel Village Hall")
    assert not parse(client.get("/en/groups/marchwiel-village-hall/")).select(".guide-section")
    guide = make_guide("Hire a hall", groups=[group])
    guide.save_revision().publish()
    assert (
        parse(client.get("/en/groups/marchwiel-village-hall/")).select_one(".guide-section a").get_text()
        == "Hire a hall"
    )


@pytest.mark.parametrize(
    "path", ["/en/guides/?topic=%00&page=-1", "/en/guides/?" + "x" * 500, "/cy/canllawiau/?sort=sideways"]
)
def test_odd_query_strings_give_a_normal_page(client, make_guide, path):
    make_guide("Find volunteers")
    make_guide("Dod o hyd i wirfoddolwyr", language="cy")
    assert client.get(path).status_code == 200


def test_unknown_guide_is_not_found(client, make_guide):
    make_guide("Find volunteers")
    assert client.get("/en/guides/find-volunteers/no-such-part/").status_code == 404


def count_queries(client, path):
    assert client.get(path).status_code == 200  # publishing retired the cached facts
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def test_guide_index_queries_do_not_grow_with_the_number_of_guides(client, make_guide, topics):
    def add_guides(start, end):
        for number in range(start, end):
            make_guide(
                f"Guide {number:03d}", topics=[topics["food"], topics["volunteering"]] if number % 3 else []
            )

    def counts():
        """(queries with no guide's entry kept, with every entry kept)."""
        kept = count_queries(client, "/en/guides/")
        caches["template_fragments"].clear()
        with CaptureQueriesContext(connection) as cold:
            client.get("/en/guides/")
        return len(cold), kept

    add_guides(0, 10)
    at_10 = counts()
    add_guides(10, 50)
    assert counts() == at_10
    cold, kept = at_10
    assert kept == cold - 1 and cold < 15  # kept entries need no guide fetched


def test_guide_page_query_count(client, guide_in_parts, make_group, document):
    # A real site has its settings already; making them here would renew the page-tree version
    # between the warming request and the counted one.
    PortalSettings.for_site(Site.objects.get(is_default_site=True))
    chapter = GuidePage.objects.get(slug="apply")
    chapter.documents = [GuideDocument(document=document)]
    chapter.related_guides = [GuideRelatedGuide(page=GuidePage.objects.get(slug="plan"))]
    chapter.groups_that_can_help = [GuideGroup(group=make_group(f"Group {number}")) for number in range(3)]
    chapter.save_revision().publish()
    for path in (
        "/en/guides/take-over-a-building/apply/",
        "/cy/canllawiau/cymryd-adeilad-drosodd/gwneud-cais/",
    ):
        client.get(path)  # warm the per-process caches and the page's cached content
        assert count_queries(client, path) < 15, path


def test_translators_translate_a_guide_with_wagtail_localize(make_guide, make_group, document, locales):
    from wagtail_localize.models import TranslationSource

    group = make_group("Marchwiel Village Hall")
    group.save_revision().publish()
    welsh_group = translate(group, locales["cy"], slug="neuadd-bentref-marchwiail")
    other = make_guide("Find volunteers")
    other.save_revision().publish()
    welsh_other = translate(other, locales["cy"], slug="dod-o-hyd-i-wirfoddolwyr")
    guide = make_guide("Run a safe event", groups=[group], time_needed=6, time_unit="weeks")
    guide.steps = [
        (
            "step",
            {"title": "Assess the risks", "body": "<p>Walk round.</p>", "image": None, "document": document},
        )
    ]
    guide.related_guides = [GuideRelatedGuide(page=other)]
    guide.documents = [GuideDocument(document=document)]
    guide.save_revision().publish()

    source, _created = TranslationSource.get_or_create_from_instance(guide)
    welsh, _created = source.create_or_update_translation(locales["cy"], fallback=True)
    welsh = GuidePage.objects.get(pk=welsh.pk)
    # Links to guides and groups follow them into Welsh; the time and the documents are shared.
    assert [link.group_id for link in welsh.groups_that_can_help.all()] == [welsh_group.pk]
    assert [link.page_id for link in welsh.related_guides.all()] == [welsh_other.pk]
    assert [link.document for link in welsh.documents.all()] == [document]
    assert (welsh.time_needed, welsh.time_unit) == (6, "weeks")
    assert welsh.steps[0].value["document"] == document


def test_editors_preview_a_new_chapter(client, django_user_model, guide_in_parts):
    client.force_login(django_user_model.objects.create_superuser("editor", "editor@wrexham.example", "pw"))
    data = nested_form_data({
        "title": "Draft chapter", "slug": "draft-chapter", "time_unit": "weeks",
        "steps": streamfield([("step", {"title": "Ask", "body": rich_text("<p>Ask around.</p>"),
                                        **STEP_EXTRAS})]),
        "documents": inline_formset([]), "related_guides": inline_formset([]), "groups_that_can_help": inline_formset([]),
    })  # fmt: skip
    preview = f"/admin/pages/add/guides/guidepage/{guide_in_parts.pk}/preview/"
    assert client.post(preview, data).json()["is_valid"]
    soup = parse(client.get(preview))
    assert soup.h1.get_text() == "Draft chapter"
    assert contents(soup) == [("#step-1", "Ask")]
    assert soup.select_one(".guide__caption a")["href"] == "/en/guides/take-over-a-building/"


def test_guides_appear_in_search_and_on_their_topic_pages_in_their_language(client, make_guide, topics):
    make_guide("Find volunteers", topics=[topics["volunteering"]], step_titles=("Write a role description",))
    make_guide("Dod o hyd i wirfoddolwyr", language="cy", topics=[topics["volunteering"]])
    for path, title in (
        ("/en/search/?q=role+description&type=guides", "Find volunteers"),
        ("/en/topics/volunteering/?type=guides", "Find volunteers"),
        ("/cy/chwilio/?q=gwirfoddolwyr&type=guides", "Dod o hyd i wirfoddolwyr"),
        ("/cy/pynciau/gwirfoddoli/?type=guides", "Dod o hyd i wirfoddolwyr"),
    ):
        assert [link.get_text() for link in parse(client.get(path)).select(".search-result__title a")] == [
            title
        ], path


def test_the_guide_index_keeps_which_guides_it_lists_until_one_is_published(client, make_guide, topics):
    for number in range(10):
        make_guide(f"Guide {number}", topics=[topics["food"]])
    client.get("/en/guides/")
    with CaptureQueriesContext(connection) as queries:
        soup = parse(client.get("/en/guides/"))
    assert not [query for query in queries if "search_taggedpage" in query["sql"]]
    assert "All 10 guides on Food" in soup.get_text()
    make_guide("Another Guide", topics=[topics["food"]])
    soup = parse(client.get("/en/guides/"))
    assert "All 11 guides on Food" in soup.get_text()
    assert "Another Guide" in [link.get_text() for link in soup.select(".guide-list__title a")]
