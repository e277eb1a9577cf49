import pytest

from unitconv.convert import convert, convert_text
from unitconv.parse import parse_quantity
from unitconv.units import canonical, dimension_of


def test_length():
    assert convert(1, "mi", "km") == pytest.approx(1.609344)
    assert convert(12, "in", "ft") == pytest.approx(1.0)


def test_mass_and_aliases():
    assert convert(1, "pounds", "g") == pytest.approx(453.59237)


def test_volume():
    assert convert(3, "tsp", "tbsp") == pytest.approx(1.0)


def test_mismatched_dimensions():
    with pytest.raises(ValueError):
        convert(1, "kg", "m")


def test_parse_quantity():
    assert parse_quantity("3.5 km") == (3.5, "km")
    assert parse_quantity("1,200 feet") == (1200.0, "ft")
    with pytest.raises(ValueError):
        parse_quantity("three km")


def test_canonical_and_dimension():
    assert canonical("Meters") == "m"
    assert dimension_of("°F") == "temperature"


def test_convert_text():
    assert convert_text("3 ft", "m") == "0.91 m"
    assert convert_text("2 l", "ml") == "2000 ml"
