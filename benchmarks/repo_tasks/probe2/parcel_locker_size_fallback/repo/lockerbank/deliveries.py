"""Couriers dropping parcels off and recipients collecting them."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from .codes import normalise_code, unique_code
from .lockers import LockerBank
from .sizes import pick_locker

HOLD_DAYS = 3
COLLECT_BY = time(20, 0)


@dataclass(frozen=True)
class Parcel:
    parcel_id: str
    dimensions: tuple[int, int, int]
    phone: str


@dataclass
class Delivery:
    parcel: Parcel
    locker_number: int
    code: str
    delivered: datetime

    @property
    def deadline(self) -> datetime:
        """Collect by 20:00 on the third day after delivery."""
        return datetime.combine(self.delivered.date() + timedelta(days=HOLD_DAYS), COLLECT_BY)


class LockerService:
    """Deliveries waiting in one bank, keyed by pickup code."""

    def __init__(self, bank: LockerBank) -> None:
        self.bank = bank
        self._waiting: dict[str, Delivery] = {}

    def deliver(self, parcel: Parcel, at: datetime) -> Delivery:
        """Put *parcel* in a locker and issue its pickup code."""
        if self.bank.find_parcel(parcel.parcel_id) is not None:
            raise ValueError(f"{parcel.parcel_id} is already in a locker")
        locker = pick_locker(self.bank, parcel.dimensions)
        self.bank.occupy(locker.number, parcel.parcel_id)
        code = unique_code(parcel.parcel_id, set(self._waiting))
        delivery = Delivery(parcel, locker.number, code, at)
        self._waiting[code] = delivery
        return delivery

    def collect(self, typed_code: str, at: datetime) -> Delivery:
        """Open the locker for the recipient who typed *typed_code*."""
        code = normalise_code(typed_code)
        delivery = self._waiting.get(code)
        if delivery is None:
            raise KeyError("unknown pickup code")
        if at > delivery.deadline:
            raise ValueError("this parcel has gone back to the depot")
        self.bank.empty(delivery.locker_number)
        del self._waiting[code]
        return delivery

    def overdue(self, now: datetime) -> list[Delivery]:
        """Parcels past their deadline, for the courier to take back."""
        return sorted((d for d in self._waiting.values() if now > d.deadline),
                      key=lambda d: d.locker_number)
