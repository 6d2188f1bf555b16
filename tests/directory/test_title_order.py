"""The directory's stored sort key: the database orders groups exactly as ``bilingual.welsh``
does in Python, on SQLite and PostgreSQL alike (run this module with DATABASE_URL set to both).
"""

import random

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail_localize.models import TranslationSource

from bilingual.welsh import initial_letter, sort_key_for, stored_sort_key
from directory.models import GroupPage
from tests.helpers import parse, translate

pytestmark = pytest.mark.django_db

# Llan + g and Bangor (ng as two letters), each digraph against the single letter before it,
# accents, letters Welsh does not use, digits, punctuation and a name in another script.
AWKWARD_NAMES = [
    "Llangollen", "Llanofer", "Llanberis", "Llangefni", "Llan", "Llanw", "Bangor", "Bangor-is-y-coed", "Banc",
    "Bant", "angen", "anodd", "Cyngor", "Chwarae Teg", "Cymdeithas Hanes", "Dyffryn", "Ddraig", "Fyny", "Ffrindiau",
    "Gwyrdd", "Ngwyl", "Gŵyl", "gwyl", "Lwc", "Lluest", "Llyfrgell", "Pwll", "Pheasant", "Rygbi", "Rhos",
    "Tyddyn", "Theatr", "Tîm Pêl-droed", "Café", "Cafe Bach", "Kelly's", "Zumba", "Vale", "Quiz", "Yoga", "Ysgol",
    "Ŵyn", "Élan", "123 Club", "2 Gether", "'Cwtch'", "Ail-gylchu", "Ail gylchu", "A", "Ab", "Клуб", "Ynys",
]  # fmt: skip


@pytest.mark.parametrize("language", ["cy", "en"])
def test_stored_key_sorts_as_python_sorts(language):
    rng = random.Random(18)
    alphabet = "abcdeffghilmnoprstuwyŵâéîkqvxz -'09ЖLCDFNRT"
    names = AWKWARD_NAMES + ["".join(rng.choices(alphabet, k=rng.randint(0, 12))) for _ in range(3000)]
    python_key = sort_key_for(language)
    for first, second in zip(names, names[1:], strict=False):
        expected = (python_key(first) > python_key(second)) - (python_key(first) < python_key(second))
        stored = (stored_sort_key(first, language) > stored_sort_key(second, language)) - (
            stored_sort_key(first, language) < stored_sort_key(second, language)
        )
        assert stored == expected, (first, second)


@pytest.mark.parametrize("language", ["cy", "en"])
def test_the_database_orders_groups_exactly_as_python_does(make_group, language):
    for number, name in enumerate(AWKWARD_NAMES):
        make_group(name, language=language, slug=f"group-{number}")
    groups = GroupPage.objects.filter(locale__language_code=language)
    by_the_database = list(groups.order_by("title_sort_key", "path").values_list("title", flat=True))
    by_python = sorted(groups.order_by("path").values_list("title", flat=True), key=sort_key_for(language))
    assert by_the_database == by_python
    if language == "cy":
        assert by_the_database.index("Llangollen") < by_the_database.index("Llanofer")
        assert by_the_database.index("Banc") < by_the_database.index("Bangor")  # n-g, not ng
        assert by_the_database.index("Cymdeithas Hanes") < by_the_database.index("Chwarae Teg")
        assert by_the_database.index("Lwc") < by_the_database.index("Lluest")
    letters = dict(groups.values_list("title", "title_initial"))
    assert letters == {name: initial_letter(name, language) for name in AWKWARD_NAMES}


def test_the_key_follows_edits_and_translations(make_group, locales):
    group = make_group("Chwarae Teg")
    group.save_revision().publish()
    assert GroupPage.objects.get(pk=group.pk).title_initial == "c"  # English: C

    welsh = translate(group, locales["cy"], title="Chwarae Teg Wrecsam", slug="chwarae-teg")
    stored = GroupPage.objects.get(pk=welsh.pk)
    assert (stored.title_initial, stored.title_sort_key) == (
        "ch",
        stored_sort_key("Chwarae Teg Wrecsam", "cy"),
    )

    group.title = "Llay Walkers"
    group.save_revision().publish()
    stored = GroupPage.objects.get(pk=group.pk)
    assert (stored.title_initial, stored.title_sort_key) == ("l", stored_sort_key("Llay Walkers", "en"))


def test_a_wagtail_localize_translation_is_keyed_in_welsh(make_group, locales):
    group = make_group("Llyfrgell")
    group.save_revision().publish()
    source, _created = TranslationSource.get_or_create_from_instance(group)
    welsh, _created = source.create_or_update_translation(locales["cy"], fallback=True)
    assert GroupPage.objects.get(pk=welsh.pk).title_initial == "ll"
    assert GroupPage.objects.get(pk=group.pk).title_initial == "l"
    languages = dict(
        GroupPage.objects.filter(pk__in=[group.pk, welsh.pk]).values_list("pk", "title_language")
    )
    assert languages == {group.pk: "en", welsh.pk: "cy"}  # each sorted in its own directory's index


def test_welsh_page_three_is_the_python_order_paged(client, make_group):
    names = AWKWARD_NAMES[:45]
    for number, name in enumerate(names):
        make_group(name, language="cy", slug=f"group-{number}")
    third = parse(client.get("/cy/grwpiau/?page=3"))
    listed = [link.get_text() for link in third.select(".group-card__title a")]
    assert listed == sorted(names, key=sort_key_for("cy"))[40:45]


def test_welsh_pages_and_letters_cost_the_same_few_queries_at_any_size(client, make_group):
    def add(start, end):
        for number in range(start, end):
            make_group(f"Llanw {number:03d}" if number % 2 else f"Cymdeithas {number:03d}", language="cy")

    def count(path):
        client.get(path)  # per-process caches (choice lists, root paths)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        return len(queries)

    paths = ["/cy/grwpiau/?page=2", "/cy/grwpiau/?letter=ll&page=2", "/cy/grwpiau/?sort=updated&page=2"]
    add(0, 45)
    small = [count(path) for path in paths]
    add(45, 200)
    assert [count(path) for path in paths] == small
    assert max(small) <= 15, small


@pytest.mark.parametrize(
    ("path", "listed"),
    [("/cy/grwpiau/", "3 grŵp"), ("/cy/grwpiau/?letter=ll", "2 grŵp"), ("/cy/grwpiau/?letter=l", "1 grŵp")],
)
def test_the_count_and_the_jump_list_come_from_one_group_by_on_the_stored_initial(
    client, make_group, path, listed
):
    """No COUNT query of the paginator's own: the number listed is the jump list's counts added up
    (or the chosen letter's); a draft and a private group count for nothing."""
    for name in ["Llanw", "Llyfrgell", "Lwc"]:
        make_group(name, language="cy")
    make_group("Llan drafft", language="cy", live=False)
    with CaptureQueriesContext(connection) as queries:
        soup = parse(client.get(path))
    assert listed in soup.select_one(".result-count").get_text()
    assert [letter.get_text().strip() for letter in soup.select(".jump-list a")][:3] == ["Y cyfan", "L", "Ll"]
    by_initial = [
        query["sql"] for query in queries if '"title_initial"' in query["sql"] and "GROUP BY" in query["sql"]
    ]
    assert len(by_initial) == 1
    assert not [
        query["sql"]
        for query in queries
        if "COUNT(*)" in query["sql"] and "directory_grouppage" in query["sql"]
    ]


def test_the_counts_are_kept_until_a_group_is_published(client, make_group):
    """The GROUP BY reads every group, so its answer is kept under the page-tree version for the
    filters chosen: the next reader gets it without the query, and publishing a group counts
    again. A search of the directory (free text) is counted every time."""

    def counted(path):
        with CaptureQueriesContext(connection) as queries:
            soup = parse(client.get(path))
        group_bys = [
            query for query in queries if '"title_initial"' in query["sql"] and "GROUP BY" in query["sql"]
        ]
        return len(group_bys), soup.select_one(".result-count").get_text()

    for name in ["Llanw", "Llyfrgell"]:
        make_group(name, language="cy")
    (first_queries, first_count), (next_queries, next_count) = (
        counted("/cy/grwpiau/"),
        counted("/cy/grwpiau/"),
    )
    assert (first_queries, next_queries) == (1, 0) and first_count == next_count
    assert counted("/cy/grwpiau/?q=llanw")[0] == counted("/cy/grwpiau/?q=llanw")[0] == 1
    make_group("Lwc", language="cy", live=False).save_revision().publish()
    assert counted("/cy/grwpiau/")[0] == 1
    assert "3 grŵp" in counted("/cy/grwpiau/")[1]
