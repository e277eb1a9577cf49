from datetime import datetime, timedelta
from decimal import Decimal

import pytest

from cyclehire.bikes import Bike
from cyclehire.network import rebalance_suggestions, status_line
from cyclehire.rentals import RentalService
from cyclehire.station import DockingStation, NoBikeAvailable, StationFull

T0 = datetime(2024, 6, 1, 9, 0)


def make_station():
    station = DockingStation("Harbour", 5)
    station.dock(Bike("C1"))
    station.dock(Bike("E1", "ebike", battery_pct=12))
    station.dock(Bike("C2"))
    station.dock(Bike("E2", "ebike", battery_pct=80))
    return station


# --- the new behaviour --------------------------------------------------

def test_faulty_bike_stays_in_dock_but_is_not_available():
    station = make_station()
    station.report_fault("C1", "chain slipping")
    assert station.available() == 2
    assert station.available("classic") == 1
    assert station.free_docks == 1
    assert station.bike_ids() == ["C1", "E1", "C2", "E2"]
    assert "C1" in station


def test_faulty_bike_never_released():
    station = make_station()
    station.report_fault("C1", "chain slipping")
    assert station.release().bike_id == "C2"
    with pytest.raises(NoBikeAvailable):
        station.release("classic")


def test_faulty_list_in_order_reported():
    station = make_station()
    station.report_fault("E2", "brake rubbing")
    station.report_fault("C1", "flat tyre")
    assert station.faulty_bikes() == [("E2", "brake rubbing"), ("C1", "flat tyre")]
    with pytest.raises(NoBikeAvailable):
        station.release("ebike")


def test_fault_for_bike_not_here():
    station = make_station()
    with pytest.raises(KeyError):
        station.report_fault("C9", "missing saddle")
    assert station.faulty_bikes() == []


def test_clear_fault_makes_bike_rentable_again():
    station = make_station()
    station.report_fault("C1", "chain slipping")
    station.clear_fault("C1")
    assert station.faulty_bikes() == []
    assert station.available() == 3
    assert station.release().bike_id == "C1"


def test_van_collecting_faulty_bike():
    station = make_station()
    station.report_fault("C2", "bent wheel")
    assert station.remove("C2").bike_id == "C2"
    assert station.faulty_bikes() == []
    assert station.free_docks == 2


def test_network_reports_see_faults():
    station = make_station()
    station.report_fault("C1", "x")
    station.report_fault("C2", "y")
    assert status_line(station) == "Harbour: 1 bike (1 e-bike), 1 free docks"
    assert rebalance_suggestions([station])["deliver_to"] == ["Harbour"]


# --- behaviour that already works and must keep working --------------------

def test_release_order_without_faults():
    station = make_station()
    assert [station.release().bike_id for _ in range(3)] == ["C1", "C2", "E2"]
    with pytest.raises(NoBikeAvailable, match="no bike available at Harbour"):
        station.release()


def test_docking_and_full_station():
    station = make_station()
    station.dock(Bike("C3"))
    assert station.free_docks == 0
    with pytest.raises(StationFull):
        station.dock(Bike("C4"))
    with pytest.raises(ValueError):
        make_station().dock(Bike("C1"))


def test_rental_round_trip():
    harbour = make_station()
    park = DockingStation("Park", 3)
    service = RentalService([harbour, park])
    rental = service.start("casual-4", "Harbour", "classic", T0)
    assert rental.bike.bike_id == "C1"
    assert service.end(rental.rental_id, "Park", T0 + timedelta(minutes=12)) == Decimal("2.20")
    assert park.bike_ids() == ["C1"] and park.available() == 1
    assert status_line(harbour) == "Harbour: 2 bikes (1 e-bike), 2 free docks"
