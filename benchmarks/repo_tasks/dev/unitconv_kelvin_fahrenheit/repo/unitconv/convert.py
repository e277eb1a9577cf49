"""Converting values between units of the same dimension."""

from .parse import parse_quantity
from .temperature import convert_temperature
from .units import DIMENSIONS, canonical, dimension_of


def convert(value: float, src: str, dst: str) -> float:
    """Convert *value* from unit *src* to unit *dst*."""
    src, dst = canonical(src), canonical(dst)
    dim = dimension_of(src)
    if dimension_of(dst) != dim:
        raise ValueError(f"cannot convert {src} ({dim}) to {dst} ({dimension_of(dst)})")
    if dim == "temperature":
        return convert_temperature(value, src, dst)
    table = DIMENSIONS[dim]
    return value * table[src] / table[dst]


def convert_text(text: str, dst: str, places: int = 2) -> str:
    """Convert a quantity written as text, e.g. ``convert_text("3 ft", "m")``.

    The result is rounded to *places* decimals, without trailing zeros.
    """
    value, src = parse_quantity(text)
    result = convert(value, src, dst)
    number = f"{result:.{places}f}".rstrip("0").rstrip(".")
    if number == "-0":
        number = "0"
    return f"{number} {canonical(dst)}"
