from datetime import datetime, timedelta
from decimal import Decimal

from cyclehire.bikes import Bike
from cyclehire.network import network_status, rebalance_suggestions
from cyclehire.pricing import ride_cost, ride_minutes
from cyclehire.rentals import RentalService
from cyclehire.station import DockingStation

T0 = datetime(2024, 6, 1, 9, 0)


def make_service():
    harbour = DockingStation("Harbour", 4)
    harbour.dock(Bike("C1"))
    harbour.dock(Bike("E1", "ebike", battery_pct=90))
    park = DockingStation("Park", 2)
    return RentalService([harbour, park])


def test_pricing():
    assert ride_minutes(61) == 2
    assert ride_cost("classic", 45, member=True) == Decimal("1.50")
    assert ride_cost("classic", 10, member=False) == Decimal("2.00")
    assert ride_cost("ebike", 10, member=True) == Decimal("3.50")


def test_rent_and_return():
    service = make_service()
    rental = service.start("member-17", "Harbour", "ebike", T0)
    cost = service.end(rental.rental_id, "Park", T0 + timedelta(minutes=20))
    assert cost == Decimal("6.00")
    assert rental.bike.battery_pct == 80
    assert service.stations["Park"].bike_ids() == ["E1"]
    assert service.open_rentals() == []


def test_network_status():
    service = make_service()
    assert network_status(list(service.stations.values())).splitlines() == [
        "Harbour: 2 bikes (1 e-bike), 2 free docks",
        "Park: 0 bikes (0 e-bikes), 2 free docks",
    ]
    assert rebalance_suggestions(list(service.stations.values())) == {
        "deliver_to": ["Park"], "collect_from": [],
    }
