"""Stock reports for the volunteers' meeting."""
from __future__ import annotations

from typing import Iterable

from .germination import GerminationTest, needs_regeneration
from .inventory import Inventory

MAX_STORAGE_SEASONS = 5


def stock_report(inventory: Inventory, low_threshold_g: float = 20.0) -> str:
    low = set(inventory.low_stock(low_threshold_g))
    lines = []
    for accession in inventory:
        grams = inventory.balance(accession.code)
        marker = " LOW" if accession.code in low else ""
        lines.append(f"{accession.label}: {grams:g} g{marker}")
    lines.append(f"Total {inventory.total_grams():g} g in {len(lines)} accessions")
    return "\n".join(lines)


def regeneration_list(inventory: Inventory, tests: Iterable[GerminationTest], year: int) -> list[str]:
    """Accessions to grow out this season: poor germination or older than five seasons."""
    tests = list(tests)
    due = []
    for accession in inventory:
        too_old = accession.age(year) > MAX_STORAGE_SEASONS
        if too_old or needs_regeneration(tests, accession.code):
            due.append(accession.code)
    return due
