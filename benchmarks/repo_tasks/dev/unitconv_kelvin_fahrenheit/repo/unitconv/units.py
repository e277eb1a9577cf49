"""Unit tables.  Each linear unit maps to its size in the dimension's base unit."""

LENGTH = {  # base: metre
    "mm": 0.001,
    "cm": 0.01,
    "m": 1.0,
    "km": 1000.0,
    "in": 0.0254,
    "ft": 0.3048,
    "yd": 0.9144,
    "mi": 1609.344,
}

MASS = {  # base: kilogram
    "mg": 1e-6,
    "g": 0.001,
    "kg": 1.0,
    "oz": 0.028349523125,
    "lb": 0.45359237,
}

VOLUME = {  # base: litre
    "ml": 0.001,
    "l": 1.0,
    "tsp": 0.00492892159375,
    "tbsp": 0.01478676478125,
    "cup": 0.2365882365,
    "gal": 3.785411784,
}

TEMPERATURE = ("C", "F", "K")

DIMENSIONS = {"length": LENGTH, "mass": MASS, "volume": VOLUME}

ALIASES = {
    "metre": "m", "meter": "m", "metres": "m", "meters": "m",
    "kilometre": "km", "kilometer": "km", "mile": "mi", "miles": "mi",
    "inch": "in", "inches": "in", "foot": "ft", "feet": "ft",
    "gram": "g", "grams": "g", "kilogram": "kg", "kilograms": "kg",
    "pound": "lb", "pounds": "lb", "lbs": "lb", "ounce": "oz", "ounces": "oz",
    "litre": "l", "liter": "l", "litres": "l", "liters": "l", "L": "l",
    "°C": "C", "degC": "C", "celsius": "C",
    "°F": "F", "degF": "F", "fahrenheit": "F",
    "kelvin": "K",
}


def canonical(unit: str) -> str:
    """Return the canonical spelling of *unit* (e.g. ``"miles"`` -> ``"mi"``)."""
    unit = unit.strip()
    return ALIASES.get(unit, ALIASES.get(unit.lower(), unit))


def dimension_of(unit: str) -> str:
    """Name of the dimension *unit* measures, e.g. ``"length"``."""
    unit = canonical(unit)
    if unit in TEMPERATURE:
        return "temperature"
    for name, table in DIMENSIONS.items():
        if unit in table:
            return name
    raise ValueError(f"unknown unit: {unit!r}")
