import pytest

from unitconv.convert import convert, convert_text
from unitconv.temperature import convert_temperature


@pytest.mark.parametrize("kelvin, fahrenheit", [
    (0, -459.67),
    (255.3722222, 0.0),
    (273.15, 32.0),
    (300, 80.33),
    (373.15, 212.0),
])
def test_kelvin_to_fahrenheit(kelvin, fahrenheit):
    assert convert_temperature(kelvin, "K", "F") == pytest.approx(fahrenheit, abs=1e-4)


@pytest.mark.parametrize("f", [-459.67, -40.0, 0.0, 98.6, 451.0])
def test_round_trip_through_kelvin(f):
    k = convert_temperature(f, "F", "K")
    assert convert_temperature(k, "K", "F") == pytest.approx(f, abs=1e-9)


def test_kelvin_to_fahrenheit_via_convert():
    assert convert(300, "kelvin", "°F") == pytest.approx(80.33)
    assert convert_text("0 K", "F") == "-459.67 F"
