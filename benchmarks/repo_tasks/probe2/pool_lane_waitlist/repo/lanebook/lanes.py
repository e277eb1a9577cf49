"""The lanes a session is split into."""
from __future__ import annotations

from dataclasses import dataclass

from .speeds import SPEEDS, normalise_speed


@dataclass(frozen=True)
class Lane:
    number: int
    speed: str
    places: int

    def __post_init__(self) -> None:
        if self.speed not in SPEEDS:
            raise ValueError(f"unknown lane speed {self.speed!r}")
        if self.places < 1:
            raise ValueError("a lane needs at least one place")


def standard_lanes(places: int = 6) -> list[Lane]:
    """The usual six-lane layout: 1-2 slow, 3-4 medium, 5-6 fast."""
    return [Lane(n, SPEEDS[(n - 1) // 2], places) for n in range(1, 7)]


def parse_layout(text: str, places: int) -> list[Lane]:
    """'slow, medium, medium, fast' -> lanes numbered from 1."""
    speeds = [normalise_speed(part) for part in text.split(",") if part.strip()]
    if not speeds:
        raise ValueError("a layout needs at least one lane")
    return [Lane(n, speed, places) for n, speed in enumerate(speeds, start=1)]
