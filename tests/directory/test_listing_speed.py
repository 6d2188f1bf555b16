"""Per-card work on the directory: an area's name comes from the cached list once a request,
not one cache round trip per card, and an editor's change still shows on the next request."""

from unittest import mock

import pytest
from django.core.cache import cache

from directory.models import Area
from tests.helpers import parse

pytestmark = pytest.mark.django_db


def choice_list_reads(client, path):
    with mock.patch.object(cache, "get", wraps=cache.get) as reads:
        assert client.get(path).status_code == 200
    return [call.args[0] for call in reads.call_args_list if call.args[0].startswith("bilingual-choices:")]


def test_each_choice_list_is_read_once_a_request(client, make_group, areas):
    for number in range(12):
        make_group(f"Group {number:02d}", area=areas["rhos"])
    client.get("/en/groups/")  # fill the cache
    reads = choice_list_reads(client, "/en/groups/")
    assert sorted(reads) == sorted(set(reads)), reads  # the area list once, not once per card
    assert "bilingual-choices:directory.area:en" in reads


def test_a_renamed_area_shows_on_the_next_request(client, make_group, areas):
    make_group("Rhos Walkers", area=areas["rhos"])
    assert "Rhos" in parse(client.get("/en/groups/")).select_one(".group-card").get_text()
    area = Area.objects.get(slug="rhos")
    area.name = "Rhosllannerchrugog"
    area.save()
    assert "Rhosllannerchrugog" in parse(client.get("/en/groups/")).select_one(".group-card").get_text()
