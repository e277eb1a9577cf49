"""The booking office: takes bookings for each sailing."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from .deck import Deck
from .fares import total_fare
from .vehicles import Vehicle, normalise_registration


class DuplicateBookingError(Exception):
    """The vehicle already has a place on this sailing."""


class UnknownSailingError(KeyError):
    """No sailing with that id."""


@dataclass
class Booking:
    sailing_id: str
    vehicle: Vehicle
    passengers: int
    lane: int
    fare: float


class BookingOffice:
    def __init__(self, sailings: dict[str, Deck]) -> None:
        self._decks = dict(sailings)
        self._bookings: dict[str, dict[str, Booking]] = {sid: {} for sid in sailings}

    def _deck(self, sailing_id: str) -> Deck:
        try:
            return self._decks[sailing_id]
        except KeyError:
            raise UnknownSailingError(sailing_id) from None

    def book(
        self,
        sailing_id: str,
        registration: str,
        kind: str,
        length_m: float,
        passengers: int = 1,
        height_m: Optional[float] = None,
        return_trip: bool = False,
    ) -> Booking:
        """Book a vehicle onto a sailing and return the booking."""
        deck = self._deck(sailing_id)
        vehicle = Vehicle.from_form(registration, kind, length_m, height_m)
        bookings = self._bookings[sailing_id]
        if vehicle.registration in bookings:
            raise DuplicateBookingError(
                f"{vehicle.registration} is already booked on sailing {sailing_id}"
            )
        fare = total_fare(vehicle.kind, vehicle.length_m, passengers, return_trip)
        lane = deck.place(vehicle)
        booking = Booking(sailing_id, vehicle, passengers, lane, fare)
        bookings[vehicle.registration] = booking
        return booking

    def cancel(self, sailing_id: str, registration: str) -> Booking:
        """Cancel a booking and free its space on the deck."""
        deck = self._deck(sailing_id)
        key = normalise_registration(registration)
        booking = self._bookings[sailing_id].pop(key)
        deck.remove(key)
        return booking

    def bookings_for(self, sailing_id: str) -> list[Booking]:
        """Bookings on a sailing in the order they were made."""
        self._deck(sailing_id)
        return list(self._bookings[sailing_id].values())

    def deck(self, sailing_id: str) -> Deck:
        return self._deck(sailing_id)
