"""Split times."""
from __future__ import annotations

from typing import Sequence

from .course import Course
from .punches import Punch, format_clock
from .validation import is_valid, matched_punches


def split_times(course: Course, punches: Sequence[Punch], finish_s: int) -> list[int]:
    """Seconds taken on each leg, start to finish. Only for valid runs."""
    if not is_valid(course, punches):
        raise ValueError("cannot compute splits for an incomplete run")
    times = [0] + [p.time_s for p in matched_punches(course, punches)] + [finish_s]
    return [b - a for a, b in zip(times, times[1:])]


def fastest_splits(course: Course, runs: Sequence[tuple[Sequence[Punch], int]]) -> list[int]:
    """Fastest time on each leg among the valid runs."""
    all_splits = [split_times(course, p, f) for p, f in runs if is_valid(course, p)]
    if not all_splits:
        return []
    return [min(leg) for leg in zip(*all_splits)]


def split_line(course: Course, punches: Sequence[Punch], finish_s: int) -> str:
    legs = course.legs()
    splits = split_times(course, punches, finish_s)
    return "  ".join(f"{b}:{format_clock(s)}" for (_, b), s in zip(legs, splits))
