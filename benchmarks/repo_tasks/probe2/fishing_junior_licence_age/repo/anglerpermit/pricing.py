"""What licences cost."""
from __future__ import annotations

from decimal import Decimal

ANNUAL = {
    "adult": Decimal("42.00"),
    "junior": Decimal("8.00"),
    "senior": Decimal("28.00"),
}
DAY_TICKET = Decimal("7.50")
LOCAL_DISCOUNT = Decimal("0.25")


def licence_price(kind: str, local: bool) -> Decimal:
    """Annual price for *kind*; locals get a quarter off adult and senior licences."""
    try:
        price = ANNUAL[kind]
    except KeyError:
        raise ValueError(f"unknown licence kind {kind!r}") from None
    if local and kind != "junior":
        price = (price * (1 - LOCAL_DISCOUNT)).quantize(Decimal("0.01"))
    return price


def day_tickets_price(days: int) -> Decimal:
    """Day tickets: the fifth and later days in one purchase are half price."""
    if days < 1:
        raise ValueError("at least one day")
    full = min(days, 4)
    return DAY_TICKET * full + DAY_TICKET / 2 * (days - full)
