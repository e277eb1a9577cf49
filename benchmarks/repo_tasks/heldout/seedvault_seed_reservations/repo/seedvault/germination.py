"""Germination tests and viability."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Iterable, Optional

REGENERATE_BELOW = 0.85


@dataclass(frozen=True)
class GerminationTest:
    code: str
    tested_on: date
    sown: int
    germinated: int

    def __post_init__(self) -> None:
        if self.sown <= 0:
            raise ValueError("a test needs at least one seed")
        if not 0 <= self.germinated <= self.sown:
            raise ValueError("germinated must be between 0 and the number sown")

    @property
    def rate(self) -> float:
        return round(self.germinated / self.sown, 3)


def latest_test(tests: Iterable[GerminationTest], code: str) -> Optional[GerminationTest]:
    candidates = [t for t in tests if t.code == code]
    return max(candidates, key=lambda t: t.tested_on) if candidates else None


def needs_regeneration(tests: Iterable[GerminationTest], code: str) -> bool:
    """Grow out again when the latest test falls below the threshold (or none exists)."""
    latest = latest_test(tests, code)
    return latest is None or latest.rate < REGENERATE_BELOW


def viable_seeds(grams: float, seeds_per_gram: float, rate: float) -> int:
    """Expected number of seeds that will come up from ``grams`` of stock."""
    return int(grams * seeds_per_gram * rate)
