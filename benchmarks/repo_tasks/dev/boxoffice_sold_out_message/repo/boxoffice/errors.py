"""Exceptions raised by the box office."""


class BoxOfficeError(Exception):
    """Base class for box office errors."""


class UnknownSection(BoxOfficeError, KeyError):
    """The venue has no section of that name."""

    def __str__(self):
        return str(self.args[0]) if self.args else ""


class SoldOut(BoxOfficeError):
    """Not enough seats are left for the request."""


class UnknownBooking(BoxOfficeError, KeyError):
    """No booking has that reference."""

    def __str__(self):
        return str(self.args[0]) if self.args else ""
