"""Volume discounts offered on large invoices."""

from decimal import Decimal

from .money import to_money

# (minimum subtotal, rate) pairs, highest threshold first.
VOLUME_TIERS = [
    (Decimal("5000.00"), Decimal("0.10")),
    (Decimal("1000.00"), Decimal("0.05")),
]


def discount_rate(subtotal: Decimal) -> Decimal:
    """Return the discount rate that applies to *subtotal*."""
    for threshold, rate in VOLUME_TIERS:
        if subtotal >= threshold:
            return rate
    return Decimal("0")


def volume_discount(subtotal: Decimal) -> Decimal:
    """Return the discount amount (a positive number) for *subtotal*."""
    return to_money(subtotal * discount_rate(subtotal))
