"""Vaccination reminders."""
from __future__ import annotations

from datetime import date, timedelta
from typing import Optional

# Booster interval in days, by species and vaccine.
BOOSTERS = {
    ("dog", "DHP"): 3 * 365,
    ("dog", "leptospirosis"): 365,
    ("dog", "kennel cough"): 365,
    ("cat", "FVRCP"): 3 * 365,
    ("cat", "FeLV"): 365,
    ("rabbit", "RHDV2"): 365,
    ("rabbit", "myxomatosis"): 365,
}
REMINDER_DAYS_BEFORE = 28


def next_due(species: str, vaccine: str, last_given: date) -> Optional[date]:
    interval = BOOSTERS.get((species, vaccine))
    return None if interval is None else last_given + timedelta(days=interval)


def reminders(species: str, history: dict[str, date], today: date) -> list[str]:
    """Vaccines due within the reminder window (or overdue), sorted by due date."""
    due = []
    for vaccine, given in history.items():
        when = next_due(species, vaccine, given)
        if when is not None and when - today <= timedelta(days=REMINDER_DAYS_BEFORE):
            due.append((when, vaccine))
    return [f"{vaccine} due {when.isoformat()}" for when, vaccine in sorted(due)]
