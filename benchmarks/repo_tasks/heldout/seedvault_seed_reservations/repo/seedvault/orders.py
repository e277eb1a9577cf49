"""Orders from member growers."""
from __future__ import annotations

from dataclasses import dataclass, field

from .inventory import InsufficientSeed, Inventory

MAX_GRAMS_PER_LINE = 50.0


@dataclass
class Order:
    member: str
    lines: list[tuple[str, float]] = field(default_factory=list)

    def add(self, code: str, grams: float) -> None:
        if grams > MAX_GRAMS_PER_LINE:
            raise ValueError(f"members may take at most {MAX_GRAMS_PER_LINE:g} g per accession")
        self.lines.append((code, grams))


def can_fulfil(inventory: Inventory, order: Order) -> bool:
    needed: dict[str, float] = {}
    for code, grams in order.lines:
        needed[code] = needed.get(code, 0.0) + grams
    return all(code in inventory and inventory.balance(code) >= g for code, g in needed.items())


def fulfil(inventory: Inventory, order: Order) -> list[str]:
    """Withdraw every line of the order and return the packing list.

    Nothing is withdrawn unless the whole order can be met.
    """
    if not can_fulfil(inventory, order):
        raise InsufficientSeed(f"cannot fulfil order for {order.member}")
    packing = []
    for code, grams in order.lines:
        inventory.withdraw(code, grams)
        packing.append(f"{grams:g} g {inventory.accession(code).label}")
    return packing
