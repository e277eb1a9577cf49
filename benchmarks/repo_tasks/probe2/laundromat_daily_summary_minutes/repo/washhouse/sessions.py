"""Runs started on the machines during the day."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Optional

from .machines import Machine
from .programmes import Programme


class MachineBusy(Exception):
    """The machine is still running an earlier cycle."""


@dataclass(frozen=True)
class Run:
    machine_id: str
    programme: Programme
    started: datetime

    @property
    def ends(self) -> datetime:
        return self.started + timedelta(minutes=self.programme.minutes)


class RunLog:
    def __init__(self, machines: list[Machine]) -> None:
        self.machines = {m.machine_id: m for m in machines}
        self._runs: list[Run] = []

    def busy_until(self, machine_id: str) -> Optional[datetime]:
        """When the machine's latest run finishes (None if it never ran)."""
        ends = [r.ends for r in self._runs if r.machine_id == machine_id]
        return max(ends) if ends else None

    def start(self, machine_id: str, programme: Programme, at: datetime) -> Run:
        """Start *programme* on a machine; returns the run (with its finish time)."""
        machine = self.machines[machine_id]
        if machine.out_of_order:
            raise ValueError(f"{machine_id} is out of order")
        if programme.machine_kind != machine.kind:
            raise ValueError(f"{programme.code} is not a {machine.kind} programme")
        until = self.busy_until(machine_id)
        if until is not None and until > at:
            raise MachineBusy(f"{machine_id} is busy until {until:%H:%M}")
        run = Run(machine_id, programme, at)
        self._runs.append(run)
        return run

    def runs_on(self, day: date) -> list[Run]:
        """Runs started on *day*, in the order they were started."""
        return [r for r in self._runs if r.started.date() == day]
