"""Summary statistics over a logbook."""
from __future__ import annotations

from collections import Counter

from .logbook import Logbook


def grade_pyramid(logbook: Logbook, discipline: str) -> list[tuple[str, int]]:
    """(grade, number of distinct routes ticked) from hardest to easiest."""
    routes = {a.route for a in logbook.ticks() if a.route.discipline == discipline}
    counts = Counter(r.grade for r in routes)
    by_difficulty = {r.grade: r.difficulty for r in routes}
    return sorted(counts.items(), key=lambda item: by_difficulty[item[0]], reverse=True)


def metres_climbed(logbook: Logbook) -> float:
    return round(sum(a.route.height_m for a in logbook.ticks()), 1)


def onsight_ratio(logbook: Logbook) -> float:
    """Share of first ticks of a route that were onsights or flashes."""
    first_ticks = {}
    for ascent in logbook.ticks():
        first_ticks.setdefault(ascent.route, ascent)
    if not first_ticks:
        return 0.0
    clean = sum(1 for a in first_ticks.values() if a.style in ("onsight", "flash"))
    return round(clean / len(first_ticks), 2)
