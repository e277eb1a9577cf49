"""Hive and inspection records."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

TEMPERAMENTS = ("calm", "nervous", "defensive")


@dataclass
class Hive:
    """A single colony kept in one of the apiary's yards."""

    hive_id: str
    yard: str
    queen_year: int
    boxes: int = 1

    def queen_age(self, today: date) -> int:
        """Age of the queen in seasons, counting the year she was raised as 0."""
        return max(0, today.year - self.queen_year)

    def needs_requeening(self, today: date) -> bool:
        """Queens older than two seasons are replaced as a matter of routine."""
        return self.queen_age(today) > 2


@dataclass
class Inspection:
    """What the beekeeper saw when opening a hive."""

    hive_id: str
    inspected_on: date
    brood_frames: int
    honey_frames: int
    mites_counted: int = 0
    bees_sampled: int = 300
    temperament: str = "calm"
    queen_seen: bool = False
    notes: str = ""

    def __post_init__(self) -> None:
        if self.temperament not in TEMPERAMENTS:
            raise ValueError(f"unknown temperament: {self.temperament!r}")
        if self.brood_frames < 0 or self.honey_frames < 0:
            raise ValueError("frame counts cannot be negative")
        if self.bees_sampled <= 0:
            raise ValueError("bees_sampled must be positive")

    @property
    def frames_covered(self) -> int:
        """Total frames with brood or stores."""
        return self.brood_frames + self.honey_frames
