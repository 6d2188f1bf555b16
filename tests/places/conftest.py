import pytest

from events.models import Venue
from places.models import Postcode

# Where the tests search from, and listings at known places around it (the demo's coordinates).
LL12_0AB = (53.0800, -2.9800)
GRESFORD = ("53.086800", "-2.966800")  # 0.7 miles away
LLAY = ("53.093500", "-2.988000")  # 0.9 miles
GWERSYLLT = ("53.072500", "-3.020500")  # 1.7 miles
CHIRK = ("52.933500", "-3.056000")  # 10.5 miles


def add_postcodes():
    """LL12 0AB and its outward code's centre."""
    Postcode.objects.create(
        postcode="LL12 0AB", outward_code="LL12", latitude=LL12_0AB[0], longitude=LL12_0AB[1]
    )
    Postcode.objects.create(
        postcode="LL12", outward_code="LL12", is_outward_centroid=True, latitude=53.09, longitude=-2.97
    )


@pytest.fixture
def postcodes(db):
    add_postcodes()


def titles_and_distances(soup, card):
    """The listed titles and the distances shown, of the cards with class ``card``."""
    titles = [link.get_text() for link in soup.select(f".{card} .card__title a")]
    return titles, [span.get_text() for span in soup.select(f".{card} .distance")]


def add_venues():
    """Three venues at known distances from LL12 0AB (Gresford, Llay, Chirk)."""

    def venue(name, position):
        return Venue.objects.create(name=name, name_cy=name, latitude=position[0], longitude=position[1])

    return {
        "gresford": venue("Gresford Hall", GRESFORD),
        "llay": venue("Llay Institute", LLAY),
        "chirk": venue("Chirk Castle", CHIRK),
    }


@pytest.fixture
def venues(db):
    return add_venues()
