"""The walk-through on the demo site: groups within 3 miles of LL12 0AB that want volunteers."""

import pytest
from django.test import Client

from places.models import Postcode
from tests.helpers import parse

pytestmark = pytest.mark.django_db

# Every demo group that wants volunteers within 3 miles of LL12 0AB, nearest first.
NEAREST_WANTING_VOLUNTEERS = {
    "en": ["Gresford Community Library", "Llay Juniors Football Club", "Llay Open Door Advice Drop-in",
           "Gwersyllt Community Fridge", "Gwersyllt Food Bank", "Wrexham Phone Friends",
           "Cuppa and a Chat Wrexham", "Caia Park Community Garden"],
    "cy": ["Llyfrgell Gymunedol Gresffordd", "Clwb Pêl-droed Iau Llai", "Drws Agored Llai",
           "Oergell Gymunedol Gwersyllt", "Banc Bwyd Gwersyllt", "Ffrindiau Ffôn Wrecsam",
           "Paned a Sgwrs Wrecsam", "Gardd Gymunedol Parc Caia"],
}  # fmt: skip


def test_the_demo_loads_its_postcodes(demo_content):
    assert Postcode.objects.get(postcode="LL12 0AB").outward_code == "LL12"
    assert Postcode.objects.filter(is_outward_centroid=True).count() == 4
    assert not Postcode.objects.filter(outward_code="SY13").exists()


@pytest.mark.parametrize(("language", "path"), [("en", "/en/groups/"), ("cy", "/cy/grwpiau/")])
def test_groups_within_three_miles_of_ll12_0ab_that_want_volunteers(demo_content, language, path):
    soup = parse(Client().get(path, {"near": "LL12 0AB", "within": "3", "volunteers": "on"}))
    titles = [link.get_text() for link in soup.select(".group-card__title a")]
    distances = [float(span.get_text().split()[0]) for span in soup.select(".group-card .distance")]
    assert titles == NEAREST_WANTING_VOLUNTEERS[language]
    assert distances == sorted(distances) and distances[-1] <= 3
