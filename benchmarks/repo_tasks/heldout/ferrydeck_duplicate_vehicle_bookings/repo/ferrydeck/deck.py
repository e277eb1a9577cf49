"""Lanes on the vehicle deck and how vehicles are placed in them."""
from __future__ import annotations

from dataclasses import dataclass, field

from .vehicles import Vehicle


class DeckFullError(Exception):
    """No lane has room (or headroom) for the vehicle."""


@dataclass
class Lane:
    number: int
    length_m: float
    max_height_m: float
    vehicles: list[Vehicle] = field(default_factory=list)

    @property
    def used_m(self) -> float:
        return round(sum(v.deck_length for v in self.vehicles), 2)

    @property
    def free_m(self) -> float:
        return round(self.length_m - self.used_m, 2)

    def can_take(self, vehicle: Vehicle) -> bool:
        return vehicle.height_m <= self.max_height_m and vehicle.deck_length <= self.free_m


class Deck:
    """The lanes of one sailing, filled in lane order."""

    def __init__(self, lanes: list[Lane]) -> None:
        if not lanes:
            raise ValueError("a deck needs at least one lane")
        self.lanes = sorted(lanes, key=lambda lane: lane.number)

    def place(self, vehicle: Vehicle) -> int:
        """Put the vehicle in the first lane that can take it; return the lane number."""
        for lane in self.lanes:
            if lane.can_take(vehicle):
                lane.vehicles.append(vehicle)
                return lane.number
        raise DeckFullError(f"no lane can take {vehicle.registration} ({vehicle.length_m} m)")

    def remove(self, registration: str) -> None:
        for lane in self.lanes:
            for vehicle in lane.vehicles:
                if vehicle.registration == registration:
                    lane.vehicles.remove(vehicle)
                    return
        raise KeyError(registration)

    @property
    def free_m(self) -> float:
        return round(sum(lane.free_m for lane in self.lanes), 2)
