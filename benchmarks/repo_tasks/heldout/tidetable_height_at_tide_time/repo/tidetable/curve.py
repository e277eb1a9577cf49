"""Height of tide between high and low water.

Between two consecutive events the water is assumed to follow half a cosine
wave, which is close enough to the rule of twelfths for small-boat work.
"""
from __future__ import annotations

import math
from datetime import datetime
from typing import Sequence

from .tides import TideEvent


def _bracket(events: Sequence[TideEvent], when: datetime) -> tuple[TideEvent, TideEvent]:
    for before, after in zip(events, events[1:]):
        if before.when < when < after.when:
            return before, after
    raise ValueError(f"{when:%Y-%m-%d %H:%M} is outside the tide table")


def height_at(events: Sequence[TideEvent], when: datetime) -> float:
    """Estimated height of tide above chart datum at ``when``, in metres."""
    before, after = _bracket(events, when)
    span = (after.when - before.when).total_seconds()
    fraction = (when - before.when).total_seconds() / span
    rise = after.height_m - before.height_m
    height = before.height_m + rise * (1 - math.cos(math.pi * fraction)) / 2
    return round(height, 2)


def rate_of_change(events: Sequence[TideEvent], when: datetime) -> float:
    """Metres per hour the tide is rising (positive) or falling (negative)."""
    before, after = _bracket(events, when)
    span_h = (after.when - before.when).total_seconds() / 3600
    fraction = (when - before.when).total_seconds() / 3600 / span_h
    rise = after.height_m - before.height_m
    return round(rise * math.pi * math.sin(math.pi * fraction) / (2 * span_h), 2)
