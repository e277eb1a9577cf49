"""Order totals."""
from __future__ import annotations

from decimal import Decimal

from .orders import Order, OrderLine

BAKERS_DOZEN = 13


def line_total(line: OrderLine) -> Decimal:
    """Price of one order line; pastries come thirteen for the price of twelve."""
    quantity = line.quantity
    if line.product.category == "pastry":
        quantity -= quantity // BAKERS_DOZEN
    return line.product.price * quantity


def order_total(order: Order) -> Decimal:
    return sum((line_total(line) for line in order.lines), Decimal("0.00"))


def format_money(amount: Decimal) -> str:
    return f"£{amount:.2f}"
