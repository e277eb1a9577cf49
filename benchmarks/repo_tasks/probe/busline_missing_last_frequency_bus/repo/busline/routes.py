"""Routes: the stops a bus calls at and the running time to each."""
from __future__ import annotations

from dataclasses import dataclass


class UnknownStopError(KeyError):
    """The route does not call at that stop."""


@dataclass(frozen=True)
class Route:
    """A bus route.

    ``offsets`` holds the scheduled minutes from the first stop to each stop
    in ``stops``; the first offset is always 0.
    """

    number: str
    stops: list[str]
    offsets: list[int]

    def __post_init__(self) -> None:
        if len(self.stops) < 2:
            raise ValueError(f"route {self.number} needs at least two stops")
        if len(self.stops) != len(self.offsets):
            raise ValueError(f"route {self.number}: one running time per stop")
        if self.offsets[0] != 0:
            raise ValueError(f"route {self.number}: first stop must be at offset 0")
        if any(b < a for a, b in zip(self.offsets, self.offsets[1:])):
            raise ValueError(f"route {self.number}: running times go backwards")

    @property
    def destination(self) -> str:
        """The last stop, shown on the front of the bus."""
        return self.stops[-1]

    @property
    def journey_minutes(self) -> int:
        return self.offsets[-1]

    def serves(self, stop: str) -> bool:
        return stop in self.stops[:-1]

    def offset_at(self, stop: str) -> int:
        """Minutes from the first stop to *stop*."""
        try:
            return self.offsets[self.stops.index(stop)]
        except ValueError:
            raise UnknownStopError(f"route {self.number} does not call at {stop!r}") from None
