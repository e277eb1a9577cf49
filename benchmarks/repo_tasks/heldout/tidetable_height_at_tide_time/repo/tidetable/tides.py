"""High and low water events, as printed in the published tide table."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class TideEvent:
    when: datetime
    kind: str  # "HW" or "LW"
    height_m: float


def parse_line(line: str) -> TideEvent:
    """Parse ``2024-03-10 04:12 HW 4.3``."""
    parts = line.split()
    if len(parts) != 4:
        raise ValueError(f"expected 'date time HW|LW height', got {line!r}")
    day, clock, kind, height = parts
    kind = kind.upper()
    if kind not in ("HW", "LW"):
        raise ValueError(f"unknown tide kind {kind!r}")
    when = datetime.strptime(f"{day} {clock}", "%Y-%m-%d %H:%M")
    return TideEvent(when, kind, float(height))


def parse_table(text: str) -> list[TideEvent]:
    """All events in a table, in time order. Blank lines and # comments are skipped."""
    events = []
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if line:
            events.append(parse_line(line))
    events.sort(key=lambda e: e.when)
    for earlier, later in zip(events, events[1:]):
        if earlier.kind == later.kind:
            raise ValueError(f"two {later.kind} in a row at {later.when:%Y-%m-%d %H:%M}")
    return events


def tidal_range(events: list[TideEvent]) -> float:
    """Largest difference between consecutive high and low waters."""
    if len(events) < 2:
        return 0.0
    return round(max(abs(a.height_m - b.height_m) for a, b in zip(events, events[1:])), 2)
