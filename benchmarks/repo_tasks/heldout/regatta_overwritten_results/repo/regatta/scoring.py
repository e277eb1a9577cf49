"""Low-point scoring."""
from __future__ import annotations

from .race import Race


def race_points(race: Race) -> dict[str, float]:
    """Points for every boat in the fleet for one race.

    Finishers score their place; boats with equal corrected times share the
    average of the places they cover. Boats with a code, and boats that did
    not come to the start at all, score the number of entries plus one.
    """
    points: dict[str, float] = {}
    results = race.results()
    i = 0
    while i < len(results):
        j = i
        while j + 1 < len(results) and results[j + 1][1] == results[i][1]:
            j += 1
        shared = (i + 1 + j + 1) / 2
        for k in range(i, j + 1):
            points[results[k][0]] = shared
        i = j + 1
    penalty = float(len(race.fleet) + 1)
    for sail in race.fleet.sail_numbers():
        points.setdefault(sail, penalty)
    return points
