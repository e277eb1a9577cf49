"""Employees and shifts."""

from dataclasses import dataclass

from . import DAYS
from .timeutil import minutes_between, parse_hhmm, to_hours


@dataclass(frozen=True)
class Employee:
    name: str
    role: str
    max_weekly_hours: float = 40.0


@dataclass(frozen=True)
class Shift:
    """A block of work on one day, given as clock times ``"HH:MM"``."""

    employee: Employee
    day: str
    start: str
    end: str

    def __post_init__(self):
        if self.day not in DAYS:
            raise ValueError(f"unknown day: {self.day!r}")
        parse_hhmm(self.start)
        parse_hhmm(self.end)
        if self.start == self.end:
            raise ValueError("a shift cannot start and end at the same time")

    @property
    def minutes(self) -> int:
        """Length of the shift in minutes."""
        return minutes_between(self.start, self.end)

    @property
    def hours(self) -> float:
        return to_hours(self.minutes)

    def span(self) -> tuple:
        """(start, end) in minutes from the start of the week."""
        begin = DAYS.index(self.day) * 24 * 60 + parse_hhmm(self.start)
        return begin, begin + self.minutes

    def overlaps(self, other: "Shift") -> bool:
        """True if both shifts are for the same person and overlap in time."""
        if self.employee != other.employee:
            return False
        a0, a1 = self.span()
        b0, b1 = other.span()
        return a0 < b1 and b0 < a1
