"""The inspection logbook shared by everyone working the yards."""
from __future__ import annotations

from datetime import date
from typing import Iterator, Optional

from .hive import Inspection


class Logbook:
    """An append-only collection of inspections across all hives."""

    def __init__(self) -> None:
        self._entries: list[Inspection] = []

    def record(self, inspection: Inspection) -> None:
        """Add an inspection to the log."""
        self._entries.append(inspection)

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[Inspection]:
        return iter(self._entries)

    def for_hive(self, hive_id: str) -> list[Inspection]:
        """All inspections of one hive, oldest first."""
        entries = [e for e in self._entries if e.hive_id == hive_id]
        return sorted(entries, key=lambda e: e.inspected_on)

    def latest_for(self, hive_id: str) -> Optional[Inspection]:
        """The most recent inspection of a hive, or None if it was never opened."""
        latest = None
        for entry in self._entries:
            if entry.hive_id == hive_id:
                latest = entry
        return latest

    def between(self, start: date, end: date) -> list[Inspection]:
        """Inspections made from ``start`` to ``end`` inclusive, oldest first."""
        if end < start:
            raise ValueError("end date is before start date")
        entries = [e for e in self._entries if start <= e.inspected_on <= end]
        return sorted(entries, key=lambda e: (e.inspected_on, e.hive_id))

    def hives_seen(self) -> set[str]:
        """Ids of every hive that appears in the log."""
        return {e.hive_id for e in self._entries}
