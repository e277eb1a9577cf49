"""Reading and writing race times."""
from __future__ import annotations


def parse_duration(text: str) -> float:
    """Seconds from ``"SS"``, ``"M:SS"`` or ``"H:MM:SS"`` (seconds may have decimals)."""
    parts = text.strip().split(":")
    if not 1 <= len(parts) <= 3 or any(p == "" for p in parts):
        raise ValueError(f"bad time {text!r}")
    try:
        *whole, secs = parts
        values = [int(p) for p in whole] + [float(secs)]
    except ValueError:
        raise ValueError(f"bad time {text!r}") from None
    if any(v < 0 for v in values) or any(v >= 60 for v in values[1:]):
        raise ValueError(f"bad time {text!r}")
    seconds = 0.0
    for value in values:
        seconds = seconds * 60 + value
    return seconds


def format_duration(seconds: float) -> str:
    """A time to the nearest second: ``"4:05"`` under an hour, ``"1:02:03"`` from an hour up."""
    if seconds < 0:
        raise ValueError("time cannot be negative")
    hours = int(seconds // 3600)
    minutes = int(seconds % 3600 // 60)
    secs = round(seconds % 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"
