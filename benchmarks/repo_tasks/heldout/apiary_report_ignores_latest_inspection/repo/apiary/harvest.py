"""Rough honey harvest estimates from frame counts."""
from __future__ import annotations

from typing import Iterable

from .hive import Inspection

# A capped deep frame yields roughly this much extractable honey.
KG_PER_FRAME = 2.3
# Frames of stores left on each hive for the bees themselves.
FRAMES_LEFT_FOR_BEES = 2


def harvestable_frames(inspection: Inspection) -> int:
    """Honey frames that can be taken without leaving the colony short."""
    return max(0, inspection.honey_frames - FRAMES_LEFT_FOR_BEES)


def estimate_kg(inspection: Inspection) -> float:
    """Estimated harvest in kilograms for one hive, to one decimal."""
    return round(harvestable_frames(inspection) * KG_PER_FRAME, 1)


def yard_total_kg(inspections: Iterable[Inspection]) -> float:
    """Sum of the estimates for a group of inspections."""
    return round(sum(estimate_kg(i) for i in inspections), 1)
