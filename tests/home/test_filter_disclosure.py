"""Every listing's filters fold behind one "Filter" control (a <details>, no JavaScript) that
says how many filters are chosen, and opens by itself when the form has something to correct."""

import pytest

from tests.helpers import parse

pytestmark = pytest.mark.django_db

LISTINGS = {
    "directory": {"en": "/en/groups/", "cy": "/cy/grwpiau/"},
    "event_index": {"en": "/en/events/", "cy": "/cy/digwyddiadau/"},
    "volunteering_index": {"en": "/en/volunteer/", "cy": "/cy/gwirfoddoli/"},
    "story_index": {"en": "/en/stories/", "cy": "/cy/straeon/"},
}
TWO_FILTERS = {"en": "topic=food&area=rhos", "cy": "topic=bwyd&area=rhos"}
WORD = {"en": "Filter", "cy": "Hidlo"}


@pytest.fixture
def listings(directory, event_index, volunteering_index, story_index, topics, areas):
    return LISTINGS


def disclosure(soup):
    details = soup.select_one(".listing-layout > details.filter-disclosure")
    assert details.select_one(":scope > summary") is not None
    assert details.select_one(":scope > form.filters") is not None  # the form is inside it
    return details


@pytest.mark.parametrize("language", ["en", "cy"])
@pytest.mark.parametrize("listing", list(LISTINGS))
def test_the_filter_control_counts_the_chosen_filters(client, listings, listing, language):
    path = listings[listing][language]
    unfiltered = disclosure(parse(client.get(path)))
    assert unfiltered.summary.get_text(" ", strip=True) == WORD[language]
    assert not unfiltered.has_attr("open")

    filtered = disclosure(parse(client.get(f"{path}?{TWO_FILTERS[language]}")))
    chosen = {"en": "2 filters chosen", "cy": "2 hidlydd wedi'u dewis"}[language]
    assert " ".join(filtered.summary.get_text().split()) == f"{WORD[language]} (2 {chosen[2:]})"
    assert (
        filtered.select_one(".filter-disclosure__count > .visually-hidden").get_text(strip=True) == chosen[2:]
    )
    assert not filtered.has_attr("open")


@pytest.mark.parametrize("language", ["en", "cy"])
@pytest.mark.parametrize("listing", ["directory", "event_index", "volunteering_index"])
def test_the_filters_open_when_the_form_has_something_to_correct(client, listings, listing, language):
    details = disclosure(parse(client.get(f"{listings[listing][language]}?near=not+a+postcode")))
    assert details.has_attr("open")
    assert details.select_one(".error-message")


@pytest.mark.parametrize("language", ["en", "cy"])
def test_age_0_counts_as_a_chosen_filter(client, listings, language):
    """A baby group's age, 0, narrows the list like any other age (it is not "no filter")."""
    summary = disclosure(parse(client.get(f"{listings['directory'][language]}?age=0"))).summary
    assert " ".join(summary.get_text().split()).startswith(f"{WORD[language]} (1 ")
