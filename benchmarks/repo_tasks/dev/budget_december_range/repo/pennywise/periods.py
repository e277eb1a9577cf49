"""Calendar periods used for budgeting."""

from datetime import date, timedelta


def month_range(year: int, month: int):
    """First and last day of the given month, as a ``(date, date)`` pair."""
    first = date(year, month, 1)
    last = date(year, month + 1, 1) - timedelta(days=1)
    return first, last


def quarter_of(day: date) -> int:
    """Quarter (1-4) the date falls in."""
    return (day.month - 1) // 3 + 1


def months_between(start: date, end: date) -> int:
    """Whole calendar months from the month of *start* to the month of *end*."""
    return (end.year - start.year) * 12 + end.month - start.month


def iter_months(start: date, end: date):
    """Yield ``(year, month)`` for every month from *start* to *end* inclusive."""
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        yield year, month
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
