"""The term's rehearsal dates."""
from __future__ import annotations

from datetime import date, timedelta
from typing import Iterable


def term_rehearsals(first: date, last: date, skip: Iterable[date] = ()) -> list[date]:
    """Weekly rehearsals from *first* to *last* inclusive, leaving out *skip* (half term)."""
    if last < first:
        raise ValueError("the term ends before it starts")
    skipped = set(skip)
    dates = []
    day = first
    while day <= last:
        if day not in skipped:
            dates.append(day)
        day += timedelta(days=7)
    return dates


def describe(day: date) -> str:
    """'Tue 9 Jan' for the register sheet."""
    return f"{day:%a} {day.day} {day:%b}"
