"""Did the runner visit every control, in order?"""
from __future__ import annotations

from typing import Sequence

from .course import Course
from .punches import Punch


def matched_punches(course: Course, punches: Sequence[Punch]) -> list[Punch]:
    """The punch used for each control, in course order; stops at the first control not found.

    Extra punches (controls from other courses, double punches) are ignored.
    """
    matched = []
    position = 0
    for code in course.controls:
        while position < len(punches) and punches[position].code != code:
            position += 1
        if position == len(punches):
            break
        matched.append(punches[position])
        position += 1
    return matched


def missing_controls(course: Course, punches: Sequence[Punch]) -> list[int]:
    """Controls that could not be matched in order (empty when the run is valid)."""
    found = len(matched_punches(course, punches))
    return list(course.controls[found:])


def is_valid(course: Course, punches: Sequence[Punch]) -> bool:
    return not missing_controls(course, punches)
