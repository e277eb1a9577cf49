"""Taking bikes out and bringing them back."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Optional

from .bikes import Bike
from .pricing import ride_cost, ride_minutes
from .station import DockingStation


@dataclass
class Rental:
    rental_id: int
    rider: str
    bike: Bike
    from_station: str
    started: datetime
    ended: Optional[datetime] = None
    to_station: Optional[str] = None
    cost: Optional[Decimal] = None


class RentalService:
    def __init__(self, stations: list[DockingStation]) -> None:
        self.stations = {s.name: s for s in stations}
        self._rentals: dict[int, Rental] = {}
        self._next_id = 1

    def start(self, rider: str, station: str, kind: Optional[str], at: datetime) -> Rental:
        """Release a bike to *rider*; riders whose id starts 'member-' are members."""
        bike = self.stations[station].release(kind)
        rental = Rental(self._next_id, rider, bike, station, at)
        self._rentals[rental.rental_id] = rental
        self._next_id += 1
        return rental

    def end(self, rental_id: int, station: str, at: datetime) -> Decimal:
        """Dock the bike at *station* and return the cost of the ride."""
        rental = self._rentals[rental_id]
        if rental.ended is not None:
            raise ValueError(f"rental {rental_id} has already ended")
        minutes = ride_minutes((at - rental.started).total_seconds())
        self.stations[station].dock(rental.bike)
        rental.bike.use_battery(minutes)
        rental.ended, rental.to_station = at, station
        rental.cost = ride_cost(rental.bike.kind, minutes, rental.rider.startswith("member-"))
        return rental.cost

    def open_rentals(self) -> list[Rental]:
        return [r for r in self._rentals.values() if r.ended is None]
