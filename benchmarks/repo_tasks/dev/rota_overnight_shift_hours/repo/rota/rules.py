"""Staffing rules a roster should respect."""

from .timeutil import format_hhmm

MIN_REST_MINUTES = 11 * 60


def over_hours(roster):
    """Messages for employees planned beyond their weekly maximum."""
    problems = []
    for emp in roster.employees():
        total = sum(s.hours for s in roster.shifts_for(emp))
        if total > emp.max_weekly_hours:
            problems.append(f"{emp.name} is planned {total:g}h (max {emp.max_weekly_hours:g}h)")
    return problems


def short_rest(roster):
    """Messages for back-to-back shifts with less than 11 hours' rest between."""
    problems = []
    for emp in roster.employees():
        shifts = roster.shifts_for(emp)
        for before, after in zip(shifts, shifts[1:]):
            gap = after.span()[0] - before.span()[1]
            if 0 <= gap < MIN_REST_MINUTES:
                problems.append(
                    f"{emp.name} rests only {gap // 60}h{gap % 60:02d} before "
                    f"{after.day} {format_hhmm(after.span()[0])}"
                )
    return problems


def check_roster(roster):
    """All rule violations in *roster*, as human-readable messages."""
    return over_hours(roster) + short_rest(roster)
