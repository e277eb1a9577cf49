"""Turning cell values into text."""

from decimal import Decimal


def format_cell(value) -> str:
    """Text for one cell: None is blank, booleans are yes/no, floats get 2 decimals."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


def is_numeric(value) -> bool:
    """Numbers (but not booleans) are right-aligned."""
    return isinstance(value, (int, float, Decimal)) and not isinstance(value, bool)
