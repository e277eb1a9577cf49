"""Parking tickets."""

from dataclasses import dataclass
from datetime import datetime
from typing import Optional


@dataclass
class Ticket:
    number: int
    plate: str
    entered: datetime
    exited: Optional[datetime] = None
    lost: bool = False

    @property
    def is_open(self) -> bool:
        return self.exited is None

    def close(self, when: datetime) -> None:
        if not self.is_open:
            raise ValueError(f"ticket {self.number} is already closed")
        if when < self.entered:
            raise ValueError("exit time is before entry time")
        self.exited = when
