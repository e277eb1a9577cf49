"""The washers and dryers on the shop floor."""
from __future__ import annotations

from dataclasses import dataclass

KINDS = ("washer", "dryer")


@dataclass
class Machine:
    """One machine; ids are printed on the door ('W1', 'D2', ...)."""

    machine_id: str
    kind: str
    capacity_kg: int
    out_of_order: bool = False

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown machine kind {self.kind!r}")
        if self.capacity_kg <= 0:
            raise ValueError("capacity must be positive")

    def label(self) -> str:
        return f"{self.machine_id} ({self.capacity_kg} kg {self.kind})"


def sort_key(machine_id: str) -> tuple[str, int]:
    """Order machines the way they stand: W1, W2, ..., W10, then D1, D2 ..."""
    prefix = machine_id.rstrip("0123456789")
    number = machine_id[len(prefix):]
    kind_rank = "0" if prefix.upper() == "W" else "1"
    return (kind_rank + prefix.upper(), int(number) if number else 0)
