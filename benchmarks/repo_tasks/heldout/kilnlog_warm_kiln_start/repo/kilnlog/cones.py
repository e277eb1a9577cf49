"""Orton pyrometric cone temperatures.

Cones bend after a combination of time and temperature, so the temperature
that matters depends on the final heating rate. The table gives the
temperature for final rates of 60 °C/h and 150 °C/h.
"""
from __future__ import annotations

CONES = {
    # cone: (at 60 °C/h, at 150 °C/h)
    "022": (586, 590),
    "018": (696, 717),
    "010": (887, 919),
    "06": (991, 999),
    "05": (1031, 1046),
    "04": (1063, 1077),
    "03": (1086, 1101),
    "1": (1137, 1154),
    "5": (1186, 1196),
    "6": (1222, 1243),
    "8": (1249, 1263),
    "10": (1285, 1305),
}


def cone_temperature(cone: str, rate_c_per_h: float = 60) -> int:
    """Temperature at which ``cone`` bends for the given final heating rate."""
    if cone not in CONES:
        raise ValueError(f"unknown cone: {cone!r}")
    slow, fast = CONES[cone]
    return fast if rate_c_per_h >= 150 else slow


def cone_reached(temp_c: float, rate_c_per_h: float = 60) -> str:
    """The hottest cone that bends at or below ``temp_c``; '' if none does."""
    reached = ""
    for cone in CONES:
        if cone_temperature(cone, rate_c_per_h) <= temp_c:
            reached = cone
    return reached
