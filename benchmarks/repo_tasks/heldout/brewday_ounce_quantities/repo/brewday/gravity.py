"""Specific gravity, Plato and alcohol."""
from __future__ import annotations


def points(sg: float) -> float:
    """Gravity points: 1.050 -> 50."""
    return round((sg - 1.0) * 1000, 3)


def abv(og: float, fg: float) -> float:
    """Alcohol by volume (percent) using the standard 131.25 factor."""
    if fg > og:
        raise ValueError("final gravity cannot be above original gravity")
    return round((og - fg) * 131.25, 2)


def apparent_attenuation(og: float, fg: float) -> float:
    """Fraction of the gravity points the yeast consumed (0-1)."""
    if og <= 1.0:
        raise ValueError("original gravity must be above 1.000")
    return round((og - fg) / (og - 1.0), 3)


def sg_to_plato(sg: float) -> float:
    return round(-616.868 + 1111.14 * sg - 630.272 * sg ** 2 + 135.997 * sg ** 3, 1)


def plato_to_sg(plato: float) -> float:
    return round(1 + plato / (258.6 - (plato / 258.2) * 227.1), 3)
