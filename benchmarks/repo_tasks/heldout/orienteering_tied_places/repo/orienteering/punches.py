"""Punches downloaded from electronic cards."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Punch:
    code: int
    time_s: int  # seconds since the runner's start


def parse_clock(text: str) -> int:
    """Seconds in ``m:ss`` or ``h:mm:ss``."""
    parts = [int(p) for p in text.strip().split(":")]
    if len(parts) == 2:
        minutes, seconds = parts
        return minutes * 60 + seconds
    if len(parts) == 3:
        hours, minutes, seconds = parts
        return hours * 3600 + minutes * 60 + seconds
    raise ValueError(f"cannot read time {text!r}")


def format_clock(seconds: int) -> str:
    """``mm:ss`` under an hour, ``h:mm:ss`` otherwise."""
    hours, rest = divmod(int(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes:02d}:{secs:02d}"


def parse_card(dump: str) -> list[Punch]:
    """One ``code time`` pair per line, as the download box prints them."""
    punches = []
    for line in dump.splitlines():
        line = line.strip()
        if not line:
            continue
        code, clock = line.split()
        punches.append(Punch(int(code), parse_clock(clock)))
    return sorted(punches, key=lambda p: p.time_s)
