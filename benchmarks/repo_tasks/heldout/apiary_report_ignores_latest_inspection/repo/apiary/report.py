"""Printable yard report used on inspection days."""
from __future__ import annotations

from datetime import date
from typing import Iterable

from .harvest import estimate_kg
from .hive import Hive
from .logbook import Logbook
from .mites import mite_load, needs_treatment

OVERDUE_AFTER_DAYS = 14


def hive_flags(hive: Hive, logbook: Logbook, today: date) -> list[str]:
    """Short flags shown next to a hive: TREAT, REQUEEN, OVERDUE."""
    flags = []
    last = logbook.latest_for(hive.hive_id)
    if last is None or (today - last.inspected_on).days > OVERDUE_AFTER_DAYS:
        flags.append("OVERDUE")
    if last is not None and needs_treatment(last):
        flags.append("TREAT")
    if hive.needs_requeening(today):
        flags.append("REQUEEN")
    return sorted(flags)


def hive_line(hive: Hive, logbook: Logbook, today: date) -> str:
    """One line of the report describing a hive's current state."""
    last = logbook.latest_for(hive.hive_id)
    flags = hive_flags(hive, logbook, today)
    suffix = f" [{' '.join(flags)}]" if flags else ""
    if last is None:
        return f"  {hive.hive_id}: never inspected{suffix}"
    load = mite_load(last.mites_counted, last.bees_sampled)
    return (
        f"  {hive.hive_id}: {last.inspected_on.isoformat()}, "
        f"{last.brood_frames} brood / {last.honey_frames} honey, "
        f"mites {load}/100, ~{estimate_kg(last)} kg{suffix}"
    )


def yard_report(hives: Iterable[Hive], logbook: Logbook, today: date) -> str:
    """Build the full report, grouped by yard and sorted by hive id."""
    hives = list(hives)
    lines = [f"Yard report for {today.isoformat()}"]
    for yard in sorted({h.yard for h in hives}):
        lines.append(f"== {yard} ==")
        for hive in sorted((h for h in hives if h.yard == yard), key=lambda h: h.hive_id):
            lines.append(hive_line(hive, logbook, today))
    return "\n".join(lines)


def treatment_list(hives: Iterable[Hive], logbook: Logbook, today: date) -> list[str]:
    """Ids of hives flagged for mite treatment, sorted."""
    return sorted(h.hive_id for h in hives if "TREAT" in hive_flags(h, logbook, today))
