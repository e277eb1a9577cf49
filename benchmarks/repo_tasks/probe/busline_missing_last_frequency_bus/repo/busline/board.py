"""Departure boards shown at bus stops."""
from __future__ import annotations

from dataclasses import dataclass

from .clock import format_hhmm, minutes_until, parse_hhmm
from .timetable import Timetable

# Buses due this soon are shown as "Due" instead of a time.
DUE_MINUTES = 1


@dataclass(frozen=True)
class Departure:
    time: str
    route: str
    destination: str
    minutes_away: int

    @property
    def display_time(self) -> str:
        return "Due" if self.minutes_away <= DUE_MINUTES else self.time


def departures(timetable: Timetable, stop: str, now: str, limit: int = 5) -> list[Departure]:
    """The next *limit* buses picking up at *stop* at or after *now* (``"HH:MM"``)."""
    if limit < 1:
        raise ValueError("limit must be at least 1")
    now_min = parse_hhmm(now)
    upcoming = []
    for time, trip in timetable.calls_at(stop):
        if time < now_min:
            continue
        upcoming.append(
            Departure(format_hhmm(time), trip.route.number, trip.route.destination,
                      minutes_until(now_min, time))
        )
        if len(upcoming) == limit:
            break
    return upcoming


def render_board(timetable: Timetable, stop: str, now: str, limit: int = 5) -> str:
    """The board as printed on the stop's display."""
    lines = [f"{stop} {now}"]
    rows = departures(timetable, stop, now, limit)
    if not rows:
        lines.append("No more buses today")
    for dep in rows:
        lines.append(f"{dep.route:>3}  {dep.destination:<20} {dep.display_time:>5}")
    return "\n".join(lines)
