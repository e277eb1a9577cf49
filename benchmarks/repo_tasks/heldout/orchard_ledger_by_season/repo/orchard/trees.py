"""Trees in the orchard."""
from __future__ import annotations

from dataclasses import dataclass

# Years after planting before a tree is expected to crop.
YEARS_TO_BEARING = {"M9": 2, "M26": 3, "MM106": 4, "Quince A": 3}


@dataclass(frozen=True)
class Tree:
    tree_id: str
    row: int
    position: int
    cultivar: str
    planted_year: int
    rootstock: str = "MM106"

    def __post_init__(self) -> None:
        if self.row < 1 or self.position < 1:
            raise ValueError("rows and positions are numbered from 1")
        if self.rootstock not in YEARS_TO_BEARING:
            raise ValueError(f"unknown rootstock: {self.rootstock!r}")

    def age(self, year: int) -> int:
        return max(0, year - self.planted_year)

    def bearing(self, year: int) -> bool:
        """Whether the tree should be cropping in ``year``."""
        return self.age(year) >= YEARS_TO_BEARING[self.rootstock]
