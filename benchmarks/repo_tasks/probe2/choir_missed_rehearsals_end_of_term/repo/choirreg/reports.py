"""The end-of-term report for section leaders."""
from __future__ import annotations

from datetime import date

from .register import Register
from .stats import attendance_rate, attended, longest_absence_run

CALL_AFTER = 3      # missed in a row without apologies


def needs_a_call(register: Register, until: date | None = None) -> list[str]:
    """Members who missed CALL_AFTER or more rehearsals in a row, in roster order."""
    return [name for name in register.members
            if longest_absence_run(register.history(name, until)) >= CALL_AFTER]


def term_report(register: Register) -> list[str]:
    """'Alto   Jane Ellis   9/12  75%' per member, in roster order."""
    lines = []
    for member in register.members.values():
        statuses = register.history(member.name)
        came, counted = attended(statuses)
        rate = attendance_rate(statuses)
        percent = "   -" if rate is None else f"{round(rate * 100):3d}%"
        lines.append(f"{member.part.title():<8}{member.name:<16}{came:>2}/{counted:<3} {percent}")
    return lines


def part_attendance(register: Register, day: date) -> dict[str, int]:
    """How many of each part came to the rehearsal on *day*."""
    if day not in register.held():
        raise KeyError(f"no rehearsal held on {day.isoformat()}")
    counts = {}
    for member in register.members.values():
        history = register.history(member.name, day)
        if history and history[-1] == "present":
            counts[member.part] = counts.get(member.part, 0) + 1
    return counts
