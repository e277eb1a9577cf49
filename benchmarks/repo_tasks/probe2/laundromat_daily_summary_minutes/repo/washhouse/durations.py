"""Reading and writing programme durations such as '45m', '1h' or '1h30m'."""
from __future__ import annotations


def _minutes(digits: str, original: str) -> int:
    if not digits.isdigit():
        raise ValueError(f"bad duration {original!r}")
    return int(digits)


def parse_duration(text: str) -> int:
    """Number of minutes in a duration as written on a programme card.

    A bare number is a number of minutes; otherwise the duration is written
    with an 'h' for hours and/or an 'm' for minutes.
    """
    s = text.strip().lower().replace(" ", "")
    if not s:
        raise ValueError("empty duration")
    if s.isdigit():
        return int(s)
    if "h" in s:
        hours_part, rest = s.split("h", 1)
        hours = _minutes(hours_part, text)
        minutes = 0
        if rest.endswith("m"):
            minutes = _minutes(rest[:-1], text)
        return hours * 60 + minutes
    if s.endswith("m"):
        return _minutes(s[:-1], text)
    raise ValueError(f"bad duration {text!r}")


def format_minutes(minutes: int) -> str:
    """The card spelling of *minutes*: '45m', '1h', '1h05', '2h30'."""
    if minutes < 0:
        raise ValueError("negative duration")
    if minutes < 60:
        return f"{minutes}m"
    hours, rest = divmod(minutes, 60)
    return f"{hours}h{rest:02d}" if rest else f"{hours}h"
