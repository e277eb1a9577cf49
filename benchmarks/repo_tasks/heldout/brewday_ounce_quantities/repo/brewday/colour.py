"""Beer colour estimates (Morey) in SRM and EBC."""
from __future__ import annotations

from typing import Iterable

from .units import grams_to_lb, litres_to_gal

DESCRIPTIONS = ((3, "straw"), (6, "gold"), (10, "amber"), (17, "copper"), (25, "brown"), (35, "dark brown"))


def mcu(grain: Iterable[tuple[float, float]], volume_l: float) -> float:
    """Malt colour units from (grams, degrees Lovibond) pairs."""
    gallons = litres_to_gal(volume_l)
    return sum(grams_to_lb(g) * lovibond for g, lovibond in grain) / gallons


def srm(grain: Iterable[tuple[float, float]], volume_l: float) -> float:
    return round(1.4922 * mcu(grain, volume_l) ** 0.6859, 1)


def srm_to_ebc(value: float) -> float:
    return round(value * 1.97, 1)


def describe(value: float) -> str:
    for limit, words in DESCRIPTIONS:
        if value < limit:
            return words
    return "black"
