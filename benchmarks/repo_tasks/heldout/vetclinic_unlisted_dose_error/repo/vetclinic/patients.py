"""Patients and their owners."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

SPECIES = ("dog", "cat", "rabbit", "ferret", "guinea pig")


@dataclass
class Pet:
    name: str
    species: str
    birth_date: date
    weight_kg: float
    owner: str

    def __post_init__(self) -> None:
        self.species = self.species.strip().lower()
        if self.species not in SPECIES:
            raise ValueError(f"we do not treat {self.species!r}")
        if self.weight_kg <= 0:
            raise ValueError("weight must be positive")

    def age_years(self, today: date) -> int:
        years = today.year - self.birth_date.year
        if (today.month, today.day) < (self.birth_date.month, self.birth_date.day):
            years -= 1
        return max(0, years)

    def weigh(self, weight_kg: float) -> None:
        """Record a new weight from the scales."""
        if weight_kg <= 0:
            raise ValueError("weight must be positive")
        self.weight_kg = weight_kg
