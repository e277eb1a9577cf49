"""What the clock shows on screen."""

import math

from . import PLAYERS


def format_time(seconds: float) -> str:
    """``"4:05"`` for minutes and seconds; tenths are shown under 10 seconds.

    Seconds are rounded up so the display never reads 0:00 before the flag falls.
    """
    if seconds < 10:
        tenths = math.ceil(round(seconds * 10, 6))
        return f"0:{tenths // 10:02d}.{tenths % 10}"
    whole = math.ceil(round(seconds, 6))
    if whole >= 3600:
        return f"{whole // 3600}:{whole % 3600 // 60:02d}:{whole % 60:02d}"
    return f"{whole // 60}:{whole % 60:02d}"


def render(clock) -> str:
    """One line: both times, with ``*`` after the side whose clock runs."""
    parts = []
    for player in PLAYERS:
        mark = " *" if clock.is_running and clock.turn == player else ""
        parts.append(f"{player.title()} {format_time(clock.remaining(player))}{mark}")
    return " | ".join(parts)
