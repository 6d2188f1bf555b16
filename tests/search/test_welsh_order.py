import pytest

from bilingual.welsh import fold_accents, initial_letter, welsh_letters, welsh_sort_key
from directory.models import Area
from search.models import Topic
from tests.helpers import parse


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
    names = [
        "Rhos",
        "Rygbi",
        "Llyfrgell",
        "Lwc",
        "Chwarae",
        "Cymuned",
        "Theatr",
        "Tyddyn",
        "Ffrindiau",
        "Fferm",
        "Fyny",
        "Dawns",
        "Ddôl",
    ]
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


@pytest.mark.django_db
def test_topic_and_area_choices_are_in_welsh_alphabetical_order_on_welsh_pages(client, directory):
    # English order would put Chwaraeon before Cymuned and Llai before Lodge; Welsh puts the
    # digraphs ch and ll after every c and l.
    for english, welsh in [("Sport", "Chwaraeon"), ("Community", "Cymuned"), ("Arts", "Celf")]:
        Topic.objects.create(name=english, slug=english.lower(), name_cy=welsh)
    for english, welsh in [("Llay", "Llai"), ("Lodge", "Lodge"), ("Lavister", "Lavister")]:
        Area.objects.create(name=english, slug=english.lower(), name_cy=welsh)

    soup = parse(client.get("/cy/grwpiau/"))

    def options(name):
        return [
            option.get_text() for option in soup.select(f'select[name="{name}"] option') if option["value"]
        ]

    assert options("topic") == ["Celf", "Cymuned", "Chwaraeon"]
    assert options("area") == ["Lavister", "Lodge", "Llai"]
