"""Docking stations."""
from __future__ import annotations

from typing import Optional

from .bikes import Bike


class StationFull(Exception):
    """Every dock at the station is taken."""


class NoBikeAvailable(Exception):
    """No bike of the requested kind can be released."""


class DockingStation:
    """A row of docks; bikes are released in the order they were docked."""

    def __init__(self, name: str, capacity: int) -> None:
        if capacity < 1:
            raise ValueError("a station needs at least one dock")
        self.name = name
        self.capacity = capacity
        self._docked: list[Bike] = []

    def __contains__(self, bike_id: str) -> bool:
        return any(b.bike_id == bike_id for b in self._docked)

    def __repr__(self) -> str:
        return f"DockingStation({self.name!r}, {len(self._docked)}/{self.capacity})"

    @property
    def free_docks(self) -> int:
        return self.capacity - len(self._docked)

    def bike_ids(self) -> list[str]:
        """Ids of every bike in the docks, in docking order."""
        return [b.bike_id for b in self._docked]

    def dock(self, bike: Bike) -> None:
        """Lock a returned (or delivered) bike into a free dock."""
        if bike.bike_id in self:
            raise ValueError(f"{bike.bike_id} is already docked at {self.name}")
        if self.free_docks == 0:
            raise StationFull(self.name)
        self._docked.append(bike)

    def _rentable(self, kind: Optional[str]) -> list[Bike]:
        return [b for b in self._docked
                if (kind is None or b.kind == kind) and b.ready_to_ride()]

    def available(self, kind: Optional[str] = None) -> int:
        """How many bikes (of *kind*, if given) a rider could take right now."""
        return len(self._rentable(kind))

    def release(self, kind: Optional[str] = None) -> Bike:
        """Unlock the longest-docked bike of *kind* that is ready to ride."""
        candidates = self._rentable(kind)
        if not candidates:
            wanted = kind or "bike"
            raise NoBikeAvailable(f"no {wanted} available at {self.name}")
        bike = candidates[0]
        self._docked.remove(bike)
        return bike

    def remove(self, bike_id: str) -> Bike:
        """Take a bike away in the van (rebalancing or repairs)."""
        for bike in self._docked:
            if bike.bike_id == bike_id:
                self._docked.remove(bike)
                return bike
        raise KeyError(f"{bike_id} is not docked at {self.name}")
