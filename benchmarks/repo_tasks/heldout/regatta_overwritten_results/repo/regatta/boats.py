"""Boats entered in the club's racing, with their handicaps."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Optional

# Portsmouth Yardstick numbers for the classes sailed at the club.
PY_NUMBERS = {
    "Laser": 1100,
    "ILCA 6": 1148,
    "Topper": 1365,
    "Wayfarer": 1102,
    "GP14": 1130,
    "RS200": 1047,
    "Enterprise": 1122,
}


@dataclass(frozen=True)
class Boat:
    sail_number: str
    helm: str
    class_name: str
    py: Optional[int] = None

    def __post_init__(self) -> None:
        if self.py is None:
            if self.class_name not in PY_NUMBERS:
                raise ValueError(f"no handicap known for class {self.class_name!r}")
            object.__setattr__(self, "py", PY_NUMBERS[self.class_name])
        if self.py <= 0:
            raise ValueError("handicap must be positive")


class Fleet:
    def __init__(self, boats: Iterable[Boat]) -> None:
        self._boats: dict[str, Boat] = {}
        for boat in boats:
            if boat.sail_number in self._boats:
                raise ValueError(f"sail number {boat.sail_number} entered twice")
            self._boats[boat.sail_number] = boat

    def __getitem__(self, sail_number: str) -> Boat:
        try:
            return self._boats[sail_number]
        except KeyError:
            raise KeyError(f"no boat with sail number {sail_number}") from None

    def __len__(self) -> int:
        return len(self._boats)

    def sail_numbers(self) -> list[str]:
        return sorted(self._boats)
