"""Shows: one performance of a production at a venue."""

from datetime import date


class Show:
    def __init__(self, title: str, venue, when: date):
        self.title = title
        self.venue = venue
        self.date = when
        self._taken = {section: 0 for section in venue.sections}

    @property
    def code(self) -> str:
        """Short code used in booking references, e.g. ``HAM`` for Hamlet."""
        letters = [c for c in self.title.upper() if c.isalpha()]
        return "".join(letters[:3]).ljust(3, "X")

    def seats_left(self, section: str) -> int:
        return self.venue.capacity(section) - self._taken[section]

    def seats_taken(self, section: str) -> int:
        self.venue.capacity(section)  # validates the section name
        return self._taken[section]

    def reserve(self, section: str, quantity: int) -> None:
        """Take *quantity* seats in *section*."""
        self.venue.capacity(section)
        self._taken[section] += quantity

    def release(self, section: str, quantity: int) -> None:
        """Give back *quantity* previously reserved seats."""
        if quantity > self._taken[section]:
            raise ValueError("cannot release more seats than were reserved")
        self._taken[section] -= quantity

    def is_sold_out(self) -> bool:
        return all(self.seats_left(s) == 0 for s in self.venue.sections)
