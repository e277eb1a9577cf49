"""Yarn weights and quantities."""
from __future__ import annotations

import math

# Typical metres per 100 g for each standard yarn weight.
METRES_PER_100G = {
    "lace": 800,
    "fingering": 400,
    "sport": 300,
    "dk": 225,
    "worsted": 190,
    "aran": 170,
    "chunky": 110,
}
# Rough metres of yarn per stitch, by weight, including the rows.
METRES_PER_STITCH = {
    "lace": 0.012,
    "fingering": 0.018,
    "sport": 0.022,
    "dk": 0.026,
    "worsted": 0.031,
    "aran": 0.034,
    "chunky": 0.045,
}


def metres_needed(stitch_count: int, weight: str, spare: float = 0.1) -> float:
    """Yarn for ``stitch_count`` stitches, with a safety margin."""
    if weight not in METRES_PER_STITCH:
        raise ValueError(f"unknown yarn weight {weight!r}")
    return round(stitch_count * METRES_PER_STITCH[weight] * (1 + spare), 1)


def balls_needed(metres: float, ball_metres: float) -> int:
    if ball_metres <= 0:
        raise ValueError("ball length must be positive")
    return math.ceil(metres / ball_metres)


def grams_for(metres: float, weight: str) -> float:
    return round(metres / METRES_PER_100G[weight] * 100, 1)
