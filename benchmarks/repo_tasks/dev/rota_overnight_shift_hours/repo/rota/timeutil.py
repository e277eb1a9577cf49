"""Clock-time helpers.  Times of day are handled as minutes after midnight."""

MINUTES_PER_DAY = 24 * 60


def parse_hhmm(text: str) -> int:
    """Parse ``"HH:MM"`` into minutes after midnight.

    >>> parse_hhmm("07:30")
    450
    """
    try:
        hours, minutes = text.strip().split(":")
        h, m = int(hours), int(minutes)
    except ValueError:
        raise ValueError(f"invalid time: {text!r}") from None
    if not (0 <= h < 24 and 0 <= m < 60):
        raise ValueError(f"invalid time: {text!r}")
    return h * 60 + m


def format_hhmm(minutes: int) -> str:
    """Format minutes after midnight as ``"HH:MM"``."""
    minutes %= MINUTES_PER_DAY
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def minutes_between(start: str, end: str) -> int:
    """Number of minutes from clock time *start* to clock time *end*."""
    return parse_hhmm(end) - parse_hhmm(start)


def to_hours(minutes: int) -> float:
    """Convert minutes to hours, rounded to two decimals."""
    return round(minutes / 60, 2)
