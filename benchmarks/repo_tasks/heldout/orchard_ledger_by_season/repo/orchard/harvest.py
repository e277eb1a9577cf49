"""The harvest ledger: every crate picked, by tree."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Iterable

from .grading import normalise_grade
from .pricing import value
from .trees import Tree


@dataclass(frozen=True)
class Pick:
    tree_id: str
    picked_on: date
    kg: float
    grade: str


class HarvestLedger:
    def __init__(self, trees: Iterable[Tree]) -> None:
        self._trees = {tree.tree_id: tree for tree in trees}
        self._picks: list[Pick] = []

    def record(self, tree_id: str, picked_on: date, kg: float, grade: str = "I") -> Pick:
        """Record fruit picked from one tree."""
        if tree_id not in self._trees:
            raise KeyError(f"no tree {tree_id}")
        if kg <= 0:
            raise ValueError("weight must be positive")
        pick = Pick(tree_id, picked_on, float(kg), normalise_grade(grade))
        self._picks.append(pick)
        return pick

    @property
    def picks(self) -> tuple[Pick, ...]:
        return tuple(self._picks)

    def tree(self, tree_id: str) -> Tree:
        return self._trees[tree_id]

    def total_kg(self) -> float:
        return round(sum(p.kg for p in self._picks), 1)

    def by_cultivar(self) -> dict[str, float]:
        totals: dict[str, float] = defaultdict(float)
        for pick in self._picks:
            totals[self._trees[pick.tree_id].cultivar] += pick.kg
        return {k: round(v, 1) for k, v in sorted(totals.items())}

    def by_row(self) -> dict[int, float]:
        totals: dict[int, float] = defaultdict(float)
        for pick in self._picks:
            totals[self._trees[pick.tree_id].row] += pick.kg
        return {k: round(v, 1) for k, v in sorted(totals.items())}

    def best_trees(self, n: int = 3) -> list[tuple[str, float]]:
        """The ``n`` heaviest-cropping trees as (tree_id, kg), heaviest first."""
        totals: dict[str, float] = defaultdict(float)
        for pick in self._picks:
            totals[pick.tree_id] += pick.kg
        ranked = sorted(totals.items(), key=lambda item: (-item[1], item[0]))
        return [(tree_id, round(kg, 1)) for tree_id, kg in ranked[:n]]

    def revenue(self) -> float:
        return round(
            sum(value(self._trees[p.tree_id].cultivar, p.grade, p.kg) for p in self._picks), 2
        )
