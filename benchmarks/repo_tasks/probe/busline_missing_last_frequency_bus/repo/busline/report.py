"""The service summary printed for the depot each morning."""
from __future__ import annotations

from .clock import format_hhmm
from .timetable import Timetable


def route_summary(timetable: Timetable, number: str) -> dict:
    """First and last departure, number of trips and the longest gap."""
    trips = timetable.trips_for(number)
    if not trips:
        raise KeyError(f"no trips for route {number}")
    starts = [trip.start for trip in trips]
    gaps = [b - a for a, b in zip(starts, starts[1:])]
    return {
        "route": number,
        "first": format_hhmm(starts[0]),
        "last": format_hhmm(starts[-1]),
        "trips": len(starts),
        "longest_gap": max(gaps) if gaps else 0,
    }


def service_summary(timetable: Timetable) -> str:
    """One line per route, e.g. ``4: 12 trips 06:40-17:05, longest gap 65 min``."""
    lines = []
    for number in timetable.route_numbers():
        s = route_summary(timetable, number)
        lines.append(
            f"{number}: {s['trips']} trips {s['first']}-{s['last']}, "
            f"longest gap {s['longest_gap']} min"
        )
    return "\n".join(lines)
