"""Finding when an expression fires next."""

from datetime import datetime, timedelta

SEARCH_LIMIT = timedelta(days=366 * 4)


def next_run(expr, after: datetime) -> datetime:
    """The first time strictly after *after* at which *expr* fires."""
    when = after.replace(second=0, microsecond=0) + timedelta(minutes=1)
    limit = after + SEARCH_LIMIT
    while when <= limit:
        if when.month not in expr.month:
            # jump to the first minute of the next month
            year, month = (when.year + 1, 1) if when.month == 12 else (when.year, when.month + 1)
            when = datetime(year, month, 1)
            continue
        if not _day_matches(expr, when):
            when = (when + timedelta(days=1)).replace(hour=0, minute=0)
            continue
        if when.hour not in expr.hour:
            when = (when + timedelta(hours=1)).replace(minute=0)
            continue
        if when.minute in expr.minute:
            return when
        when += timedelta(minutes=1)
    raise ValueError(f"{expr.source!r} never fires")


def _day_matches(expr, when):
    probe = when.replace(hour=min(expr.hour), minute=min(expr.minute))
    return expr.matches(probe)


def upcoming(expr, after: datetime, count: int):
    """The next *count* run times after *after*."""
    runs = []
    for _ in range(count):
        after = next_run(expr, after)
        runs.append(after)
    return runs
