"""The numbered stops of the audio guide."""
from __future__ import annotations

from dataclasses import dataclass

from .languages import normalise_language
from .timing import parse_clock


@dataclass(frozen=True)
class Stop:
    number: int
    room: str
    floor: int
    title: str
    seconds: int
    languages: frozenset[str]

    def has_language(self, language: str) -> bool:
        return normalise_language(language) in self.languages


class Catalogue:
    """All stops, looked up by the number the visitor keys in."""

    def __init__(self, stops: list[Stop] | None = None) -> None:
        self._stops: dict[int, Stop] = {}
        for stop in stops or []:
            self.add(stop)

    def __len__(self) -> int:
        return len(self._stops)

    def add(self, stop: Stop) -> None:
        if stop.number in self._stops:
            raise ValueError(f"stop {stop.number} is already in the catalogue")
        self._stops[stop.number] = stop

    def get(self, number: int) -> Stop:
        try:
            return self._stops[number]
        except KeyError:
            raise KeyError(f"no stop {number}") from None

    def stops(self) -> list[Stop]:
        """Every stop, by number."""
        return [self._stops[n] for n in sorted(self._stops)]

    def in_room(self, room: str) -> list[Stop]:
        return [s for s in self.stops() if s.room == room]


def parse_stop(line: str) -> Stop:
    """Parse '101 | Gallery 1 | 0 | The Night Watch | 2:35 | en,nl,de'."""
    fields = [f.strip() for f in line.split("|")]
    if len(fields) != 6:
        raise ValueError(f"expected 6 fields: {line!r}")
    number, room, floor, title, running, languages = fields
    if not number.isdigit():
        raise ValueError(f"bad stop number {number!r}")
    codes = frozenset(normalise_language(code) for code in languages.split(",") if code.strip())
    if not codes:
        raise ValueError(f"stop {number} has no languages")
    return Stop(int(number), room, int(floor), title, parse_clock(running), codes)


def load_catalogue(text: str) -> Catalogue:
    """A catalogue from stop lines; blank lines and '#' comments are skipped."""
    catalogue = Catalogue()
    for raw in text.splitlines():
        line = raw.strip()
        if line and not line.startswith("#"):
            catalogue.add(parse_stop(line))
    return catalogue
