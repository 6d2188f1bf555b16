"""manage.py import_postcodes: the ONSPD columns, --prefix, outward codes, re-runs, wrong files."""

import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from demo.postcodes import POSTCODES_FILE, write_csv
from places.models import Postcode
from places.postcodes import find_place, normalise

WREXHAM = ["LL11", "LL12", "LL13", "LL14"]


def run(path, *prefixes):
    out, err = StringIO(), StringIO()
    call_command(
        "import_postcodes", str(path), *(["--prefix", *prefixes] if prefixes else []), stdout=out, stderr=err
    )
    return out.getvalue(), err.getvalue()


def test_the_demo_file_is_what_the_generator_writes():
    generated = StringIO()
    write_csv(generated)
    assert POSTCODES_FILE.read_text(encoding="utf-8") == generated.getvalue()


@pytest.mark.django_db
def test_imports_pcds_lat_long_and_keeps_only_the_prefixes():
    out, _ = run(POSTCODES_FILE, *WREXHAM)
    assert "imported" in out
    gresford = Postcode.objects.get(postcode="LL12 8NU")
    assert (gresford.outward_code, gresford.latitude, gresford.longitude) == ("LL12", 53.0868, -2.9668)
    assert not Postcode.objects.filter(postcode="SY13 9ZZ").exists()  # outside --prefix
    assert not Postcode.objects.filter(postcode="LL11 9ZZ").exists()  # no position in the ONSPD


@pytest.mark.django_db
def test_an_area_prefix_keeps_the_area_but_an_outward_code_only_itself():
    run(POSTCODES_FILE, "LL1")
    assert not Postcode.objects.exists()  # LL1 is not LL11..LL14
    run(POSTCODES_FILE, "SY")
    assert set(Postcode.objects.values_list("postcode", flat=True)) == {"SY13 9ZZ", "SY13"}


@pytest.mark.django_db
def test_outward_codes_get_the_centroid_of_their_postcodes():
    run(POSTCODES_FILE, *WREXHAM)
    units = Postcode.objects.filter(outward_code="LL12", is_outward_centroid=False)
    centre = Postcode.objects.get(postcode="LL12")
    assert centre.is_outward_centroid
    assert centre.latitude == pytest.approx(sum(unit.latitude for unit in units) / units.count())
    assert find_place("ll12").latitude == pytest.approx(centre.latitude)


@pytest.mark.django_db
def test_running_again_updates_instead_of_duplicating(tmp_path):
    run(POSTCODES_FILE, *WREXHAM)
    count = Postcode.objects.count()
    moved = tmp_path / "newer.csv"
    moved.write_text("pcds,lat,long\nLL12 8NU,53.1,-2.9\nLL12 9XX,53.2,-2.8\n", encoding="utf-8")
    run(moved)
    assert Postcode.objects.count() == count + 1
    assert Postcode.objects.get(postcode="LL12 8NU").latitude == 53.1
    run(moved)
    assert Postcode.objects.count() == count + 1


@pytest.mark.django_db
def test_shows_progress_on_a_large_file(tmp_path):
    big = tmp_path / "big.csv"
    big.write_text("pcds,lat,long\n" + "".join(f"LL12 {n % 10}AA,53.0,-3.0\n" for n in range(12000)))
    _, err = run(big)
    assert "10,000 lines" in err and "[" in err


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("name,address\nx,y\n", "not an ONS Postcode Directory CSV: it has no pcds, lat, long column"),
        ("pcds,lat\nLL12 8NU,53\n", "it has no long column"),
        ("", "it has no pcds, lat, long column (its first line has nothing)"),
        (
            "pcds,lat,long\nLL12 8NU,north,west\n",
            "Line 2: the latitude/longitude “north”, “west” are not numbers",
        ),
    ],
)
def test_a_wrong_file_is_a_clear_error_and_imports_nothing(tmp_path, content, message):
    wrong = tmp_path / "wrong.csv"
    wrong.write_text(content, encoding="utf-8")
    with pytest.raises(CommandError, match=re.escape(message)):
        run(wrong)
    assert not Postcode.objects.exists()


@pytest.mark.django_db
def test_a_missing_or_binary_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="Cannot read .*: No such file or directory"):
        run(tmp_path / "missing.csv")
    binary = tmp_path / "onspd.zip"
    binary.write_bytes(b"PK\x03\x04\xff\xfe\x00")
    with pytest.raises(CommandError, match="not a UTF-8 CSV"):
        run(binary)


@pytest.mark.parametrize(
    ("typed", "normalised"),
    [("ll120ab", "LL12 0AB"), (" LL12  0AB ", "LL12 0AB"), ("ll12", "LL12"), ("W1A 1AA", "W1A 1AA"),
     ("LL12 0A", None), ("wrexham", None), ("", None), ("12 0AB", None)],
)  # fmt: skip
def test_normalise(typed, normalised):
    assert normalise(typed) == normalised


@pytest.mark.django_db
def test_find_place_takes_coordinates_in_the_uk_only():
    assert find_place("53.05,-3.0").latitude == 53.05
    assert find_place("40.7,-74.0") is None
    assert find_place("LL12 0AB") is None  # not imported


@pytest.mark.django_db
def test_a_council_can_plug_in_its_own_gazetteer(settings):
    settings.PLACES_POSTCODE_LOOKUP = "tests.places.test_import_postcodes.gazetteer"
    assert find_place("ll12 0ab").latitude == 53.08


def gazetteer(postcode):
    return (53.08, -2.98) if postcode == "LL12 0AB" else None


@pytest.mark.django_db
def test_a_postcode_listed_twice_is_stored_once_at_its_later_position(tmp_path):
    twice = tmp_path / "twice.csv"
    twice.write_text("pcds,lat,long\nLL12 8NU,53.0,-3.0\nLL12 8NU,53.1,-3.1\n")
    run(twice)
    assert list(Postcode.objects.filter(postcode="LL12 8NU").values_list("latitude", "longitude")) == [
        (53.1, -3.1)
    ]
