import pytest

from bilingual.welsh import fold_accents, initial_letter, welsh_letters, welsh_sort_key


def welsh_sorted(names):
    return sorted(names, key=welsh_sort_key)


@pytest.mark.parametrize(
    "earlier, later",
    [
        ("Cymdeithas Hanes", "Chwarae Teg"),  # ch comes after every c…
        ("Cyngor", "Chwarae"),
        ("Dyffryn", "Ddraig"),  # dd after d…
        ("Fyny", "Ffrindiau"),  # ff after f…
        ("Gwyrdd", "Ngwyl"),  # ng after g…
        ("Lwc", "Llyfrgell Gresffordd"),  # ll after l…, even "Lu…"
        ("Lluest", "Llyfr"),
        ("Pwll", "Pheasant"),  # ph after p…
        ("Rygbi", "Rhos"),  # rh after every r…
        ("Tyddyn", "Theatr Ieuenctid"),  # th after t…
        ("angen", "anodd"),  # a-ng… before a-n…, because ng comes before n
    ],
)
def test_welsh_digraphs_are_letters(earlier, later):
    assert welsh_sort_key(earlier) < welsh_sort_key(later)


def test_ng_in_llan_place_names_is_two_letters():
    # Llan + gollen is ll-a-n-g…, so it sorts before Llanofer (ll-a-n-o…), unlike "angen".
    assert welsh_letters("Llangollen")[:4] == ["ll", "a", "n", "g"]
    assert welsh_letters("Bangor")[:4] == ["b", "a", "n", "g"]
    assert welsh_letters("angen") == ["a", "ng", "e", "n"]
    assert welsh_sort_key("Llangollen") < welsh_sort_key("Llanofer")


def test_a_full_list_in_welsh_order():
    names = ["Rhos", "Rygbi", "Llyfrgell", "Lwc", "Chwarae", "Cymuned", "Theatr", "Tyddyn", "Ffrindiau", "Fferm", "Fyny", "Dawns", "Ddôl"]
    assert welsh_sorted(names) == [
        "Cymuned", "Chwarae", "Dawns", "Ddôl", "Fyny", "Fferm", "Ffrindiau",
        "Lwc", "Llyfrgell", "Rygbi", "Rhos", "Tyddyn", "Theatr",
    ]  # fmt: skip


def test_accents_and_case_do_not_change_the_order():
    assert welsh_sort_key("Gŵyl") == welsh_sort_key("gwyl")
    assert fold_accents("Café") == "cafe"


@pytest.mark.parametrize(
    "name, language, letter",
    [("Llyfrgell Gresffordd", "cy", "ll"), ("Llyfrgell Gresffordd", "en", "l"), ("Chwarae Teg", "cy", "ch"),
     ("Theatr Ieuenctid", "cy", "th"), ("Ŵyl", "cy", "w"), ("1st Gresford Scouts", "en", "#"), ("'Sgwrs' group", "cy", "s")],
)  # fmt: skip
def test_initial_letter(name, language, letter):
    assert initial_letter(name, language) == letter
