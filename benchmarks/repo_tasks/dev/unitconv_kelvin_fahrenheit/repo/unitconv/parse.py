"""Parse quantities written as text."""

import re

from .units import canonical, dimension_of

_QUANTITY_RE = re.compile(r"^\s*([-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?)\s*(.+?)\s*$")


def parse_quantity(text: str):
    """Split ``"3.5 km"`` into ``(3.5, "km")`` with the unit made canonical."""
    match = _QUANTITY_RE.match(text.replace(",", ""))
    if not match:
        raise ValueError(f"cannot parse quantity: {text!r}")
    value, unit = match.groups()
    unit = canonical(unit)
    dimension_of(unit)  # validates the unit
    return float(value), unit
