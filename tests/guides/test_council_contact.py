"""Guides that say "ask the council" say whom and how: the council team's details from the
portal settings, in the reader's language; checklists are part of the page, not a file."""

import pytest
from wagtail.models import Site

from home.models import PortalSettings, StandardPage
from tests.helpers import parse, translate

pytestmark = pytest.mark.django_db

TEAM = {
    "en": ("Community asset transfer team", ["Wrexham County Borough Council", "The Guildhall", "LL11 1AY"]),
    "cy": (
        "Tîm trosglwyddo asedau cymunedol",
        ["Cyngor Bwrdeistref Sirol Wrecsam", "Y Neuadd Ddinesig", "LL11 1AY"],
    ),
}
HEADING = {"en": "Ask the council", "cy": "Gofyn i'r cyngor"}


@pytest.fixture
def council_team(home_pages):
    settings = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    settings.council_team_en, settings.council_team_cy = TEAM["en"][0], TEAM["cy"][0]
    settings.council_email = "asset.transfer@wrexham.example"
    settings.council_phone = "01632 960 318"
    settings.council_address_en = "\n".join(TEAM["en"][1]) + "\n"
    settings.council_address_cy = "\n".join(TEAM["cy"][1])
    settings.save()
    return settings


def step(title, **parts):
    return ("step", {"title": title, "body": "<p>Ask the council's team.</p>", "image": None, **parts})


@pytest.fixture
def guide(make_guide, locales):
    english = make_guide("Take over a building", step_titles=())
    english.steps = [
        step("Check the building", council_contact=True),
        step("Write the plan", checklist={"heading": "What the council will ask for",
                                          "entries": ["A constitution", "A budget for three years"]}),
    ]  # fmt: skip
    english.save_revision().publish()
    welsh = translate(english, locales["cy"], title="Cymryd adeilad drosodd", slug="cymryd-adeilad-drosodd")
    welsh.steps = [
        step("Gwirio'r adeilad", council_contact=True),
        step("Ysgrifennu'r cynllun", checklist={"heading": "Beth fydd y cyngor yn gofyn amdano",
                                                 "entries": ["Cyfansoddiad", "Cyllideb am dair blynedd"]}),
    ]  # fmt: skip
    welsh.save_revision().publish()
    welsh.refresh_from_db()
    return {"en": english, "cy": welsh}


def contact_of(block):
    details = {row.dt.get_text(strip=True): row.dd for row in block.select("dl > div")}
    return (
        block.select_one(".council-contact__title").get_text(strip=True),
        block.select_one(".council-contact__team").get_text(strip=True),
        details,
    )


@pytest.mark.parametrize("language", ["en", "cy"])
def test_a_guide_step_shows_the_council_team_in_the_readers_language(client, council_team, guide, language):
    soup = parse(client.get(guide[language].url))
    first, second = soup.select(".steps > .step")
    heading, team, details = contact_of(first.select_one(".council-contact"))
    assert (heading, team) == (HEADING[language], TEAM[language][0])
    assert first.select_one(".council-contact__title").name == "h3"  # under the step's h2
    email, phone, address = (details[key] for key in {"en": ("Email", "Phone", "Address"),
                                                      "cy": ("E-bost", "Ffôn", "Cyfeiriad")}[language])  # fmt: skip
    assert email.a["href"] == "mailto:asset.transfer@wrexham.example"
    assert phone.a["href"] == "tel:01632960318" and phone.get_text(strip=True) == "01632 960 318"
    assert list(address.address.stripped_strings) == TEAM[language][1]
    assert not second.select(".council-contact")  # only where the step asks for it


@pytest.mark.parametrize("language", ["en", "cy"])
def test_a_checklist_is_a_list_on_the_page(client, council_team, guide, language):
    checklist = parse(client.get(guide[language].url)).select(".steps > .step")[1].select_one(".checklist")
    assert checklist.h3.get_text() == {"en": "What the council will ask for",
                                       "cy": "Beth fydd y cyngor yn gofyn amdano"}[language]  # fmt: skip
    assert [item.get_text() for item in checklist.select("ul.checklist__list > li")] == {
        "en": ["A constitution", "A budget for three years"],
        "cy": ["Cyfansoddiad", "Cyllideb am dair blynedd"],
    }[language]


@pytest.mark.parametrize("language", ["en", "cy"])
def test_the_council_contact_block_in_a_page_body(client, council_team, home_pages, locales, language):
    page = StandardPage(title="Community buildings", slug="community-buildings",
                        body=[("paragraph", "<p>Ask the council.</p>"), ("council_contact", None)])  # fmt: skip
    home_pages["en"].add_child(instance=page)
    page.save_revision().publish()
    if language == "cy":
        page = translate(page, locales["cy"], title="Adeiladau cymunedol", slug="adeiladau-cymunedol")
        page.refresh_from_db()
    heading, team, _details = contact_of(parse(client.get(page.url)).select_one("main .council-contact"))
    assert (heading, team) == (HEADING[language], TEAM[language][0])


@pytest.mark.parametrize("language", ["en", "cy"])
def test_until_the_team_is_set_the_portal_address_is_offered(client, guide, language):
    block = parse(client.get(guide[language].url)).select_one(".council-contact")
    assert block.select_one(".council-contact__title").get_text() == HEADING[language]
    assert block.a["href"] == "mailto:together@wrexham.example"
    assert not block.select(".council-contact__team")


def test_the_welsh_name_and_address_fall_back_to_the_english(client, council_team, guide):
    council_team.council_team_cy = council_team.council_address_cy = ""
    council_team.save()
    _heading, team, details = contact_of(parse(client.get(guide["cy"].url)).select_one(".council-contact"))
    assert team == TEAM["en"][0]
    assert list(details["Cyfeiriad"].address.stripped_strings) == TEAM["en"][1]
