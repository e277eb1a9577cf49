"""Even split tables: where you should be at each kilometre."""
from __future__ import annotations

import math

from .distances import distance_name, parse_distance
from .pace import pace_label, pace_per_km
from .timefmt import format_duration


def even_splits(distance_km: float, target_seconds: float) -> list[tuple[float, float]]:
    """(kilometre mark, elapsed seconds) at each whole km and at the finish."""
    pace = pace_per_km(distance_km, target_seconds)
    marks = [float(k) for k in range(1, math.ceil(distance_km))]
    marks.append(distance_km)
    return [(mark, mark * pace) for mark in marks]


def split_table(race: str, target_seconds: float, every_km: int = 1) -> str:
    """Printable table for a race, e.g. ``split_table("10K", 2970)``.

    Every *every_km*-th kilometre is listed, plus the finish.
    """
    distance = parse_distance(race)
    pace = pace_per_km(distance, target_seconds)
    lines = [f"{distance_name(distance)} in {format_duration(target_seconds)} "
             f"({pace_label(pace)})"]
    for mark, elapsed in even_splits(distance, target_seconds):
        if mark != distance and int(mark) % every_km:
            continue
        label = "Finish" if mark == distance else f"{mark:g} km"
        lines.append(f"{label:>8}  {format_duration(elapsed):>8}")
    return "\n".join(lines)
