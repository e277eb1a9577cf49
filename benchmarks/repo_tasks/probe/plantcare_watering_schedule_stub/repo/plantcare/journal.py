"""The watering journal: when each plant was watered."""
from __future__ import annotations

from datetime import date
from typing import Optional


class WateringJournal:
    def __init__(self) -> None:
        self._entries: dict[str, list[date]] = {}

    def record(self, name: str, day: date) -> None:
        """Note that the plant called *name* was watered on *day*.

        Entries may be added in any order (people catch up on the journal
        later); watering the same plant twice on one day counts once.
        """
        days = self._entries.setdefault(name, [])
        if day not in days:
            days.append(day)
            days.sort()

    def last_watered(self, name: str) -> Optional[date]:
        """The most recent watering of the plant, or None if never watered."""
        days = self._entries.get(name)
        return days[-1] if days else None

    def history(self, name: str) -> list[date]:
        """All waterings of the plant, oldest first."""
        return list(self._entries.get(name, []))

    def waterings_between(self, name: str, start: date, end: date) -> int:
        """How many times the plant was watered from *start* to *end* inclusive."""
        return sum(1 for d in self._entries.get(name, []) if start <= d <= end)

    def to_lines(self) -> list[str]:
        """The journal as saved to disk: ``2024-06-03 basil`` lines, by date."""
        rows = sorted((d, name) for name, days in self._entries.items() for d in days)
        return [f"{d.isoformat()} {name}" for d, name in rows]

    @classmethod
    def from_lines(cls, lines) -> "WateringJournal":
        journal = cls()
        for line in lines:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            day, _, name = line.partition(" ")
            journal.record(name.strip(), date.fromisoformat(day))
        return journal
