import pytest

from ferrydeck.fares import total_fare, vehicle_fare


def test_standard_car():
    assert vehicle_fare("car", 4.4) == 42.00


def test_started_metres_over_standard():
    assert vehicle_fare("campervan", 6.2) == 68.00 + 2 * 9.50


def test_passengers_and_return():
    assert total_fare("car", 4.0, passengers=3) == 55.00
    assert total_fare("car", 4.0, passengers=1, return_trip=True) == 71.40


def test_needs_a_driver():
    with pytest.raises(ValueError):
        total_fare("car", 4.0, passengers=0)
