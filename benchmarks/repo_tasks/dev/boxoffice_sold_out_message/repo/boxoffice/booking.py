"""Bookings, complimentary holds and cancellations."""

from dataclasses import dataclass
from decimal import Decimal

from .errors import UnknownBooking
from .pricing import order_total


@dataclass
class Booking:
    reference: str
    show: object
    section: str
    quantity: int
    customer: str
    total: Decimal
    cancelled: bool = False


class BookingService:
    def __init__(self, prices=None):
        self.prices = prices
        self._bookings = {}
        self._counter = 0

    def _next_reference(self, show) -> str:
        self._counter += 1
        return f"{show.code}-{self._counter:04d}"

    def _record(self, show, section, quantity, customer, total) -> Booking:
        if quantity <= 0:
            raise ValueError("quantity must be positive")
        show.reserve(section, quantity)
        booking = Booking(self._next_reference(show), show, section, quantity, customer, total)
        self._bookings[booking.reference] = booking
        return booking

    def book(self, show, section: str, quantity: int, customer: str) -> Booking:
        """Sell *quantity* seats in *section* to *customer*."""
        show.venue.capacity(section)  # unknown sections fail before pricing
        total = order_total(section, quantity, self.prices) if quantity > 0 else Decimal("0")
        return self._record(show, section, quantity, customer, total)

    def hold(self, show, section: str, quantity: int, guest: str) -> Booking:
        """Set aside complimentary seats (press, cast guests) at no charge."""
        return self._record(show, section, quantity, f"comp:{guest}", Decimal("0.00"))

    def get(self, reference: str) -> Booking:
        try:
            return self._bookings[reference]
        except KeyError:
            raise UnknownBooking(f"no booking {reference}") from None

    def cancel(self, reference: str) -> Booking:
        booking = self.get(reference)
        if not booking.cancelled:
            booking.show.release(booking.section, booking.quantity)
            booking.cancelled = True
        return booking

    def bookings_for(self, show):
        return [b for b in self._bookings.values() if b.show is show and not b.cancelled]
