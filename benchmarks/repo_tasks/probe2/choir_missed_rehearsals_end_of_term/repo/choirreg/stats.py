"""Attendance figures."""
from __future__ import annotations

from .register import ABSENT, EXCUSED, PRESENT


def attendance_rate(statuses: list[str]) -> float | None:
    """Share of rehearsals attended, not counting ones the member sent apologies for."""
    counted = [s for s in statuses if s != EXCUSED]
    if not counted:
        return None
    return counted.count(PRESENT) / len(counted)


def longest_absence_run(statuses: list[str]) -> int:
    """The most rehearsals missed in a row without apologies.

    An excused absence neither breaks a run nor adds to it.
    """
    longest = run = 0
    for status in statuses:
        if status == ABSENT:
            run += 1
        elif status == PRESENT:
            longest = max(longest, run)
            run = 0
    return longest


def attended(statuses: list[str]) -> tuple[int, int]:
    """(rehearsals attended, rehearsals that count) for the report."""
    counted = [s for s in statuses if s != EXCUSED]
    return counted.count(PRESENT), len(counted)
