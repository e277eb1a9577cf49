"""Hop bitterness using Tinseth's formula."""
from __future__ import annotations

import math


def utilisation(minutes: float, boil_gravity: float) -> float:
    """Fraction of alpha acids isomerised after ``minutes`` of boiling."""
    if minutes < 0:
        raise ValueError("boil time cannot be negative")
    bigness = 1.65 * 0.000125 ** (boil_gravity - 1.0)
    time_factor = (1 - math.exp(-0.04 * minutes)) / 4.15
    return bigness * time_factor


def tinseth_ibu(alpha_pct: float, grams: float, minutes: float, volume_l: float, boil_gravity: float = 1.050) -> float:
    """IBUs contributed by one hop addition."""
    if volume_l <= 0:
        raise ValueError("volume must be positive")
    mg_alpha_per_litre = alpha_pct / 100 * grams * 1000 / volume_l
    return round(utilisation(minutes, boil_gravity) * mg_alpha_per_litre, 1)
