"""One timed lane-swim session and its bookings."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Optional

from .lanes import Lane
from .speeds import normalise_speed


class SessionFull(Exception):
    """No place left in any lane of the requested speed."""


class AlreadyBooked(Exception):
    """The swimmer already holds a place in this session."""


@dataclass(frozen=True)
class Booking:
    ref: str
    swimmer: str
    lane: int


class Session:
    """A session's lanes and who is booked into each one."""

    def __init__(self, start: datetime, lanes: list[Lane]) -> None:
        self.start = start
        self.lanes = {lane.number: lane for lane in lanes}
        self._bookings: dict[str, Booking] = {}
        self._next = 1

    def __repr__(self) -> str:
        return f"Session({self.start:%a %H:%M}, {len(self._bookings)} booked)"

    def _new_ref(self) -> str:
        ref = f"{self.start:%m%d%H%M}-{self._next:02d}"
        self._next += 1
        return ref

    def in_lane(self, lane: int) -> list[Booking]:
        """Bookings in *lane*, in the order they were made."""
        return [b for b in self._bookings.values() if b.lane == lane]

    def booking_for(self, swimmer: str) -> Optional[Booking]:
        for booking in self._bookings.values():
            if booking.swimmer == swimmer:
                return booking
        return None

    def free_places(self, speed: str) -> int:
        speed = normalise_speed(speed)
        return sum(lane.places - len(self.in_lane(lane.number))
                   for lane in self.lanes.values() if lane.speed == speed)

    def book(self, swimmer: str, speed: str) -> Booking:
        """Give *swimmer* a place in the emptiest lane of *speed* (lowest number on a tie)."""
        speed = normalise_speed(speed)
        if self.booking_for(swimmer) is not None:
            raise AlreadyBooked(f"{swimmer} is already booked for this session")
        candidates = [lane for lane in self.lanes.values()
                      if lane.speed == speed and len(self.in_lane(lane.number)) < lane.places]
        if not candidates:
            raise SessionFull(f"no {speed} lane places left at {self.start:%H:%M}")
        lane = min(candidates, key=lambda l: (len(self.in_lane(l.number)), l.number))
        booking = Booking(self._new_ref(), swimmer, lane.number)
        self._bookings[booking.ref] = booking
        return booking

    def cancel(self, ref: str) -> None:
        """Give up a booking; the place becomes free again."""
        if ref not in self._bookings:
            raise KeyError(f"no booking {ref}")
        del self._bookings[ref]

    def swimmers(self) -> list[str]:
        return sorted(b.swimmer for b in self._bookings.values())
