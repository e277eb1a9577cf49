"""The bake list the night shift works from."""
from __future__ import annotations

from collections import Counter

from .catalogue import Product, category_rank
from .orders import Order


def bake_list(orders: list[Order], day: str) -> list[tuple[str, int]]:
    """(product name, how many) for orders picked up on *day*: breads first."""
    counts: Counter[Product] = Counter()
    for order in orders:
        if order.day != day:
            continue
        for line in order.lines:
            counts[line.product] += line.quantity
    ordered = sorted(counts.items(), key=lambda item: (category_rank(item[0]), item[0].name))
    return [(product.name, count) for product, count in ordered]


def pickups_by_time(orders: list[Order], day: str) -> list[tuple[str, str]]:
    """(time, customer) for the counter, earliest first."""
    return sorted((o.time, o.customer) for o in orders if o.day == day)
