"""A series of races and its overall table."""
from __future__ import annotations

from .boats import Fleet
from .race import Race
from .scoring import race_points


class Series:
    def __init__(self, name: str, fleet: Fleet, discards: int = 0) -> None:
        self.name = name
        self.fleet = fleet
        self.discards = discards
        self.races: list[Race] = []

    def new_race(self) -> Race:
        race = Race(len(self.races) + 1, self.fleet)
        self.races.append(race)
        return race

    def scores(self) -> dict[str, list[float]]:
        table = {sail: [] for sail in self.fleet.sail_numbers()}
        for race in self.races:
            for sail, pts in race_points(race).items():
                table[sail].append(pts)
        return table

    def net(self, sail_number: str) -> float:
        """Total points after dropping the worst ``discards`` results."""
        scores = sorted(self.scores()[sail_number])
        kept = scores[: len(scores) - self.discards] if self.discards < len(scores) else scores
        return sum(kept)

    def standings(self) -> list[tuple[int, str, float]]:
        """(position, sail number, net points), best first; ties share a position."""
        nets = sorted((self.net(sail), sail) for sail in self.fleet.sail_numbers())
        table = []
        for index, (points, sail) in enumerate(nets):
            if table and table[-1][2] == points:
                position = table[-1][0]
            else:
                position = index + 1
            table.append((position, sail, points))
        return table
