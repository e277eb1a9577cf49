"""Monthly spending limits per category."""

from decimal import Decimal

from .periods import month_range


class Budget:
    def __init__(self, limits: dict):
        self.limits = {k: Decimal(v) for k, v in limits.items()}

    def spent(self, transactions, category: str, year: int, month: int) -> Decimal:
        """Money spent (as a positive amount) in *category* during the month."""
        first, last = month_range(year, month)
        return sum((-t.amount for t in transactions
                    if t.category == category and t.is_expense and first <= t.day <= last),
                   Decimal("0"))

    def remaining(self, transactions, category: str, year: int, month: int) -> Decimal:
        return self.limits[category] - self.spent(transactions, category, year, month)

    def over_budget(self, transactions, year: int, month: int):
        """Categories whose spending exceeded the limit that month, sorted."""
        return sorted(c for c in self.limits
                      if self.remaining(transactions, c, year, month) < 0)
