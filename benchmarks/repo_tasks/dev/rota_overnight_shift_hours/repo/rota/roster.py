"""A week's worth of shifts."""

from . import DAYS


class Roster:
    """The set of shifts planned for one week."""

    def __init__(self, shifts=()):
        self._shifts = []
        for shift in shifts:
            self.add(shift)

    def add(self, shift):
        """Add *shift*; refuses shifts that overlap one the person already has."""
        for existing in self._shifts:
            if existing.overlaps(shift):
                raise ValueError(
                    f"{shift.employee.name} already works {existing.day} "
                    f"{existing.start}-{existing.end}"
                )
        self._shifts.append(shift)

    def remove(self, shift):
        self._shifts.remove(shift)

    def __iter__(self):
        return iter(sorted(self._shifts, key=lambda s: s.span()))

    def __len__(self):
        return len(self._shifts)

    def employees(self):
        """Employees with at least one shift, sorted by name."""
        return sorted({s.employee for s in self._shifts}, key=lambda e: e.name)

    def shifts_for(self, employee):
        return [s for s in self if s.employee == employee]

    def on_day(self, day):
        if day not in DAYS:
            raise ValueError(f"unknown day: {day!r}")
        return [s for s in self if s.day == day]
