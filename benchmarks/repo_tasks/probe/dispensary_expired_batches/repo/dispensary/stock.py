"""Stock on the shelves, kept per batch."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .batches import Batch


class InsufficientStock(Exception):
    """Not enough usable stock to dispense the quantity asked for."""


@dataclass(frozen=True)
class Issue:
    """One line of the dispensing log: units taken from one batch."""

    day: date
    drug_code: str
    batch_no: str
    quantity: int


class Stock:
    def __init__(self) -> None:
        self._batches: list[Batch] = []
        self.log: list[Issue] = []

    def receive(self, batch: Batch) -> None:
        """Book a delivered batch into stock."""
        for existing in self._batches:
            if (existing.drug_code, existing.batch_no) == (batch.drug_code, batch.batch_no):
                existing.quantity += batch.quantity
                return
        self._batches.append(batch)

    def batches_for(self, code: str) -> list[Batch]:
        """Batches of a drug still holding stock, earliest expiry first."""
        code = code.strip().upper()
        found = [b for b in self._batches if b.drug_code == code and b.quantity > 0]
        return sorted(found, key=lambda b: (b.expiry, b.batch_no))

    def all_batches(self) -> list[Batch]:
        return [b for b in self._batches if b.quantity > 0]

    def on_hand(self, code: str) -> int:
        """Physical units of a drug on the shelf, in date or not (for stocktakes)."""
        return sum(b.quantity for b in self.batches_for(code))

    def dispense(self, code: str, quantity: int, today: date) -> list[Issue]:
        """Take *quantity* units of a drug, first-expiring batch first.

        Returns the log lines written (one per batch used).  If there is
        not enough stock, InsufficientStock is raised and nothing changes.
        """
        if quantity <= 0:
            raise ValueError("quantity must be positive")
        batches = self.batches_for(code)
        have = sum(b.quantity for b in batches)
        if have < quantity:
            raise InsufficientStock(f"{code}: {have} in stock, {quantity} needed")
        issued = []
        remaining = quantity
        for batch in batches:
            take = min(batch.quantity, remaining)
            batch.quantity -= take
            remaining -= take
            issued.append(Issue(today, batch.drug_code, batch.batch_no, take))
            if remaining == 0:
                break
        self.log.extend(issued)
        return issued

    def write_off(self, code: str, batch_no: str) -> int:
        """Remove a batch (destroyed or returned); returns the units removed."""
        code = code.strip().upper()
        for batch in self._batches:
            if (batch.drug_code, batch.batch_no) == (code, batch_no) and batch.quantity:
                units, batch.quantity = batch.quantity, 0
                return units
        raise KeyError(f"no stock of batch {batch_no} for {code}")
