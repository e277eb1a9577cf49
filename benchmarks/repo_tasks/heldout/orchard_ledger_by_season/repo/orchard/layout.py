"""A plan of the orchard, as printed for the picking crew."""
from __future__ import annotations

from typing import Iterable

from .trees import Tree


def initials(cultivar: str) -> str:
    """Two-letter code for a cultivar: 'Egremont Russet' -> 'ER', 'Cox' -> 'CO'."""
    words = cultivar.split()
    if len(words) >= 2:
        return (words[0][0] + words[1][0]).upper()
    return cultivar[:2].upper()


def plan(trees: Iterable[Tree]) -> str:
    """One line per row; '..' marks an empty position."""
    trees = list(trees)
    if not trees:
        return ""
    width = max(t.position for t in trees)
    by_place = {(t.row, t.position): t for t in trees}
    lines = []
    for row in range(1, max(t.row for t in trees) + 1):
        cells = [initials(by_place[(row, p)].cultivar) if (row, p) in by_place else ".." for p in range(1, width + 1)]
        lines.append(f"{row:>2} " + " ".join(cells))
    return "\n".join(lines)


def gaps(trees: Iterable[Tree]) -> list[tuple[int, int]]:
    """Empty (row, position) places inside the planted area."""
    trees = list(trees)
    taken = {(t.row, t.position) for t in trees}
    width = max((t.position for t in trees), default=0)
    rows = max((t.row for t in trees), default=0)
    return [(r, p) for r in range(1, rows + 1) for p in range(1, width + 1) if (r, p) not in taken]
