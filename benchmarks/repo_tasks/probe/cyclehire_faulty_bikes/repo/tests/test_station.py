import pytest

from cyclehire.bikes import Bike
from cyclehire.station import DockingStation, NoBikeAvailable, StationFull


def make_station():
    station = DockingStation("Harbour", 5)
    station.dock(Bike("C1"))
    station.dock(Bike("E1", "ebike", battery_pct=12))
    station.dock(Bike("C2"))
    station.dock(Bike("E2", "ebike", battery_pct=80))
    return station


def test_counts():
    station = make_station()
    assert station.free_docks == 1
    assert station.available() == 3
    assert station.available("ebike") == 1
    assert station.bike_ids() == ["C1", "E1", "C2", "E2"]


def test_release_longest_docked_first():
    station = make_station()
    assert station.release().bike_id == "C1"
    assert station.release("classic").bike_id == "C2"
    assert station.free_docks == 3


def test_flat_ebike_not_released():
    station = make_station()
    assert station.release("ebike").bike_id == "E2"
    with pytest.raises(NoBikeAvailable, match="no ebike available at Harbour"):
        station.release("ebike")


def test_full_station():
    station = make_station()
    station.dock(Bike("C3"))
    with pytest.raises(StationFull):
        station.dock(Bike("C4"))


def test_remove_for_van():
    station = make_station()
    assert station.remove("E1").battery_pct == 12
    assert "E1" not in station
    with pytest.raises(KeyError):
        station.remove("E1")


def test_bad_bike_kind():
    with pytest.raises(ValueError):
        Bike("X1", "tandem")
