"""Honest notices: a bilingual privacy notice linked from every footer and every form, the
retention it promises kept by a command (tests/directory/test_suggestion_retention.py), and an accessibility statement in the GOV.UK sample
structure that does not claim an audit it has not had."""

import pytest

from tests.helpers import parse

pytestmark = pytest.mark.django_db

NOTICE = {"en": "/en/privacy-notice/", "cy": "/cy/hysbysiad-preifatrwydd/"}
FORMS = {
    "en": ["/en/groups/suggest/", "/en/volunteer/library-desk-volunteer/help/", "/en/volunteer/offers/new/"],
    "cy": ["/cy/grwpiau/awgrymu/", "/cy/gwirfoddoli/gwirfoddolwr-desg-y-llyfrgell/helpu/", "/cy/gwirfoddoli/cynigion/newydd/"],
}  # fmt: skip
NOTICE_SECTIONS = {
    "en": ["Who we are", "Suggest a group", "Messages to groups", "Offers of help", "Report a problem",
           "Ask to look after a listing", "Our legal basis", "Your rights"],
    "cy": ["Pwy ydyn ni", "Awgrymu grŵp", "Negeseuon at grwpiau", "Cynigion o help", "Rhoi gwybod am broblem",
           "Gofyn am gael gofalu am restriad", "Ein sail gyfreithiol", "Eich hawliau"],
}  # fmt: skip
STATEMENT = {"en": "/en/accessibility-statement/", "cy": "/cy/datganiad-hygyrchedd/"}
STATEMENT_SECTIONS = {
    "en": ["Compliance status", "Non-accessible content", "Enforcement procedure",
           "Preparation of this accessibility statement"],
    "cy": ["Statws cydymffurfio", "Cynnwys nad yw'n hygyrch", "Y drefn orfodi",
           "Paratoi'r datganiad hygyrchedd hwn"],
}  # fmt: skip


@pytest.mark.parametrize("language", ["en", "cy"])
def test_the_privacy_notice_says_what_each_form_keeps_and_who_controls_it(client, demo_content, language):
    soup = parse(client.get(NOTICE[language]))
    headings = [heading.get_text(strip=True) for heading in soup.select("main h2")]
    assert all(section in headings for section in NOTICE_SECTIONS[language]), headings
    text = soup.select_one("main").get_text()
    controller = {"en": "is the data controller", "cy": "yw'r rheolydd data"}[language]
    assert controller in text and "180" in text and "dataprotection@wrexham.example" in text


@pytest.mark.parametrize("language", ["en", "cy"])
def test_the_footer_and_every_form_link_to_the_notice_in_the_readers_language(client, demo_content, language):
    assert parse(client.get(f"/{language}/")).select_one(f'footer a[href="{NOTICE[language]}"]')
    for url in FORMS[language]:
        soup = parse(client.get(url))
        assert soup.select_one(f'#privacy a[href="{NOTICE[language]}"]'), url


@pytest.mark.parametrize("language", ["en", "cy"])
def test_the_accessibility_statement_follows_the_govuk_sample_and_claims_no_audit(
    client, demo_content, language
):
    soup = parse(client.get(STATEMENT[language]))
    headings = [heading.get_text(strip=True) for heading in soup.select("main h2")]
    assert all(section in headings for section in STATEMENT_SECTIONS[language]), headings
    text = soup.select_one("main").get_text()
    for words in {
        "en": ["not yet been audited", "are not an audit", "Equality Advisory and Support Service", "(EHRC)"],
        "cy": ["Nid yw arbenigwr hygyrchedd wedi archwilio", "nid ydyn nhw'n archwiliad",
               "Gwasanaeth Cynghori a Chymorth Cydraddoldeb", "(EHRC)"],
    }[language]:  # fmt: skip
        assert words in text, words
    assert "fully compliant with" not in text and "cydymffurfio'n llawn â" not in text
