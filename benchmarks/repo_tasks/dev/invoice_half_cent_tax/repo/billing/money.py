"""Helpers for working with monetary amounts.

All amounts are :class:`decimal.Decimal` values with two decimal places.
"""

from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation

CENT = Decimal("0.01")


def to_money(value) -> Decimal:
    """Convert *value* to a Decimal rounded to whole cents."""
    if isinstance(value, float):
        value = repr(value)
    try:
        amount = Decimal(value)
    except InvalidOperation as exc:
        raise ValueError(f"not a monetary amount: {value!r}") from exc
    return amount.quantize(CENT, rounding=ROUND_HALF_EVEN)


def format_money(amount, symbol: str = "$") -> str:
    """Format *amount* with a currency symbol and thousands separators.

    >>> format_money(Decimal("1234.5"))
    '$1,234.50'
    >>> format_money(Decimal("-3"))
    '-$3.00'
    """
    amount = to_money(amount)
    sign = "-" if amount < 0 else ""
    return f"{sign}{symbol}{abs(amount):,.2f}"


def parse_money(text: str) -> Decimal:
    """Parse text such as ``"$1,234.50"`` or ``"-12"`` into a Decimal."""
    cleaned = text.strip().replace(",", "")
    negative = cleaned.startswith("-")
    cleaned = cleaned.lstrip("-").lstrip("$").strip()
    if not cleaned:
        raise ValueError(f"not a monetary amount: {text!r}")
    amount = to_money(cleaned)
    return -amount if negative else amount


def sum_money(values) -> Decimal:
    """Add up monetary amounts, returning ``0.00`` for an empty iterable."""
    total = Decimal("0.00")
    for value in values:
        total += to_money(value)
    return to_money(total)
