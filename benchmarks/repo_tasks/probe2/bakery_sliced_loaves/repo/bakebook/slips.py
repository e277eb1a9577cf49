"""The pickup slips taped to each bag."""
from __future__ import annotations

from .orders import Order
from .pricing import format_money, line_total, order_total

WIDTH = 32


def _row(left: str, right: str) -> str:
    gap = max(1, WIDTH - len(left) - len(right))
    return left + " " * gap + right


def order_slip(order: Order) -> list[str]:
    """Customer and pickup time, one row per line with its price, then the total."""
    rows = [f"{order.customer} - {order.day} {order.time}"]
    for line in order.lines:
        rows.append(_row(line.label(), format_money(line_total(line))))
    rows.append(_row("Total", format_money(order_total(order))))
    return rows
