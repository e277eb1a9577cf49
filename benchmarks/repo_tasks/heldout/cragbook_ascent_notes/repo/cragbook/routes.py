"""Routes and boulder problems."""
from __future__ import annotations

from dataclasses import dataclass

from .grades import grade_index, normalise

DISCIPLINES = ("sport", "trad", "boulder")


@dataclass(frozen=True)
class Route:
    name: str
    crag: str
    grade: str
    discipline: str = "sport"
    height_m: float = 0.0

    def __post_init__(self) -> None:
        if self.discipline not in DISCIPLINES:
            raise ValueError(f"unknown discipline: {self.discipline!r}")
        object.__setattr__(self, "grade", normalise(self.grade, self.scale))
        grade_index(self.grade, self.scale)

    @property
    def scale(self) -> str:
        return "font" if self.discipline == "boulder" else "french"

    @property
    def difficulty(self) -> int:
        return grade_index(self.grade, self.scale)
