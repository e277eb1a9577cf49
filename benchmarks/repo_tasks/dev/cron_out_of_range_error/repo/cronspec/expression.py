"""Whole cron expressions."""

from dataclasses import dataclass
from datetime import datetime

from .aliases import MACROS
from .fields import FIELD_SPECS, is_wildcard, parse_field


@dataclass(frozen=True)
class CronExpression:
    source: str
    minute: frozenset
    hour: frozenset
    day: frozenset
    month: frozenset
    weekday: frozenset
    day_is_wildcard: bool = False
    weekday_is_wildcard: bool = False

    def matches(self, when: datetime) -> bool:
        """True if the expression fires at *when* (seconds are ignored).

        As in classic cron, when both day and weekday are restricted a time
        matches if either of them does.
        """
        if when.minute not in self.minute or when.hour not in self.hour:
            return False
        if when.month not in self.month:
            return False
        day_ok = when.day in self.day
        weekday_ok = (when.isoweekday() % 7) in self.weekday
        if self.day_is_wildcard or self.weekday_is_wildcard:
            return day_ok and weekday_ok
        return day_ok or weekday_ok


def parse_cron(text: str) -> CronExpression:
    """Parse a five-field expression or one of the ``@`` macros."""
    source = text.strip()
    expanded = MACROS.get(source.lower(), source)
    parts = expanded.split()
    if len(parts) != len(FIELD_SPECS):
        raise ValueError(f"expected {len(FIELD_SPECS)} fields, got {len(parts)}")
    values = {name: parse_field(part, name, low, high)
              for part, (name, low, high) in zip(parts, FIELD_SPECS)}
    return CronExpression(source, day_is_wildcard=is_wildcard(parts[2]),
                          weekday_is_wildcard=is_wildcard(parts[4]), **values)
