"""Race distances."""
from __future__ import annotations

MILE_KM = 1.609344

NAMED = {
    "5k": 5.0,
    "10k": 10.0,
    "half": 21.0975,
    "half marathon": 21.0975,
    "marathon": 42.195,
}

DISPLAY = {5.0: "5K", 10.0: "10K", 21.0975: "Half marathon", 42.195: "Marathon"}


def parse_distance(text: str) -> float:
    """Kilometres from ``"5K"``, ``"marathon"``, ``"15 km"``, ``"10 mi"`` or ``"800m"``."""
    key = text.strip().lower()
    if key in NAMED:
        return NAMED[key]
    compact = key.replace(" ", "")
    for suffix, factor in (("km", 1.0), ("mi", MILE_KM), ("m", 0.001)):
        if compact.endswith(suffix):
            number = compact[: -len(suffix)]
            try:
                value = float(number)
            except ValueError:
                break
            if value <= 0:
                break
            return value * factor
    raise ValueError(f"unknown distance {text!r}")


def distance_name(km: float) -> str:
    """``"Marathon"`` for 42.195, otherwise e.g. ``"15 km"``."""
    return DISPLAY.get(km, f"{km:g} km")
