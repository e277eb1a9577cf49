"""Varroa mite load estimates from alcohol-wash samples.

Loads are expressed as mites per 100 bees, the figure most treatment
guidance is written in.
"""
from __future__ import annotations

from .hive import Inspection

# Mites per 100 bees above which a colony should be treated, by season.
SPRING_THRESHOLD = 2.0
SUMMER_THRESHOLD = 3.0
AUTUMN_THRESHOLD = 2.0
WINTER_THRESHOLD = 1.0


def mite_load(mites_counted: int, bees_sampled: int = 300) -> float:
    """Return the estimated number of mites per 100 bees, to one decimal."""
    if bees_sampled <= 0:
        raise ValueError("bees_sampled must be positive")
    if mites_counted < 0:
        raise ValueError("mites_counted cannot be negative")
    return round(100 * mites_counted / bees_sampled, 1)


def threshold_for(month: int) -> float:
    """Treatment threshold that applies in the given month (1-12)."""
    if not 1 <= month <= 12:
        raise ValueError(f"invalid month: {month}")
    if month in (3, 4, 5):
        return SPRING_THRESHOLD
    if month in (6, 7, 8):
        return SUMMER_THRESHOLD
    if month in (9, 10, 11):
        return AUTUMN_THRESHOLD
    return WINTER_THRESHOLD


def needs_treatment(inspection: Inspection) -> bool:
    """True when the inspection's wash result is at or above the threshold."""
    load = mite_load(inspection.mites_counted, inspection.bees_sampled)
    return load >= threshold_for(inspection.inspected_on.month)


def severity(load: float) -> str:
    """Describe a mite load in words for reports."""
    if load < 1.0:
        return "low"
    if load < 3.0:
        return "moderate"
    return "high"
