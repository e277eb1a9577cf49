"""Gauge (tension) arithmetic."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Gauge:
    """Stitches and rows in a 10 cm square of the knitted fabric."""

    stitches_per_10cm: float
    rows_per_10cm: float

    def __post_init__(self) -> None:
        if self.stitches_per_10cm <= 0 or self.rows_per_10cm <= 0:
            raise ValueError("gauge must be positive")

    def cast_on_for(self, width_cm: float, multiple: int = 1, plus: int = 0) -> int:
        """Stitches for ``width_cm``, rounded to the nearest ``multiple`` (+ ``plus`` edge stitches)."""
        raw = width_cm * self.stitches_per_10cm / 10
        repeats = max(1, round((raw - plus) / multiple))
        return repeats * multiple + plus

    def rows_for(self, length_cm: float) -> int:
        return round(length_cm * self.rows_per_10cm / 10)

    def width_cm(self, stitches: int) -> float:
        return round(stitches * 10 / self.stitches_per_10cm, 1)

    def length_cm(self, rows: int) -> float:
        return round(rows * 10 / self.rows_per_10cm, 1)
