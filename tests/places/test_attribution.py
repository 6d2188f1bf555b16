"""The ONS Postcode Directory's licence attribution beneath results near a postcode, in the
page's language, with the year of the file imported, and only while postcodes are loaded."""

import shutil
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client

from demo.postcodes import POSTCODES_FILE
from places.models import Postcode, PostcodeImport
from tests.helpers import parse

from .test_import_postcodes import run

pytestmark = pytest.mark.django_db

ENGLISH = (
    "Contains OS data © Crown copyright and database right 2025. "
    "Contains Royal Mail data © Royal Mail copyright and database right 2025. "
    "Contains GeoPlace data © Local Government Information House Limited copyright and database right 2025. "
    "Source: Office for National Statistics licensed under the Open Government Licence v.3.0."
)
WELSH = (
    "Yn cynnwys data'r Arolwg Ordnans © Hawlfraint y Goron a hawl cronfa ddata 2025. "
    "Yn cynnwys data'r Post Brenhinol © Hawlfraint a hawl cronfa ddata'r Post Brenhinol 2025. "
    "Yn cynnwys data GeoPlace © Hawlfraint a hawl cronfa ddata Local Government Information House Limited 2025. "
    "Ffynhonnell: y Swyddfa Ystadegau Gwladol, wedi'i thrwyddedu o dan y Drwydded Llywodraeth Agored v.3.0."
)


@pytest.fixture
def imported(tmp_path, make_group):
    """The demo postcodes imported from a file named as the ONS names its November 2025 release."""
    onspd = tmp_path / "ONSPD_NOV_2025_UK.csv"
    shutil.copy(POSTCODES_FILE, onspd)
    run(onspd)
    make_group("Gresford Library", latitude="53.086800", longitude="-2.966800")
    make_group("Llyfrgell Gresffordd", language="cy", latitude="53.086800", longitude="-2.966800")


def attribution(response):
    found = parse(response).select_one("[data-postcode-attribution]")
    return found and " ".join(found.get_text().split())


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/en/groups/", ENGLISH),
        ("/cy/grwpiau/", WELSH),
        ("/en/search/", ENGLISH),
        ("/cy/chwilio/", WELSH),
    ],
)
def test_results_near_a_postcode_credit_the_postcode_data_in_the_pages_language(imported, path, expected):
    assert attribution(Client().get(path, {"near": "LL12 0AB", "within": "3"})) == expected


def test_the_year_is_the_latest_imports_and_a_file_name_without_one_takes_this_year(now, imported):
    assert PostcodeImport.objects.get().year == 2025
    run(POSTCODES_FILE)  # postcodes.csv names no year: the year it is imported in (the fixed now)
    assert "database right 2026." in attribution(Client().get("/en/groups/", {"near": "LL12 0AB"}))


def test_the_year_may_be_given(imported):
    out = StringIO()
    call_command("import_postcodes", str(POSTCODES_FILE), "--year", "2024", stdout=out, stderr=StringIO())
    assert "the site credits the data as of 2024" in out.getvalue()
    assert "database right 2024." in attribution(Client().get("/en/groups/", {"near": "LL12 0AB"}))


def test_no_attribution_without_a_place_or_without_postcodes_loaded(imported, settings):
    assert attribution(Client().get("/en/groups/")) is None
    assert attribution(Client().get("/en/groups/", {"near": "LL99 9ZZ"})) is None
    # A council's own gazetteer instead of the ONSPD: nothing of the ONS's to credit.
    Postcode.objects.all().delete()
    settings.PLACES_POSTCODE_LOOKUP = "tests.places.test_import_postcodes.gazetteer"
    response = Client().get("/en/groups/", {"near": "LL12 0AB"})
    assert parse(response).select_one(".near-summary")
    assert attribution(response) is None
