"""The physical lockers in a bank and what is in them."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional


@dataclass
class Locker:
    number: int
    size: str
    parcel_id: Optional[str] = None
    out_of_service: bool = False

    @property
    def is_free(self) -> bool:
        return self.parcel_id is None and not self.out_of_service


class LockerBank:
    """All the lockers at one site, numbered from 1."""

    def __init__(self, site: str, lockers: list[Locker]) -> None:
        numbers = [locker.number for locker in lockers]
        if len(set(numbers)) != len(numbers):
            raise ValueError("locker numbers must be unique")
        self.site = site
        self._lockers = {locker.number: locker for locker in sorted(lockers, key=lambda l: l.number)}

    @classmethod
    def with_layout(cls, site: str, layout: dict[str, int]) -> "LockerBank":
        """Number the lockers 1, 2, ... size by size in the order given."""
        lockers = []
        for size, count in layout.items():
            for _ in range(count):
                lockers.append(Locker(len(lockers) + 1, size))
        return cls(site, lockers)

    def locker(self, number: int) -> Locker:
        try:
            return self._lockers[number]
        except KeyError:
            raise KeyError(f"no locker {number} at {self.site}") from None

    def free(self, size: str) -> list[Locker]:
        """Free lockers of *size*, lowest number first."""
        return [l for l in self._lockers.values() if l.size == size and l.is_free]

    def occupy(self, number: int, parcel_id: str) -> None:
        locker = self.locker(number)
        if not locker.is_free:
            raise ValueError(f"locker {number} at {self.site} is not free")
        locker.parcel_id = parcel_id

    def empty(self, number: int) -> str:
        """Open the locker and take the parcel out; returns its id."""
        locker = self.locker(number)
        if locker.parcel_id is None:
            raise ValueError(f"locker {number} at {self.site} is already empty")
        parcel_id, locker.parcel_id = locker.parcel_id, None
        return parcel_id

    def find_parcel(self, parcel_id: str) -> Optional[int]:
        for locker in self._lockers.values():
            if locker.parcel_id == parcel_id:
                return locker.number
        return None
