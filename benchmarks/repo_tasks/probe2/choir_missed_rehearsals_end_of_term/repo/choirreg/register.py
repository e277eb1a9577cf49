"""Marking who came."""
from __future__ import annotations

from datetime import date

from .members import Member

PRESENT = "present"
ABSENT = "absent"
EXCUSED = "excused"      # sent apologies
STATUSES = (PRESENT, ABSENT, EXCUSED)


class Register:
    """Marks for each member at each rehearsal; a rehearsal can be cancelled."""

    def __init__(self, members: list[Member], dates: list[date]) -> None:
        self.members = {m.name: m for m in members}
        self.dates = sorted(dates)
        self._marks: dict[tuple[date, str], str] = {}
        self._cancelled: set[date] = set()

    def _check(self, day: date, name: str) -> None:
        if day not in self.dates:
            raise KeyError(f"no rehearsal on {day.isoformat()}")
        if name not in self.members:
            raise KeyError(f"{name} is not in the choir")

    def mark(self, day: date, name: str, status: str) -> None:
        self._check(day, name)
        if status not in STATUSES:
            raise ValueError(f"unknown status {status!r}")
        if day in self._cancelled:
            raise ValueError(f"the rehearsal on {day.isoformat()} was cancelled")
        self._marks[(day, name)] = status

    def cancel(self, day: date) -> None:
        """Snowed off: the rehearsal no longer counts for anyone."""
        if day not in self.dates:
            raise KeyError(f"no rehearsal on {day.isoformat()}")
        self._cancelled.add(day)
        for key in [k for k in self._marks if k[0] == day]:
            del self._marks[key]

    def held(self, until: date | None = None) -> list[date]:
        """Rehearsals that took place (up to and including *until*)."""
        return [d for d in self.dates
                if d not in self._cancelled and (until is None or d <= until)]

    def history(self, name: str, until: date | None = None) -> list[str]:
        """*name*'s status at each rehearsal held, in date order (unmarked means absent)."""
        if name not in self.members:
            raise KeyError(f"{name} is not in the choir")
        return [self._marks.get((d, name), ABSENT) for d in self.held(until)]
