"""Running times of commentaries and tours."""
from __future__ import annotations


def parse_clock(text: str) -> int:
    """'2:35' -> 155 seconds."""
    minutes, sep, seconds = text.strip().partition(":")
    if not sep or not minutes.isdigit() or not seconds.isdigit() or len(seconds) != 2:
        raise ValueError(f"bad running time {text!r}")
    if int(seconds) > 59:
        raise ValueError(f"bad running time {text!r}")
    return int(minutes) * 60 + int(seconds)


def format_clock(seconds: int) -> str:
    """155 -> '2:35'."""
    if seconds < 0:
        raise ValueError("negative running time")
    return f"{seconds // 60}:{seconds % 60:02d}"


def format_total(seconds: int) -> str:
    """A tour length for the leaflet, rounded up to the minute: '18 min', '1 h 05 min'."""
    if seconds < 0:
        raise ValueError("negative running time")
    minutes = -(-seconds // 60)
    if minutes < 60:
        return f"{minutes} min"
    return f"{minutes // 60} h {minutes % 60:02d} min"
