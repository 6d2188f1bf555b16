import pytest

from places.models import Postcode

# Where the tests search from, and listings at known places around it (the demo's coordinates).
LL12_0AB = (53.0800, -2.9800)
GRESFORD = ("53.086800", "-2.966800")  # 0.7 miles away
LLAY = ("53.093500", "-2.988000")  # 0.9 miles
GWERSYLLT = ("53.072500", "-3.020500")  # 1.7 miles
CHIRK = ("52.933500", "-3.056000")  # 10.5 miles


@pytest.fixture
def postcodes(db):
    Postcode.objects.create(
        postcode="LL12 0AB", outward_code="LL12", latitude=LL12_0AB[0], longitude=LL12_0AB[1]
    )
    Postcode.objects.create(
        postcode="LL12", outward_code="LL12", is_outward_centroid=True, latitude=53.09, longitude=-2.97
    )
