"""When is there enough water to get over the sill?"""
from __future__ import annotations

from datetime import datetime, timedelta
from typing import Sequence

from .curve import height_at
from .tides import TideEvent


def access_windows(
    events: Sequence[TideEvent],
    min_height_m: float,
    start: datetime,
    end: datetime,
    step_minutes: int = 10,
) -> list[tuple[datetime, datetime]]:
    """Periods between ``start`` and ``end`` when the tide is at least ``min_height_m``.

    The curve is sampled every ``step_minutes``; window edges are the first and
    last samples that have enough water.
    """
    if end <= start:
        raise ValueError("end must be after start")
    step = timedelta(minutes=step_minutes)
    windows = []
    opened = None
    last_ok = None
    t = start
    while t <= end:
        ok = height_at(events, t) >= min_height_m
        if ok and opened is None:
            opened = t
        if ok:
            last_ok = t
        if not ok and opened is not None:
            windows.append((opened, last_ok))
            opened = None
        t += step
    if opened is not None:
        windows.append((opened, last_ok))
    return windows


def total_open_minutes(windows: list[tuple[datetime, datetime]]) -> int:
    return sum(int((b - a).total_seconds() // 60) for a, b in windows)
