"""Search results mark the words that matched, in whichever mutated or accented form the page
has them, and nothing else; the text stays escaped."""

from search.templatetags.search_tags import highlight


def test_the_mutated_and_accented_forms_of_a_query_word_are_marked():
    alternatives = [{"cymuned"}, {"gwyl"}]
    marked = highlight("Gardd Gymuned a'r ŵyl <fawr>", alternatives)
    assert marked == "Gardd <mark>Gymuned</mark> a&#x27;r <mark>ŵyl</mark> &lt;fawr&gt;"


def test_nothing_is_marked_without_a_match():
    assert highlight("Repair café", [{"library"}]) == "Repair café"
    assert highlight("", [{"library"}]) == ""
