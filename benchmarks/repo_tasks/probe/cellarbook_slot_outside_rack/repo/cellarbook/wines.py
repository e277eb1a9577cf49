"""Wines and their drinking windows."""
from __future__ import annotations

from dataclasses import dataclass

COLOURS = ("red", "white", "rose", "sparkling", "sweet", "fortified")


@dataclass(frozen=True)
class Wine:
    producer: str
    name: str
    vintage: int          # 0 for non-vintage wines
    colour: str
    drink_from: int
    drink_until: int

    def __post_init__(self) -> None:
        if self.colour not in COLOURS:
            raise ValueError(f"unknown colour {self.colour!r}")
        if self.drink_until < self.drink_from:
            raise ValueError("drinking window ends before it starts")

    @property
    def label(self) -> str:
        """e.g. ``2019 Barolo Castiglione (Vietti)``; ``NV`` for non-vintage."""
        year = str(self.vintage) if self.vintage else "NV"
        return f"{year} {self.name} ({self.producer})"

    def status(self, year: int) -> str:
        """``"too young"``, ``"ready"`` or ``"past its best"`` in *year*."""
        if year < self.drink_from:
            return "too young"
        if year > self.drink_until:
            return "past its best"
        return "ready"
