"""Courses: an ordered list of control codes."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Course:
    name: str
    controls: list[int]
    length_km: float = 0.0
    climb_m: int = 0

    def __post_init__(self) -> None:
        if not self.controls:
            raise ValueError("a course needs at least one control")
        for code in self.controls:
            if not 31 <= code <= 255:
                raise ValueError(f"control codes run from 31 to 255, got {code}")

    def legs(self) -> list[tuple[str, str]]:
        """Leg names from start to finish: ("S", "31"), ("31", "45"), ..., ("52", "F")."""
        points = ["S"] + [str(c) for c in self.controls] + ["F"]
        return list(zip(points, points[1:]))

    @property
    def technical_difficulty(self) -> str:
        """Rough guide shown on entry forms, from controls per kilometre."""
        if self.length_km <= 0:
            return "unknown"
        density = len(self.controls) / self.length_km
        if density >= 6:
            return "technical"
        if density >= 3.5:
            return "moderate"
        return "easy"
