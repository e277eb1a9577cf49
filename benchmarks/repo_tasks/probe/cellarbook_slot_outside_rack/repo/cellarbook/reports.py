"""Printable views of the cellar."""
from __future__ import annotations

from .cellar import Cellar


def rack_map(cellar: Cellar, rack_name: str) -> str:
    """The rack as a grid: bottle count per slot, ``.`` for empty slots."""
    rack = cellar.racks[rack_name]
    header = "   " + "".join(f"{c + 1:>3}" for c in range(rack.columns))
    lines = [rack_name, header]
    for r in range(rack.rows):
        cells = []
        for c in range(rack.columns):
            holding = cellar.holding(rack_name, rack.label(r, c))
            cells.append(f"{holding.bottles:>3}" if holding else "  .")
        lines.append(f"{rack.label(r, 0)[0]:<3}" + "".join(cells))
    return "\n".join(lines)


def bottle_count(cellar: Cellar) -> int:
    return sum(holding.bottles for _, _, holding in cellar.contents())


def ready_to_drink(cellar: Cellar, year: int) -> list[str]:
    """``"North B3: 2019 Barolo ... x6"`` lines for wines in their window."""
    return [f"{rack} {slot}: {h.wine.label} x{h.bottles}"
            for rack, slot, h in cellar.contents() if h.wine.status(year) == "ready"]


def past_best(cellar: Cellar, year: int) -> list[str]:
    """Wines that should have been drunk already, oldest window first."""
    found = [(h.wine.drink_until, f"{rack} {slot}: {h.wine.label}")
             for rack, slot, h in cellar.contents() if h.wine.status(year) == "past its best"]
    return [text for _, text in sorted(found)]
