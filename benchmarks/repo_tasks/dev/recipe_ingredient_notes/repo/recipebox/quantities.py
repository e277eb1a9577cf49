"""Kitchen quantities written as whole numbers, fractions or mixed numbers."""

from fractions import Fraction


def parse_amount(text: str) -> Fraction:
    """Parse ``"2"``, ``"1/2"``, ``"1 1/2"`` or ``"0.25"`` into a Fraction."""
    parts = text.split()
    if not 1 <= len(parts) <= 2:
        raise ValueError(f"not an amount: {text!r}")
    try:
        total = sum((Fraction(p) for p in parts), Fraction(0))
    except (ValueError, ZeroDivisionError):
        raise ValueError(f"not an amount: {text!r}") from None
    if total < 0:
        raise ValueError(f"negative amount: {text!r}")
    return total


def format_amount(amount: Fraction) -> str:
    """Format an amount the way recipes write it: ``"1 1/2"``, ``"3/4"``, ``"2"``."""
    amount = Fraction(amount).limit_denominator(16)
    whole, rest = divmod(amount.numerator, amount.denominator)
    if rest == 0:
        return str(whole)
    frac = f"{rest}/{amount.denominator}"
    return f"{whole} {frac}" if whole else frac
