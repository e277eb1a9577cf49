"""Weekly hours summary used for payroll."""

from . import DAYS


def weekly_hours(roster) -> dict:
    """Map each employee's name to their planned hours for the week."""
    totals = {}
    for shift in roster:
        name = shift.employee.name
        totals[name] = round(totals.get(name, 0.0) + shift.hours, 2)
    return totals


def hours_by_day(roster, employee) -> dict:
    """Hours an employee works on each day of the week (0.0 when off)."""
    result = {day: 0.0 for day in DAYS}
    for shift in roster.shifts_for(employee):
        result[shift.day] = round(result[shift.day] + shift.hours, 2)
    return result


def render_summary(roster) -> str:
    """A fixed-width table: name, role, shift count and hours, plus a total."""
    totals = weekly_hours(roster)
    lines = [f"{'Name':<12}{'Role':<10}{'Shifts':>6}{'Hours':>8}"]
    for emp in roster.employees():
        count = len(roster.shifts_for(emp))
        lines.append(f"{emp.name:<12}{emp.role:<10}{count:>6}{totals[emp.name]:>8.1f}")
    lines.append(f"{'Total':<28}{sum(totals.values()):>8.1f}")
    return "\n".join(lines)
