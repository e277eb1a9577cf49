"""The appointment book."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

OPENING = time(8, 30)
CLOSING = time(18, 0)


class SlotTaken(Exception):
    """The requested time overlaps an existing appointment."""


@dataclass(frozen=True)
class Appointment:
    pet_name: str
    start: datetime
    minutes: int
    reason: str = ""

    @property
    def end(self) -> datetime:
        return self.start + timedelta(minutes=self.minutes)

    def overlaps(self, other: "Appointment") -> bool:
        return self.start < other.end and other.start < self.end


class AppointmentBook:
    def __init__(self) -> None:
        self._appointments: list[Appointment] = []

    def book(self, pet_name: str, start: datetime, minutes: int = 15, reason: str = "") -> Appointment:
        appointment = Appointment(pet_name, start, minutes, reason)
        for existing in self._appointments:
            if existing.overlaps(appointment):
                raise SlotTaken(f"{start:%H:%M} clashes with {existing.pet_name} at {existing.start:%H:%M}")
        self._appointments.append(appointment)
        return appointment

    def day(self, when: date) -> list[Appointment]:
        return sorted((a for a in self._appointments if a.start.date() == when), key=lambda a: a.start)

    def free_slots(self, when: date, minutes: int = 15) -> list[time]:
        """Start times on the quarter hour where a ``minutes`` appointment fits."""
        slots = []
        start = datetime.combine(when, OPENING)
        close = datetime.combine(when, CLOSING)
        taken = self.day(when)
        while start + timedelta(minutes=minutes) <= close:
            candidate = Appointment("", start, minutes)
            if not any(candidate.overlaps(a) for a in taken):
                slots.append(start.time())
            start += timedelta(minutes=15)
        return slots
