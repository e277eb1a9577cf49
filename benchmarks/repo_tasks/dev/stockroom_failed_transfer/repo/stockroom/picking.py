"""Pick lists: which bins to take an order's units from."""

from .warehouse import InsufficientStock


def plan_pick(warehouse, sku, qty):
    """Return ``[(bin, units), ...]`` covering *qty* units, fullest bins first.

    Raises InsufficientStock when the warehouse holds fewer than *qty* units.
    """
    if qty <= 0:
        raise ValueError("quantity must be positive")
    available = warehouse.total(sku)
    if available < qty:
        raise InsufficientStock(f"only {available} of {sku} in stock, {qty} wanted")
    plan = []
    remaining = qty
    for code in warehouse.bins_holding(sku):
        take = min(remaining, warehouse.quantity(code, sku))
        plan.append((code, take))
        remaining -= take
        if not remaining:
            break
    return plan


def execute_pick(warehouse, sku, plan):
    """Remove the units listed in *plan* from their bins."""
    for code, units in plan:
        warehouse.remove(code, sku, units)
