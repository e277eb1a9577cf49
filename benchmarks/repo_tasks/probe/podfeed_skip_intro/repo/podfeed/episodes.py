"""Episodes and their durations."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date


def parse_duration(text: str) -> int:
    """Seconds from an ``itunes:duration`` value.

    Feeds use plain seconds (``"3725"``), ``MM:SS`` or ``H:MM:SS``.
    """
    text = text.strip()
    if not text:
        raise ValueError("empty duration")
    parts = text.split(":")
    if len(parts) > 3 or not all(p.isdigit() for p in parts):
        raise ValueError(f"bad duration {text!r}")
    seconds = 0
    for part in parts:
        seconds = seconds * 60 + int(part)
    return seconds


def format_duration(seconds: int) -> str:
    """``"1 h 02 min"`` or ``"43 min"``, as shown in episode lists."""
    minutes = (seconds + 59) // 60
    hours, minutes = divmod(minutes, 60)
    if hours:
        return f"{hours} h {minutes:02d} min"
    return f"{minutes} min"


@dataclass(frozen=True)
class Episode:
    feed_url: str
    guid: str
    title: str
    published: date
    duration_s: int
    audio_url: str = ""

    @property
    def length(self) -> str:
        return format_duration(self.duration_s)
