"""What is in the cellar, and where."""
from __future__ import annotations

from dataclasses import dataclass

from .racks import Rack
from .wines import Wine


class SlotTaken(Exception):
    """The slot already holds a different wine."""


@dataclass
class Holding:
    wine: Wine
    bottles: int


class Cellar:
    def __init__(self, racks: list[Rack]) -> None:
        self.racks = {rack.name: rack for rack in racks}
        self._slots: dict[tuple[str, tuple[int, int]], Holding] = {}

    def _key(self, rack: str, slot: str) -> tuple[str, tuple[int, int]]:
        try:
            the_rack = self.racks[rack]
        except KeyError:
            raise KeyError(f"no rack called {rack!r}") from None
        return rack, the_rack.position(slot)

    def holding(self, rack: str, slot: str):
        """The Holding in a slot, or None if it is empty."""
        return self._slots.get(self._key(rack, slot))

    def store(self, wine: Wine, rack: str, slot: str, bottles: int) -> None:
        """Put *bottles* of *wine* in a slot (adding to the same wine already there)."""
        if bottles < 1:
            raise ValueError("store at least one bottle")
        key = self._key(rack, slot)
        current = self._slots.get(key)
        if current is None:
            self._slots[key] = Holding(wine, bottles)
        elif current.wine == wine:
            current.bottles += bottles
        else:
            raise SlotTaken(f"{slot.upper()} in {rack} already holds {current.wine.label}")

    def take(self, rack: str, slot: str, bottles: int = 1) -> Wine:
        """Take bottles out (to drink or give away); returns the wine."""
        key = self._key(rack, slot)
        current = self._slots.get(key)
        if current is None:
            raise ValueError(f"{slot.upper()} in {rack} is empty")
        if bottles > current.bottles:
            raise ValueError(f"only {current.bottles} left in {slot.upper()}")
        current.bottles -= bottles
        if current.bottles == 0:
            del self._slots[key]
        return current.wine

    def move(self, rack: str, slot: str, to_rack: str, to_slot: str) -> None:
        """Move everything in one slot to another (empty or same-wine) slot."""
        key = self._key(rack, slot)
        if key not in self._slots:
            raise ValueError(f"{slot.upper()} in {rack} is empty")
        holding = self._slots[key]
        self.store(holding.wine, to_rack, to_slot, holding.bottles)
        del self._slots[key]

    def contents(self) -> list[tuple[str, str, Holding]]:
        """(rack, slot, holding) for every occupied slot, rack by rack."""
        rows = []
        for (rack, (r, c)), holding in self._slots.items():
            rows.append((rack, self.racks[rack].label(r, c), holding))
        return sorted(rows, key=lambda x: (x[0], self.racks[x[0]].position(x[1])))
