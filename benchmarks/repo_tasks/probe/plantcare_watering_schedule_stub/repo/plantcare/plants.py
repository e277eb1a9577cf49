"""Plants and what their species needs."""
from __future__ import annotations

from dataclasses import dataclass

LOCATIONS = ("indoor", "balcony")


@dataclass(frozen=True)
class SpeciesInfo:
    interval_days: int   # days between waterings in spring, indoors
    thirst: float        # share of the pot's volume to give at each watering


SPECIES = {
    "basil": SpeciesInfo(2, 0.25),
    "fern": SpeciesInfo(3, 0.2),
    "monstera": SpeciesInfo(7, 0.2),
    "orchid": SpeciesInfo(10, 0.1),
    "snake plant": SpeciesInfo(12, 0.08),
    "cactus": SpeciesInfo(14, 0.05),
}


def species_info(species: str) -> SpeciesInfo:
    """Care data for a species; names are matched case-insensitively."""
    try:
        return SPECIES[species.strip().lower()]
    except KeyError:
        raise KeyError(f"unknown species {species!r}") from None


@dataclass(frozen=True)
class Plant:
    name: str
    species: str
    pot_litres: float
    location: str = "indoor"

    def __post_init__(self) -> None:
        species_info(self.species)
        if self.location not in LOCATIONS:
            raise ValueError(f"location must be one of {', '.join(LOCATIONS)}")
        if self.pot_litres <= 0:
            raise ValueError("pot size must be positive")

    @property
    def info(self) -> SpeciesInfo:
        return species_info(self.species)
