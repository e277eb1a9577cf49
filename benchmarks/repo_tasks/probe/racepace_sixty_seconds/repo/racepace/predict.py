"""Predicting race times from a recent result (Riegel's formula)."""
from __future__ import annotations

from .distances import NAMED, distance_name, parse_distance
from .timefmt import format_duration

# T2 = T1 * (D2 / D1) ** FATIGUE
FATIGUE = 1.06

STANDARD_RACES = ("5K", "10K", "half", "marathon")


def predict(from_km: float, from_seconds: float, to_km: float) -> float:
    """Predicted seconds for *to_km* after running *from_km* in *from_seconds*."""
    if from_km <= 0 or to_km <= 0:
        raise ValueError("distances must be positive")
    return from_seconds * (to_km / from_km) ** FATIGUE


def prediction_table(race: str, result: float) -> list[str]:
    """Predicted times for the standard races, e.g. ``"Marathon  3:29:58"``.

    The race the result came from is left out.
    """
    known = parse_distance(race)
    lines = []
    for name in STANDARD_RACES:
        km = NAMED[name.lower()]
        if km == known:
            continue
        lines.append(f"{distance_name(km):<14}{format_duration(predict(known, result, km)):>8}")
    return lines
