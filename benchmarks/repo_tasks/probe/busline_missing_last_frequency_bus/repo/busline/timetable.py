"""Loading a route timetable from its plain-text form.

A timetable file has one section per route::

    # Weekday service
    route 4
    06:40 07:10 07:40
    every 15 09:00-12:00
    17:05

    route 12
    every 30 07:00-18:00

Each line under ``route N`` lists departures from the route's first stop,
either as explicit times or as an ``every MINUTES FIRST-LAST`` block.
Blank lines and ``#`` comments are ignored.
"""
from __future__ import annotations

from dataclasses import dataclass

from .clock import departures_every, parse_hhmm
from .routes import Route


@dataclass(frozen=True)
class Trip:
    """One journey of a route, leaving the first stop at ``start``."""

    route: Route
    start: int

    def time_at(self, stop: str) -> int:
        return self.start + self.route.offset_at(stop)


class Timetable:
    def __init__(self) -> None:
        self._trips: dict[str, list[Trip]] = {}

    def add(self, trip: Trip) -> None:
        self._trips.setdefault(trip.route.number, []).append(trip)

    def route_numbers(self) -> list[str]:
        return sorted(self._trips, key=lambda n: (len(n), n))

    def trips_for(self, number: str) -> list[Trip]:
        """Trips of one route in departure order."""
        return sorted(self._trips.get(number, []), key=lambda t: t.start)

    def calls_at(self, stop: str) -> list[tuple[int, Trip]]:
        """(time, trip) for every trip that picks up at *stop*, by time."""
        calls = [
            (trip.time_at(stop), trip)
            for trips in self._trips.values()
            for trip in trips
            if trip.route.serves(stop)
        ]
        return sorted(calls, key=lambda c: (c[0], c[1].route.number))


def _parse_line(line: str, route: Route) -> list[int]:
    words = line.split()
    if words[0] == "every":
        if len(words) != 3 or not words[1].isdigit() or "-" not in words[2]:
            raise ValueError(f"bad frequency line: {line!r}")
        first, last = words[2].split("-", 1)
        return departures_every(parse_hhmm(first), parse_hhmm(last), int(words[1]))
    return [parse_hhmm(word) for word in words]


def load_timetable(text: str, routes: dict[str, Route]) -> Timetable:
    """Build a Timetable from the text form, using the known *routes*."""
    timetable = Timetable()
    route = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("route "):
            key = line[6:].strip()
            if key not in routes:
                raise ValueError(f"line {number}: unknown route {key!r}")
            route = routes[key]
            continue
        if route is None:
            raise ValueError(f"line {number}: departures before any 'route' line")
        for start in _parse_line(line, route):
            timetable.add(Trip(route, start))
    return timetable
