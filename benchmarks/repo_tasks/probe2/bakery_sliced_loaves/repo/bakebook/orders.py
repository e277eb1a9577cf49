"""Parsing the one-line orders typed in at the counter."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .catalogue import Product, find_product

DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_LINE = re.compile(r"^\s*(\d+)\s*x\s*(.+?)\s*$", re.IGNORECASE)
_PICKUP = re.compile(r"^pickup\s+(\w{3})\w*\s+(\d{1,2}):(\d{2})$", re.IGNORECASE)


@dataclass(frozen=True)
class OrderLine:
    product: Product
    quantity: int

    def label(self) -> str:
        """How the line reads on a slip: '2x Sourdough'."""
        return f"{self.quantity}x {self.product.name}"


@dataclass(frozen=True)
class Order:
    customer: str
    lines: tuple[OrderLine, ...]
    day: str
    time: str


def parse_line(text: str) -> OrderLine:
    """Parse '2x sourdough' (the 'x' may have spaces round it)."""
    match = _LINE.match(text)
    if not match:
        raise ValueError(f"cannot read order line {text.strip()!r}")
    quantity = int(match.group(1))
    if quantity < 1:
        raise ValueError(f"quantity must be at least 1 in {text.strip()!r}")
    return OrderLine(find_product(match.group(2)), quantity)


def parse_pickup(text: str) -> tuple[str, str]:
    """Parse 'pickup Sat 08:30' (or 'pickup saturday 8:30') into ('Sat', '08:30')."""
    match = _PICKUP.match(text.strip())
    if not match:
        raise ValueError(f"cannot read pickup time {text.strip()!r}")
    day = match.group(1).title()
    hour, minute = int(match.group(2)), int(match.group(3))
    if day not in DAYS or hour > 23 or minute > 59:
        raise ValueError(f"cannot read pickup time {text.strip()!r}")
    return day, f"{hour:02d}:{minute:02d}"


def parse_order(text: str) -> Order:
    """Parse 'Mrs Patel; 2x sourdough, 6x croissant; pickup Sat 08:30'."""
    parts = [p.strip() for p in text.split(";")]
    if len(parts) != 3 or not parts[0]:
        raise ValueError("an order is 'customer; items; pickup day time'")
    customer, items, pickup = parts
    lines = tuple(parse_line(item) for item in items.split(",") if item.strip())
    if not lines:
        raise ValueError(f"order for {customer} has no items")
    day, time = parse_pickup(pickup)
    return Order(customer, lines, day, time)
