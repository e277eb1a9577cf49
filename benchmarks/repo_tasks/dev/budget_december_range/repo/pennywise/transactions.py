"""Bank transactions."""

import csv
import io
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation


@dataclass(frozen=True)
class Transaction:
    day: date
    amount: Decimal          # negative for money going out
    memo: str
    category: str = "uncategorised"

    @property
    def is_expense(self) -> bool:
        return self.amount < 0


def read_statement(text: str):
    """Parse a bank CSV export with ``Date,Amount,Description`` columns."""
    rows = csv.DictReader(io.StringIO(text))
    result = []
    for number, row in enumerate(rows, start=2):
        try:
            day = date.fromisoformat(row["Date"].strip())
            amount = Decimal(row["Amount"].strip().replace(",", ""))
        except (ValueError, InvalidOperation, KeyError, AttributeError):
            raise ValueError(f"line {number}: cannot read transaction") from None
        result.append(Transaction(day, amount, row["Description"].strip()))
    return result
