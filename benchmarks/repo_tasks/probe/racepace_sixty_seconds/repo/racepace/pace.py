"""Pace: time per kilometre or per mile."""
from __future__ import annotations

from .distances import MILE_KM
from .timefmt import format_duration


def pace_per_km(distance_km: float, seconds: float) -> float:
    """Seconds per kilometre for covering *distance_km* in *seconds*."""
    if distance_km <= 0:
        raise ValueError("distance must be positive")
    return seconds / distance_km


def km_to_mile_pace(seconds_per_km: float) -> float:
    return seconds_per_km * MILE_KM


def pace_label(seconds_per_km: float, unit: str = "km") -> str:
    """``"4:52 /km"`` or, with ``unit="mi"``, the same pace per mile."""
    if unit == "km":
        return f"{format_duration(seconds_per_km)} /km"
    if unit == "mi":
        return f"{format_duration(km_to_mile_pace(seconds_per_km))} /mi"
    raise ValueError(f"unit must be 'km' or 'mi', not {unit!r}")


def finish_time(distance_km: float, seconds_per_km: float) -> float:
    """Seconds to cover the distance at a steady pace."""
    return distance_km * seconds_per_km


def speed_kmh(seconds_per_km: float) -> float:
    """Pace as a speed, rounded to 0.1 km/h (treadmills show speed)."""
    return round(3600 / seconds_per_km, 1)
