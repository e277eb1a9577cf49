"""The end-of-day summary printed at closing time."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from .durations import format_minutes
from .machines import sort_key
from .sessions import RunLog


@dataclass
class MachineTotal:
    runs: int = 0
    minutes: int = 0
    takings: Decimal = Decimal("0.00")


def machine_totals(log: RunLog, day: date) -> dict[str, MachineTotal]:
    """Runs, minutes in use and takings for each machine used on *day*."""
    totals: dict[str, MachineTotal] = {}
    for run in log.runs_on(day):
        total = totals.setdefault(run.machine_id, MachineTotal())
        total.runs += 1
        total.minutes += run.programme.minutes
        total.takings += run.programme.price
    return dict(sorted(totals.items(), key=lambda item: sort_key(item[0])))


def summary_lines(log: RunLog, day: date) -> list[str]:
    """'W1  3 runs  2h45  £13.50' per machine, then a total line."""
    lines = []
    runs = 0
    takings = Decimal("0.00")
    for machine_id, total in machine_totals(log, day).items():
        noun = "run" if total.runs == 1 else "runs"
        lines.append(f"{machine_id}  {total.runs} {noun}  "
                     f"{format_minutes(total.minutes)}  £{total.takings:.2f}")
        runs += total.runs
        takings += total.takings
    lines.append(f"Total  {runs} runs  £{takings:.2f}")
    return lines
