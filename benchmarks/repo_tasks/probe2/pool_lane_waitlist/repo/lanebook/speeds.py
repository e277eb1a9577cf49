"""Lane speeds and how swimmers pick one."""
from __future__ import annotations

SPEEDS = ("slow", "medium", "fast")

_ALIASES = {
    "s": "slow", "slow": "slow", "steady": "slow",
    "m": "medium", "med": "medium", "medium": "medium",
    "f": "fast", "fast": "fast", "quick": "fast",
}

# Seconds per 100 m: at or under this pace a swimmer belongs in the lane.
FAST_PACE = 100
MEDIUM_PACE = 135


def normalise_speed(text: str) -> str:
    """'Fast', ' med ' or 'S' -> the speed's canonical name."""
    try:
        return _ALIASES[text.strip().lower()]
    except KeyError:
        raise ValueError(f"unknown lane speed {text!r}") from None


def speed_for_pace(seconds_per_100m: float) -> str:
    """Which lane suits a swimmer who does 100 m in *seconds_per_100m*."""
    if seconds_per_100m <= 0:
        raise ValueError("pace must be positive")
    if seconds_per_100m <= FAST_PACE:
        return "fast"
    if seconds_per_100m <= MEDIUM_PACE:
        return "medium"
    return "slow"
