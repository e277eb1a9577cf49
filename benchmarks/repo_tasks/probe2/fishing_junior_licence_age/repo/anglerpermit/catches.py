"""Catch returns."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from .licences import LicenceDesk
from .anglers import Angler
from .waters import WATERS


@dataclass(frozen=True)
class Catch:
    angler: Angler
    water: str
    species: str
    day: date
    released: bool = True


class CatchReturns:
    def __init__(self, desk: LicenceDesk) -> None:
        self.desk = desk
        self._catches: list[Catch] = []

    def record(self, catch: Catch) -> None:
        """Check the catch could have been legal, then add it to the returns."""
        water = WATERS.get(catch.water)
        if water is None:
            raise ValueError(f"unknown water {catch.water!r}")
        if not water.in_season(catch.day):
            raise ValueError(f"{water.name} is closed on {catch.day.isoformat()}")
        if catch.species not in water.species:
            raise ValueError(f"no {catch.species} in {water.name}")
        licence = self.desk.current(catch.angler, catch.day)
        if licence is None:
            raise ValueError(f"{catch.angler.name} had no licence on {catch.day.isoformat()}")
        if water.juniors_only and licence.kind != "junior":
            raise ValueError(f"{water.name} is for junior licence holders only")
        self._catches.append(catch)

    def totals(self) -> dict[str, dict[str, int]]:
        """water -> species -> number caught, for the annual report."""
        report: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for catch in self._catches:
            report[catch.water][catch.species] += 1
        return {water: dict(species) for water, species in sorted(report.items())}

    def kept(self) -> int:
        return sum(1 for c in self._catches if not c.released)
