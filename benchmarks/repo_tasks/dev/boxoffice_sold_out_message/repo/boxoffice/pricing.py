"""Ticket prices."""

from decimal import Decimal

DEFAULT_PRICES = {"Stalls": Decimal("42.00"), "Circle": Decimal("30.00"),
                  "Balcony": Decimal("18.00")}
GROUP_SIZE = 10
GROUP_DISCOUNT = Decimal("0.15")


def ticket_price(section: str, prices=None) -> Decimal:
    prices = DEFAULT_PRICES if prices is None else prices
    try:
        return prices[section]
    except KeyError:
        raise KeyError(f"no price set for section {section!r}") from None


def order_total(section: str, quantity: int, prices=None) -> Decimal:
    """Price of *quantity* tickets; groups of 10 or more get 15% off."""
    total = ticket_price(section, prices) * quantity
    if quantity >= GROUP_SIZE:
        total -= total * GROUP_DISCOUNT
    return total.quantize(Decimal("0.01"))
