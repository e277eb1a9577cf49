"""Elapsed and corrected times."""
from __future__ import annotations


def parse_elapsed(text: str) -> int:
    """Seconds in an elapsed time written as ``h:mm:ss`` or ``mm:ss``."""
    parts = text.strip().split(":")
    if len(parts) not in (2, 3) or not all(p.isdigit() for p in parts):
        raise ValueError(f"invalid finish time {text!r}")
    numbers = [int(p) for p in parts]
    if len(numbers) == 2:
        numbers.insert(0, 0)
    hours, minutes, seconds = numbers
    return hours * 3600 + minutes * 60 + seconds


def format_elapsed(seconds: int) -> str:
    """``h:mm:ss`` for a number of seconds."""
    hours, rest = divmod(int(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}"


def corrected(elapsed_s: int, py: int) -> int:
    """Corrected time in seconds: elapsed * 1000 / PY, rounded to the nearest second."""
    return round(elapsed_s * 1000 / py)
