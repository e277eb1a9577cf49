"""Results lists."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Sequence

from .course import Course
from .punches import Punch, format_clock
from .validation import is_valid


@dataclass(frozen=True)
class Entry:
    name: str
    club: str
    punches: list[Punch]
    finish_s: Optional[int]  # None when the runner retired


def placings(course: Course, entries: Sequence[Entry]) -> list[tuple[Optional[int], Entry]]:
    """(place, entry) in results order.

    Valid finishers come first, fastest first, and runners on the same time
    share a place. Mispunched and retired runners follow with no place.
    """
    finishers = [e for e in entries if e.finish_s is not None and is_valid(course, e.punches)]
    others = [e for e in entries if e not in finishers]
    finishers.sort(key=lambda e: (e.finish_s, e.name))
    table: list[tuple[Optional[int], Entry]] = []
    place = 0
    previous_time = None
    for entry in finishers:
        if entry.finish_s != previous_time:
            place += 1
            previous_time = entry.finish_s
        table.append((place, entry))
    table.extend((None, e) for e in sorted(others, key=lambda e: e.name))
    return table


def status(course: Course, entry: Entry) -> str:
    if entry.finish_s is None:
        return "rtd"
    if not is_valid(course, entry.punches):
        return "mp"
    return format_clock(entry.finish_s)


def results_table(course: Course, entries: Sequence[Entry]) -> list[str]:
    """Printable results for one course."""
    lines = [f"{course.name} {course.length_km:g} km {course.climb_m} m"]
    for place, entry in placings(course, entries):
        position = f"{place}." if place is not None else ""
        lines.append(f"{position:>4} {entry.name:<18} {entry.club:<6} {status(course, entry):>8}")
    return lines
