import pytest

from unitconv.convert import convert, convert_text
from unitconv.temperature import convert_temperature


def test_celsius_fahrenheit():
    assert convert_temperature(100, "C", "F") == pytest.approx(212)
    assert convert_temperature(-40, "F", "C") == pytest.approx(-40)


def test_celsius_kelvin():
    assert convert_temperature(0, "C", "K") == pytest.approx(273.15)
    assert convert_temperature(373.15, "K", "C") == pytest.approx(100)


def test_fahrenheit_to_kelvin():
    assert convert_temperature(32, "F", "K") == pytest.approx(273.15)


def test_below_absolute_zero():
    with pytest.raises(ValueError):
        convert_temperature(-300, "C", "F")


def test_text_temperature():
    assert convert_text("72 F", "C") == "22.22 C"
    assert convert(20, "degC", "fahrenheit") == pytest.approx(68)
