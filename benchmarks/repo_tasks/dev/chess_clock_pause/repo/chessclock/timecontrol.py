"""Time controls: base time plus an increment per move."""

import re
from dataclasses import dataclass

_SPEC_RE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(?:\+\s*(\d+))?\s*$")


@dataclass(frozen=True)
class TimeControl:
    base_seconds: float
    increment: float = 0.0

    def __post_init__(self):
        if self.base_seconds <= 0:
            raise ValueError("base time must be positive")
        if self.increment < 0:
            raise ValueError("increment cannot be negative")

    def __str__(self):
        minutes = self.base_seconds / 60
        return f"{minutes:g}+{self.increment:g}"


def parse_control(spec: str) -> TimeControl:
    """Parse ``"5+3"`` (minutes + increment seconds) or ``"10"``."""
    match = _SPEC_RE.match(spec)
    if not match:
        raise ValueError(f"invalid time control: {spec!r}")
    minutes, increment = match.groups()
    return TimeControl(float(minutes) * 60, float(increment or 0))


PRESETS = {
    "bullet": TimeControl(60, 1),
    "blitz": TimeControl(300, 3),
    "rapid": TimeControl(900, 10),
}
