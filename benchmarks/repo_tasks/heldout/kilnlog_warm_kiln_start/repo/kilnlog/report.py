"""Plain-text firing summaries for the studio whiteboard."""
from __future__ import annotations

from datetime import datetime

from .firing import Firing


def firing_summary(firing: Firing) -> str:
    schedule = firing.schedule
    lines = [
        f"{firing.kiln.name}: {schedule.name}",
        f"Started {firing.started_at:%a %d %b %H:%M}",
        f"Expected end {firing.expected_end():%a %d %b %H:%M} ({schedule.duration_hours():g} h)",
        f"Peak {schedule.peak_c:g} °C (cone {firing.cone() or '-'})",
    ]
    lines.extend("  " + line for line in schedule.describe())
    if firing.ware:
        lines.append("Ware: " + ", ".join(firing.ware))
    return "\n".join(lines)


def whiteboard(firings: list[Firing], now: datetime) -> str:
    """One line per kiln that is firing at ``now``, soonest to finish first."""
    running = sorted((f for f in firings if f.is_running(now)), key=lambda f: f.expected_end())
    if not running:
        return "No kilns firing"
    return "\n".join(
        f"{f.kiln.name}: {f.schedule.name}, done {f.expected_end():%H:%M}" for f in running
    )
