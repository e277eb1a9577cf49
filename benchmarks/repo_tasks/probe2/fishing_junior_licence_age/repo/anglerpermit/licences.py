"""Selling licences and day tickets."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Optional

from .anglers import Angler, age_on, is_local
from .pricing import day_tickets_price, licence_price

KINDS = ("adult", "junior", "senior", "day")
SENIOR_AGE = 65


@dataclass(frozen=True)
class Licence:
    number: str
    angler: Angler
    kind: str
    starts: date
    ends: date
    price: Decimal

    def valid_on(self, day: date) -> bool:
        return self.starts <= day <= self.ends


def year_end(start: date) -> date:
    """The day before the first anniversary of *start*."""
    try:
        anniversary = start.replace(year=start.year + 1)
    except ValueError:              # 29 February
        anniversary = date(start.year + 1, 3, 1)
    return anniversary - timedelta(days=1)


class LicenceDesk:
    def __init__(self, prefix: str = "RFA") -> None:
        self.prefix = prefix
        self._issued: list[Licence] = []

    def _number(self, start: date) -> str:
        return f"{self.prefix}-{start.year}-{len(self._issued) + 1:04d}"

    def issue(self, angler: Angler, kind: str, start: date, days: int = 1) -> Licence:
        """Sell a licence starting on *start* (*days* only counts for day tickets)."""
        if kind not in KINDS:
            raise ValueError(f"unknown licence kind {kind!r}")
        age = age_on(angler.born, start)
        if kind == "senior" and age < SENIOR_AGE:
            raise ValueError(f"senior licence is for anglers aged {SENIOR_AGE} or over; "
                             f"{angler.name} is {age} on {start.isoformat()}")
        if kind == "day":
            ends = start + timedelta(days=days - 1)
            price = day_tickets_price(days)
        else:
            ends = year_end(start)
            price = licence_price(kind, is_local(angler))
        licence = Licence(self._number(start), angler, kind, start, ends, price)
        self._issued.append(licence)
        return licence

    def current(self, angler: Angler, day: date) -> Optional[Licence]:
        """A licence *angler* holds that is valid on *day* (the latest issued)."""
        for licence in reversed(self._issued):
            if licence.angler == angler and licence.valid_on(day):
                return licence
        return None

    def issued(self) -> list[Licence]:
        return list(self._issued)
