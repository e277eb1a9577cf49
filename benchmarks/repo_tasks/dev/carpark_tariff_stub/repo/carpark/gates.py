"""Entry and exit barriers."""

from .occupancy import Occupancy
from .plates import is_valid_plate, normalise_plate
from .tickets import Ticket


class Barriers:
    """Issues tickets on entry and closes them on exit."""

    def __init__(self, capacity: int, first_ticket: int = 1):
        self.occupancy = Occupancy(capacity)
        self._next = first_ticket
        self.tickets = {}

    def enter(self, plate: str, when) -> Ticket:
        if not is_valid_plate(plate):
            raise ValueError(f"invalid plate: {plate!r}")
        plate = normalise_plate(plate)
        if any(t.plate == plate and t.is_open for t in self.tickets.values()):
            raise ValueError(f"{plate} is already inside")
        self.occupancy.arrive()
        ticket = Ticket(self._next, plate, when)
        self.tickets[ticket.number] = ticket
        self._next += 1
        return ticket

    def leave(self, number: int, when) -> Ticket:
        ticket = self.tickets[number]
        ticket.close(when)
        self.occupancy.depart()
        return ticket

    def find_by_plate(self, plate: str):
        """The open ticket for *plate* (used when a ticket is lost), or None."""
        plate = normalise_plate(plate)
        for ticket in self.tickets.values():
            if ticket.plate == plate and ticket.is_open:
                return ticket
        return None
