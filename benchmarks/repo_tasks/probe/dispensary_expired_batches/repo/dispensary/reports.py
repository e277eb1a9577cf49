"""Reports the pharmacist runs from the stock records."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from .drugs import Formulary
from .stock import Stock


def expired(stock: Stock, today: date) -> list[tuple[str, str, int]]:
    """The write-off list: (code, batch, units) for batches past their expiry."""
    rows = [(b.drug_code, b.batch_no, b.quantity)
            for b in stock.all_batches() if b.is_expired(today)]
    return sorted(rows)


def expiring_soon(stock: Stock, today: date, days: int = 90) -> list[tuple[str, str, int]]:
    """(code, batch, days left) for in-date batches expiring within *days*."""
    rows = [(b.drug_code, b.batch_no, b.days_left(today))
            for b in stock.all_batches()
            if not b.is_expired(today) and b.days_left(today) <= days]
    return sorted(rows, key=lambda r: (r[2], r[0], r[1]))


def stocktake(stock: Stock, counted: dict[str, int]) -> dict[str, int]:
    """Discrepancies: counted minus recorded units, for drugs that differ."""
    codes = {b.drug_code for b in stock.all_batches()} | {c.upper() for c in counted}
    result = {}
    for code in sorted(codes):
        diff = counted.get(code, counted.get(code.lower(), 0)) - stock.on_hand(code)
        if diff:
            result[code] = diff
    return result


def valuation(stock: Stock, formulary: Formulary) -> Decimal:
    """Cost value of all stock on the shelves."""
    total = sum((formulary.get(b.drug_code).unit_cost * b.quantity
                 for b in stock.all_batches()), Decimal("0"))
    return total.quantize(Decimal("0.01"))
