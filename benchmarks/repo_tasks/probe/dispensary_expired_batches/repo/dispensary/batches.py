"""Batches of stock as delivered by the wholesaler."""
from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date


def parse_expiry(text: str) -> date:
    """Expiry date from the packaging.

    Packs print either a full date (``2025-03-14``) or just a month
    (``03/2025``); a month means the medicine may be used until the last
    day of that month.
    """
    text = text.strip()
    if "/" in text:
        month, year = text.split("/")
        m, y = int(month), int(year)
        if not 1 <= m <= 12:
            raise ValueError(f"bad expiry {text!r}")
        return date(y, m, calendar.monthrange(y, m)[1])
    return date.fromisoformat(text)


@dataclass
class Batch:
    """Units of one drug from a single manufacturer's batch.

    The medicine may be used up to and including ``expiry``.
    """

    drug_code: str
    batch_no: str
    expiry: date
    quantity: int

    def __post_init__(self) -> None:
        self.drug_code = self.drug_code.strip().upper()
        if self.quantity < 0:
            raise ValueError("batch quantity cannot be negative")

    def is_expired(self, on: date) -> bool:
        """True once the expiry date has passed."""
        return self.expiry < on

    def days_left(self, on: date) -> int:
        return (self.expiry - on).days
