import pytest

from bilingual.welsh import query_alternatives, radical_forms, search_terms

MUTATION_SETS = [
    ("cymuned", "gymuned", "chymuned", "nghymuned"),  # c: soft, aspirate, nasal
    ("pentref", "bentref", "mhentref", "phentref"),  # p: soft, nasal, aspirate
    ("tref", "dref", "nhref", "thref"),  # t: soft, nasal, aspirate
    ("bangor", "fangor", "mangor"),  # b: soft, nasal
    ("drws", "ddrws", "nrws"),  # d: soft, nasal
    ("gwirfoddoli", "wirfoddoli", "ngwirfoddoli"),  # g: soft (dropped), nasal
    ("mam", "fam"),  # m: soft
    ("llyfrgell", "lyfrgell"),  # ll: soft
    ("rhieni", "rieni"),  # rh: soft
    ("ardal", "hardal"),  # vowel: aspirate h
]


def indexed(text):
    return set(search_terms(text, "cy").split())


def finds(query, text, language="cy"):
    return all(
        forms & set(search_terms(text, language).split()) for forms in query_alternatives(query, language)
    )


@pytest.mark.parametrize("forms", MUTATION_SETS, ids=[forms[0] for forms in MUTATION_SETS])
def test_any_form_finds_any_other(forms):
    for query in forms:
        for text in forms:
            assert finds(query, f"Croeso i'r {text} heddiw"), (query, text)


def test_radical_forms_undo_one_mutation():
    assert radical_forms("nghymuned") == {"nghymuned", "cymuned"}
    assert radical_forms("fach") == {"fach", "bach", "mach"}
    assert "gwirfoddoli" in radical_forms("wirfoddoli")


def test_unrelated_words_do_not_match():
    assert not finds("cymuned", "Clwb pel-droed y pentref")
    assert not finds("pentref", "Caffi cymunedol")


@pytest.mark.parametrize(
    "query, text", [("gwyl", "Gŵyl Fwyd"), ("cafe", "Repair Café"), ("CAFE", "café"), ("Gŵyl", "gwyl")]
)
def test_accents_and_case_are_folded(query, text):
    assert finds(query, text, "cy")
    assert finds(query, text, "en")


def test_english_pages_are_not_demutated():
    assert not finds("bed", "a ped", "en")  # "bed" is no mutation of "ped" in English
    assert search_terms("Gymuned Café", "en") == "gymuned cafe"


@pytest.mark.parametrize(
    "query",
    [
        '"',
        "*",
        "NEAR(",
        "AND OR NOT",
        "((",
        "a" * 10_000,
        "\x00",
        "😀",
        "' OR 1=1 --",
        "title:foo",
        "^x",
        "-x",
        "",
    ],
)
def test_query_syntax_is_reduced_to_plain_words(query):
    alternatives = query_alternatives(query, "cy")
    assert len(alternatives) <= 10
    for forms in alternatives:
        for form in forms:
            assert form.isalnum() and len(form) <= 41
