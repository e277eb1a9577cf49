"""Daily tide summaries for the school's noticeboard."""
from __future__ import annotations

from datetime import date
from typing import Sequence

from .tides import TideEvent

SPRINGS_RANGE_M = 4.5


def day_events(events: Sequence[TideEvent], day: date) -> list[TideEvent]:
    return [e for e in events if e.when.date() == day]


def day_summary(events: Sequence[TideEvent], day: date) -> str:
    """``Sun 10 Mar: LW 04:12 0.9 m, HW 10:25 5.1 m, ...`` plus springs/neaps."""
    todays = day_events(events, day)
    if not todays:
        return f"{day:%a %d %b}: no tides listed"
    parts = [f"{e.kind} {e.when:%H:%M} {e.height_m:.1f} m" for e in todays]
    highs = [e.height_m for e in todays if e.kind == "HW"]
    lows = [e.height_m for e in todays if e.kind == "LW"]
    tag = ""
    if highs and lows:
        tag = " (springs)" if max(highs) - min(lows) >= SPRINGS_RANGE_M else " (neaps)"
    return f"{day:%a %d %b}: " + ", ".join(parts) + tag
