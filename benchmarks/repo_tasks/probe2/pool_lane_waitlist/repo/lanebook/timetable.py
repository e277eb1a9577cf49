"""The week's sessions."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Optional

from .lanes import Lane
from .sessions import Session

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def week_sessions(monday: date, pattern: dict[str, list[time]],
                  lanes: list[Lane]) -> list[Session]:
    """Sessions for the week starting *monday*, e.g. pattern {'Mon': [time(7)]}."""
    if monday.weekday() != 0:
        raise ValueError(f"{monday} is not a Monday")
    sessions = []
    for offset, day in enumerate(WEEKDAYS):
        for start in sorted(pattern.get(day, [])):
            when = datetime.combine(monday + timedelta(days=offset), start)
            sessions.append(Session(when, lanes))
    return sessions


def next_with_space(sessions: list[Session], after: datetime, speed: str) -> Optional[Session]:
    """The first session starting at or after *after* with a free place at *speed*."""
    for session in sorted(sessions, key=lambda s: s.start):
        if session.start >= after and session.free_places(speed) > 0:
            return session
    return None
