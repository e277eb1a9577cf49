"""Clock times used in timetables.

Times are handled as whole minutes after midnight (``"07:05"`` is 425).
Late-evening services may run past midnight and are written the way bus
operators do it, as ``"24:10"`` or ``"25:05"`` on the same service day.
"""
from __future__ import annotations

MINUTES_PER_DAY = 24 * 60


def parse_hhmm(text: str) -> int:
    """Minutes after midnight for a time written ``H:MM`` or ``HH:MM``."""
    text = text.strip()
    hours, sep, minutes = text.partition(":")
    if not sep or not hours.isdigit() or not minutes.isdigit() or len(minutes) != 2:
        raise ValueError(f"bad time {text!r}")
    h, m = int(hours), int(minutes)
    if m > 59 or h > 29:
        raise ValueError(f"bad time {text!r}")
    return h * 60 + m


def format_hhmm(minutes: int) -> str:
    """``HH:MM`` for a number of minutes after midnight (24:00 and later kept)."""
    if minutes < 0:
        raise ValueError("time cannot be negative")
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def departures_every(first: int, last: int, headway: int) -> list[int]:
    """Departure times for an "every *headway* minutes" block.

    The first bus leaves at *first* and then one every *headway* minutes;
    *last* is the latest time a bus in the block may leave.  When the
    headway does not divide the block evenly the final bus is the last one
    that still leaves no later than *last*.
    """
    if headway <= 0:
        raise ValueError("headway must be positive")
    if last < first:
        raise ValueError("block ends before it starts")
    return list(range(first, last, headway))


def minutes_until(now: int, then: int) -> int:
    """Whole minutes from *now* until *then* (0 if *then* has passed)."""
    return max(0, then - now)
