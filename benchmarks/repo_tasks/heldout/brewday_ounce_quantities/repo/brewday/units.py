"""Parsing and converting the units that appear in brewing recipes."""
from __future__ import annotations

import re

GRAMS_PER_UNIT = {
    "g": 1.0,
    "kg": 1000.0,
    "lb": 453.59237,
}
LITRES_PER_UNIT = {
    "ml": 0.001,
    "l": 1.0,
    "gal": 3.785411784,
}
_ALIASES = {"lbs": "lb", "gram": "g", "grams": "g", "kgs": "kg", "litre": "l", "litres": "l", "gallon": "gal", "gallons": "gal"}
_AMOUNT = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]+)\s*$")


def _split(text: str) -> tuple[float, str]:
    match = _AMOUNT.match(text)
    if not match:
        raise ValueError(f"unrecognised quantity: {text!r}")
    unit = match.group(2).lower()
    return float(match.group(1)), _ALIASES.get(unit, unit)


def parse_quantity(text: str) -> float:
    """Convert a written weight such as ``"4.5 kg"`` or ``"1.5 lb"`` to grams."""
    value, unit = _split(text)
    if unit not in GRAMS_PER_UNIT:
        raise ValueError(f"unrecognised quantity: {text!r}")
    return value * GRAMS_PER_UNIT[unit]


def parse_volume(text: str) -> float:
    """Convert a written volume such as ``"5 gal"`` or ``"23 l"`` to litres."""
    value, unit = _split(text)
    if unit not in LITRES_PER_UNIT:
        raise ValueError(f"unrecognised volume: {text!r}")
    return value * LITRES_PER_UNIT[unit]


def grams_to_lb(grams: float) -> float:
    return grams / GRAMS_PER_UNIT["lb"]


def litres_to_gal(litres: float) -> float:
    return litres / LITRES_PER_UNIT["gal"]


def f_to_c(fahrenheit: float) -> float:
    return round((fahrenheit - 32) * 5 / 9, 1)


def c_to_f(celsius: float) -> float:
    return round(celsius * 9 / 5 + 32, 1)
