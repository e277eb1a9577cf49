"""Temperature conversion between Celsius, Fahrenheit and Kelvin."""

ABSOLUTE_ZERO_C = -273.15

_FORMULAS = {
    ("C", "F"): lambda v: v * 9 / 5 + 32,
    ("F", "C"): lambda v: (v - 32) * 5 / 9,
    ("C", "K"): lambda v: v - ABSOLUTE_ZERO_C,
    ("K", "C"): lambda v: v + ABSOLUTE_ZERO_C,
    ("F", "K"): lambda v: (v - 32) * 5 / 9 - ABSOLUTE_ZERO_C,
    ("K", "F"): lambda v: (v + ABSOLUTE_ZERO_C) * 5 / 9 + 32,
}


def convert_temperature(value: float, src: str, dst: str) -> float:
    """Convert a temperature between the scales ``"C"``, ``"F"`` and ``"K"``.

    Raises ValueError for temperatures below absolute zero.
    """
    if src == dst:
        result = value
    else:
        try:
            formula = _FORMULAS[(src, dst)]
        except KeyError:
            raise ValueError(f"cannot convert temperature from {src} to {dst}") from None
        result = formula(value)
    if to_kelvin(value, src) < 0:
        raise ValueError(f"{value} {src} is below absolute zero")
    return result


def to_kelvin(value: float, src: str) -> float:
    """Kelvin value of a temperature given in *src*."""
    if src == "K":
        return value
    if src == "C":
        return value - ABSOLUTE_ZERO_C
    if src == "F":
        return (value - 32) * 5 / 9 - ABSOLUTE_ZERO_C
    raise ValueError(f"unknown temperature scale: {src}")
