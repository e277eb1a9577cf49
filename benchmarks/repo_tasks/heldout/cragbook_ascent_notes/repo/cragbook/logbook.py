"""The logbook of ascents."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Iterator, Optional

from .routes import Route

STYLES = ("onsight", "flash", "redpoint", "repeat", "attempt")


@dataclass(frozen=True)
class Ascent:
    route: Route
    climbed_on: date
    style: str = "redpoint"

    @property
    def is_tick(self) -> bool:
        """Attempts are logged but do not count as ascents."""
        return self.style != "attempt"


class Logbook:
    def __init__(self) -> None:
        self._ascents: list[Ascent] = []

    def log(self, route: Route, climbed_on: date, style: str = "redpoint") -> Ascent:
        """Record a go on a route and return the new entry."""
        if style not in STYLES:
            raise ValueError(f"unknown style: {style!r}")
        ascent = Ascent(route, climbed_on, style)
        self._ascents.append(ascent)
        return ascent

    def __iter__(self) -> Iterator[Ascent]:
        return iter(sorted(self._ascents, key=lambda a: a.climbed_on))

    def __len__(self) -> int:
        return len(self._ascents)

    def ticks(self) -> list[Ascent]:
        return [a for a in self if a.is_tick]

    def hardest(self, discipline: str) -> Optional[Ascent]:
        """Hardest ticked ascent in a discipline; earliest wins a tie."""
        best = None
        for ascent in self.ticks():
            if ascent.route.discipline != discipline:
                continue
            if best is None or ascent.route.difficulty > best.route.difficulty:
                best = ascent
        return best

    def sessions(self) -> list[date]:
        """Distinct days out, in order."""
        return sorted({a.climbed_on for a in self._ascents})
